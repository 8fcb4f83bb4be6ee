// CPU golden for 033_batch_norm: per channel, two-pass mean and biased variance
// over the batch and the image in double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t hw = args->dims[2] * args->dims[3];
    const double eps = 1e-5;
    const double count = static_cast<double>(n * hw);
    for (int64_t ch = 0; ch < c; ++ch) {
        double sum = 0.0;
        for (int64_t b = 0; b < n; ++b) {
            for (int64_t i = 0; i < hw; ++i) {
                sum += x[(b * c + ch) * hw + i];
            }
        }
        const double mean = sum / count;
        double sq = 0.0;
        for (int64_t b = 0; b < n; ++b) {
            for (int64_t i = 0; i < hw; ++i) {
                const double d = x[(b * c + ch) * hw + i] - mean;
                sq += d * d;
            }
        }
        const double rstd = 1.0 / std::sqrt(sq / count + eps);
        for (int64_t b = 0; b < n; ++b) {
            for (int64_t i = 0; i < hw; ++i) {
                const int64_t at = (b * c + ch) * hw + i;
                y[at] = static_cast<float>((x[at] - mean) * rstd);
            }
        }
    }
    return 0;
}
