// Reference: direct convolution, one thread per output element, grid-stride.
// Output column is the fastest index so a warp reads neighbouring input pixels
// and, sharing one output channel, the same weights (a broadcast).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void conv2d_3x3_kernel(const float* x, const float* weight, float* y, int64_t n, int64_t c, int64_t h,
                                  int64_t w, int64_t k) {
    const int64_t oh = h - 2;
    const int64_t ow = w - 2;
    const int64_t total = n * k * oh * ow;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t ox = t % ow;
        const int64_t oy = (t / ow) % oh;
        const int64_t o = (t / (ow * oh)) % k;
        const int64_t b = t / (ow * oh * k);
        float acc = 0.0f;
        for (int64_t ci = 0; ci < c; ++ci) {
            const float* xp = x + ((b * c + ci) * h + oy) * w + ox;
            const float* wp = weight + (o * c + ci) * 9;
            for (int ky = 0; ky < 3; ++ky) {
                for (int kx = 0; kx < 3; ++kx) {
                    acc += xp[ky * w + kx] * wp[ky * 3 + kx];
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
    constexpr int block = 256;
    const int64_t blocks_needed = (n * k * (h - 2) * (w - 2) + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    conv2d_3x3_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, weight, y, n, c, h, w, k);
    return static_cast<int>(hipGetLastError());
}
