// CPU golden for 042_maxpool2d: the plain definition, taps outside the image are
// skipped (padding counts as -inf), used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>
#include <limits>

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
    for (int64_t plane = 0; plane < n * c; ++plane) {
        const float* xp = x + plane * h * w;
        float* yp = y + plane * oh * ow;
        for (int64_t oy = 0; oy < oh; ++oy) {
            for (int64_t ox = 0; ox < ow; ++ox) {
                float m = -std::numeric_limits<float>::infinity();
                for (int64_t ky = 0; ky < k; ++ky) {
                    for (int64_t kx = 0; kx < k; ++kx) {
                        const int64_t iy = oy * s - p + ky * dil;
                        const int64_t ix = ox * s - p + kx * dil;
                        if (iy >= 0 && iy < h && ix >= 0 && ix < w && xp[iy * w + ix] > m) {
                            m = xp[iy * w + ix];
                        }
                    }
                }
                yp[oy * ow + ox] = m;
            }
        }
    }
    return 0;
}
