// CPU golden for 040_layernorm_fp16: two-pass mean and biased variance. fp16 tensors arrive as their
// raw 16-bit patterns; each element is widened with hipkb::half_to_float, the
// sums are kept in double (the truth, as in the fp32 golden; never in the
// 16-bit type), and only the result is rounded to fp16.
#include <hipkb/core/float16.hpp>
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const uint16_t*>(args->inputs[0]);
    const auto* weight = static_cast<const uint16_t*>(args->inputs[1]);
    const auto* bias = static_cast<const uint16_t*>(args->inputs[2]);
    auto* y = static_cast<uint16_t*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t n = args->dims[1] * args->dims[2] * args->dims[3];
    const double eps = 1e-5;
    for (int64_t b = 0; b < batch; ++b) {
        const uint16_t* xr = x + b * n;
        uint16_t* yr = y + b * n;
        double sum = 0.0;
        for (int64_t i = 0; i < n; ++i) {
            sum += hipkb::half_to_float(xr[i]);
        }
        const double mean = sum / static_cast<double>(n);
        double sq = 0.0;
        for (int64_t i = 0; i < n; ++i) {
            const double d = hipkb::half_to_float(xr[i]) - mean;
            sq += d * d;
        }
        const double var = sq / static_cast<double>(n);
        const double rstd = 1.0 / std::sqrt(var + eps);
        for (int64_t i = 0; i < n; ++i) {
            const double normalized = (hipkb::half_to_float(xr[i]) - mean) * rstd;
            const double v = normalized * hipkb::half_to_float(weight[i]) + hipkb::half_to_float(bias[i]);
            yr[i] = hipkb::float_to_half(static_cast<float>(v));
        }
    }
    return 0;
}
