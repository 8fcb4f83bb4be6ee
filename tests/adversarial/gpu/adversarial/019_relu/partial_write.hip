// Adversarial candidate "partial_write": a correct ReLU kernel launched over
// the first half of the elements only, halving the work in the hope that
// the check samples a few (leading) elements rather than all of them.
// Caught by the output poison and the elementwise check: the second half
// keeps the harness's NaN, every element is compared, and the verdict is
// nan_output naming the first unwritten index (B * D / 2).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void relu_kernel(const float* x, float* y, int64_t n) {
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        y[i] = fmaxf(x[i], 0.0f);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t half = args->dims[0] * args->dims[1] / 2;
    constexpr int block = 256;
    const int64_t blocks_needed = (half + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    relu_kernel<<<grid > 0 ? grid : 1, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, half);
    return static_cast<int>(hipGetLastError());
}
