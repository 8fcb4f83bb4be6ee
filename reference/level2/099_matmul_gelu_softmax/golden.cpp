// CPU golden for 099_matmul_gelu_softmax: the plain loops, in double.
#include <hipkb/entry.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    const auto* bias = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t in = args->dims[1];
    const int64_t out = args->dims[2];
    std::vector<double> g(static_cast<size_t>(out));
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t o = 0; o < out; ++o) {
            double v = bias[o];
            for (int64_t k = 0; k < in; ++k) {
                v += static_cast<double>(x[b * in + k]) * w[o * in + k];
            }
            g[o] = 0.5 * v * (1.0 + std::erf(v / std::sqrt(2.0)));
        }
        const double row_max = *std::max_element(g.begin(), g.end());
        double denominator = 0.0;
        for (const double v : g) {
            denominator += std::exp(v - row_max);
        }
        for (int64_t o = 0; o < out; ++o) {
            y[b * out + o] = static_cast<float>(std::exp(g[o] - row_max) / denominator);
        }
    }
    return 0;
}
