// Reference: direct convolution, one thread per output element, grid-stride.
// The last output coordinate is the fastest index, so a warp reads neighbouring
// input elements and, sharing one output channel, the same weights (a broadcast).
// Padded taps are skipped (x is zero there).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

// nn.Conv2d(C, K, kernel_size=(5, 9), padding=(2, 4), dilation=(2, 3)): fixed by the problem, as in
// KernelBench.
constexpr int64_t kKernelH = 5;
constexpr int64_t kKernelW = 9;
constexpr int64_t kStrideH = 1;
constexpr int64_t kStrideW = 1;
constexpr int64_t kPadH = 2;
constexpr int64_t kPadW = 4;
constexpr int64_t kDilationH = 2;
constexpr int64_t kDilationW = 3;

__global__ void conv2d_kernel(const float* x, const float* weight, float* y, int64_t n, int64_t c, int64_t h, int64_t w,
                              int64_t k, int64_t out_h, int64_t out_w) {
    const int64_t total = n * k * out_h * out_w;
    const int64_t grid_stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += grid_stride) {
        const int64_t ox = t % out_w;
        const int64_t oy = (t / out_w) % out_h;
        const int64_t o = (t / (out_w * out_h)) % k;
        const int64_t b = t / (out_w * out_h * k);
        float acc = 0.0f;
        for (int64_t ci = 0; ci < c; ++ci) {
            const float* xp = x + (b * c + ci) * h * w;
            const float* wp = weight + (o * c + ci) * kKernelH * kKernelW;
            for (int64_t ky = 0; ky < kKernelH; ++ky) {
                const int64_t iy = oy * kStrideH - kPadH + ky * kDilationH;
                if (iy < 0 || iy >= h) continue;  // zero padding
                for (int64_t kx = 0; kx < kKernelW; ++kx) {
                    const int64_t ix = ox * kStrideW - kPadW + kx * kDilationW;
                    if (ix < 0 || ix >= w) continue;  // zero padding
                    acc += xp[iy * w + ix] * wp[ky * kKernelW + kx];
                }
            }
        }
        y[t] = acc;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    const int64_t out_h = (h + 2 * kPadH - kDilationH * (kKernelH - 1) - 1) / kStrideH + 1;
    const int64_t out_w = (w + 2 * kPadW - kDilationW * (kKernelW - 1) - 1) / kStrideW + 1;
    constexpr int block = 256;
    const int64_t blocks_needed = (n * k * out_h * out_w + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    conv2d_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, weight, y, n, c, h, w, k, out_h,
                                                                              out_w);
    return static_cast<int>(hipGetLastError());
}
