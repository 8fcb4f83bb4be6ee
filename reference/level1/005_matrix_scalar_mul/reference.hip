// Reference: one thread per element, grid-stride loop; every thread reads the
// scalar from its one-element input.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void scale_kernel(const float* a, const float* s, float* c, int64_t n) {
    const float scale = s[0];
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        c[i] = a[i] * scale;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* s = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    if (n == 0) {
        return 0;
    }
    constexpr int block = 256;
    const int64_t blocks_needed = (n + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    scale_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(a, s, c, n);
    return static_cast<int>(hipGetLastError());
}
