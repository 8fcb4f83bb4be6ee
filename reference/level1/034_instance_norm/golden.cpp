// CPU golden for 034_instance_norm: per (n, c) plane, two-pass mean and biased
// variance in double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t planes = args->dims[0] * args->dims[1];
    const int64_t hw = args->dims[2] * args->dims[3];
    const double eps = 1e-5;
    for (int64_t p = 0; p < planes; ++p) {
        const float* xp = x + p * hw;
        float* yp = y + p * hw;
        double sum = 0.0;
        for (int64_t i = 0; i < hw; ++i) {
            sum += xp[i];
        }
        const double mean = sum / static_cast<double>(hw);
        double sq = 0.0;
        for (int64_t i = 0; i < hw; ++i) {
            const double d = xp[i] - mean;
            sq += d * d;
        }
        const double rstd = 1.0 / std::sqrt(sq / static_cast<double>(hw) + eps);
        for (int64_t i = 0; i < hw; ++i) {
            yp[i] = static_cast<float>((xp[i] - mean) * rstd);
        }
    }
    return 0;
}
