// Reference: one thread per output element, grid-stride, summing the taps of
// its window that fall inside the row; the divisor is always K because
// PyTorch's default count_include_pad counts the padding taps.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void avgpool1d_kernel(const float* x, float* y, int64_t rows, int64_t l, int64_t ol, int64_t k, int64_t s,
                                 int64_t p) {
    const int64_t total = rows * ol;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t o = t % ol;
        const float* xr = x + (t / ol) * l;
        const int64_t start = o * s - p;
        float sum = 0.0f;
        for (int64_t tap = 0; tap < k; ++tap) {
            const int64_t i = start + tap;
            if (i >= 0 && i < l) {
                sum += xr[i];
            }
        }
        y[t] = sum / static_cast<float>(k);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0] * args->dims[1];
    const int64_t l = args->dims[2];
    const int64_t k = args->dims[3];
    const int64_t s = args->dims[4];
    const int64_t p = args->dims[5];
    const int64_t ol = (l + 2 * p - k) / s + 1;
    constexpr int block = 256;
    const int64_t blocks_needed = (rows * ol + block - 1) / block;
    if (blocks_needed == 0) {
        return 0;
    }
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    avgpool1d_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, rows, l, ol, k, s, p);
    return static_cast<int>(hipGetLastError());
}
