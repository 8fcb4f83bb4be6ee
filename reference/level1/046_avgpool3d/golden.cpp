// CPU golden for 046_avgpool3d: the plain definition, taps in the padding add
// nothing but still count in the divisor K*K*K, accumulated in double, used to
// prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t volumes = args->dims[0] * args->dims[1];
    const int64_t d = args->dims[2];
    const int64_t h = args->dims[3];
    const int64_t w = args->dims[4];
    const int64_t k = args->dims[5];
    const int64_t s = args->dims[6];
    const int64_t p = args->dims[7];
    const int64_t od = (d + 2 * p - k) / s + 1;
    const int64_t oh = (h + 2 * p - k) / s + 1;
    const int64_t ow = (w + 2 * p - k) / s + 1;
    for (int64_t v = 0; v < volumes; ++v) {
        const float* xv = x + v * d * h * w;
        float* yv = y + v * od * oh * ow;
        for (int64_t oz = 0; oz < od; ++oz) {
            for (int64_t oy = 0; oy < oh; ++oy) {
                for (int64_t ox = 0; ox < ow; ++ox) {
                    double sum = 0.0;
                    for (int64_t kz = 0; kz < k; ++kz) {
                        for (int64_t ky = 0; ky < k; ++ky) {
                            for (int64_t kx = 0; kx < k; ++kx) {
                                const int64_t iz = oz * s - p + kz;
                                const int64_t iy = oy * s - p + ky;
                                const int64_t ix = ox * s - p + kx;
                                if (iz >= 0 && iz < d && iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    sum += xv[(iz * h + iy) * w + ix];
                                }
                            }
                        }
                    }
                    yv[(oz * oh + oy) * ow + ox] = static_cast<float>(sum / static_cast<double>(k * k * k));
                }
            }
        }
    }
    return 0;
}
