// Reference: one thread per output element, grid-stride, scanning its window
// and skipping taps that fall in the padding (padding counts as -inf).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void maxpool2d_kernel(const float* x, float* y, int64_t planes, int64_t h, int64_t w, int64_t oh,
                                 int64_t ow, int64_t k, int64_t s, int64_t p, int64_t dil) {
    const int64_t total = planes * oh * ow;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t ox = t % ow;
        const int64_t oy = (t / ow) % oh;
        const int64_t plane = t / (ow * oh);
        const float* xp = x + plane * h * w;
        const int64_t y0 = oy * s - p;
        const int64_t x0 = ox * s - p;
        float m = -INFINITY;
        for (int64_t ky = 0; ky < k; ++ky) {
            const int64_t iy = y0 + ky * dil;
            if (iy < 0 || iy >= h) {
                continue;
            }
            for (int64_t kx = 0; kx < k; ++kx) {
                const int64_t ix = x0 + kx * dil;
                if (ix >= 0 && ix < w) {
                    m = fmaxf(m, xp[iy * w + ix]);
                }
            }
        }
        y[t] = m;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    const int64_t s = args->dims[5];
    const int64_t p = args->dims[6];
    const int64_t dil = args->dims[7];
    const int64_t oh = (h + 2 * p - dil * (k - 1) - 1) / s + 1;
    const int64_t ow = (w + 2 * p - dil * (k - 1) - 1) / s + 1;
    constexpr int block = 256;
    const int64_t blocks_needed = (n * c * oh * ow + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    maxpool2d_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, n * c, h, w, oh, ow, k, s, p,
                                                                              dil);
    return static_cast<int>(hipGetLastError());
}
