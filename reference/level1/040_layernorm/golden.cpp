// CPU golden for 040_layernorm: two-pass mean and biased variance in double, used
// to prove the reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    const auto* bias = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t n = args->dims[1] * args->dims[2] * args->dims[3];
    const double eps = 1e-5;
    for (int64_t b = 0; b < batch; ++b) {
        const float* xr = x + b * n;
        float* yr = y + b * n;
        double sum = 0.0;
        for (int64_t i = 0; i < n; ++i) {
            sum += xr[i];
        }
        const double mean = sum / static_cast<double>(n);
        double sq = 0.0;
        for (int64_t i = 0; i < n; ++i) {
            const double d = xr[i] - mean;
            sq += d * d;
        }
        const double var = sq / static_cast<double>(n);
        const double rstd = 1.0 / std::sqrt(var + eps);
        for (int64_t i = 0; i < n; ++i) {
            yr[i] = static_cast<float>((xr[i] - mean) * rstd * weight[i] + bias[i]);
        }
    }
    return 0;
}
