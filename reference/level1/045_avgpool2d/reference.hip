// Reference: one thread per output element, grid-stride, summing the taps of
// its window that fall inside the image; the divisor is always K*K because
// PyTorch's default count_include_pad counts the padding taps.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void avgpool2d_kernel(const float* x, float* y, int64_t planes, int64_t h, int64_t w, int64_t oh,
                                 int64_t ow, int64_t k, int64_t s, int64_t p) {
    const int64_t total = planes * oh * ow;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    const float divisor = static_cast<float>(k * k);
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t ox = t % ow;
        const int64_t oy = (t / ow) % oh;
        const int64_t plane = t / (ow * oh);
        const float* xp = x + plane * h * w;
        float sum = 0.0f;
        for (int64_t ky = 0; ky < k; ++ky) {
            const int64_t iy = oy * s - p + ky;
            if (iy < 0 || iy >= h) {
                continue;
            }
            for (int64_t kx = 0; kx < k; ++kx) {
                const int64_t ix = ox * s - p + kx;
                if (ix >= 0 && ix < w) {
                    sum += xp[iy * w + ix];
                }
            }
        }
        y[t] = sum / divisor;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t planes = args->dims[0] * args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    const int64_t s = args->dims[5];
    const int64_t p = args->dims[6];
    const int64_t oh = (h + 2 * p - k) / s + 1;
    const int64_t ow = (w + 2 * p - k) / s + 1;
    constexpr int block = 256;
    const int64_t blocks_needed = (planes * oh * ow + block - 1) / block;
    if (blocks_needed == 0) {
        return 0;
    }
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    avgpool2d_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, planes, h, w, oh, ow, k, s, p);
    return static_cast<int>(hipGetLastError());
}
