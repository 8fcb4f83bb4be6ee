// CPU golden for 030_gemm_groupnorm_hardtanh: the plain loops, in double.
#include <hipkb/entry.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    const auto* bias = static_cast<const float*>(args->inputs[2]);
    const auto* gamma = static_cast<const float*>(args->inputs[3]);
    const auto* beta = static_cast<const float*>(args->inputs[4]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t in = args->dims[1];
    const int64_t groups = args->dims[2];
    const int64_t group_size = args->dims[3];
    const int64_t out = groups * group_size;
    std::vector<double> z(static_cast<size_t>(out));
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t o = 0; o < out; ++o) {
            double sum = bias[o];
            for (int64_t k = 0; k < in; ++k) {
                sum += static_cast<double>(x[b * in + k]) * w[o * in + k];
            }
            z[o] = sum;
        }
        for (int64_t g = 0; g < groups; ++g) {
            const int64_t first = g * group_size;
            double mean = 0.0;
            for (int64_t i = 0; i < group_size; ++i) {
                mean += z[first + i];
            }
            mean /= static_cast<double>(group_size);
            double var = 0.0;
            for (int64_t i = 0; i < group_size; ++i) {
                var += (z[first + i] - mean) * (z[first + i] - mean);
            }
            var /= static_cast<double>(group_size);
            for (int64_t i = 0; i < group_size; ++i) {
                const int64_t o = first + i;
                const double v = (z[o] - mean) / std::sqrt(var + 1e-5) * gamma[o] + beta[o];
                y[b * out + o] = static_cast<float>(std::clamp(v, -2.0, 2.0));
            }
        }
    }
    return 0;
}
