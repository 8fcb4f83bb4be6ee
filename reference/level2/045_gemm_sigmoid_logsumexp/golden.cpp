// CPU golden for 045_gemm_sigmoid_logsumexp: the plain loops, in double, with
// the logsumexp taken about the row maximum.
#include <hipkb/entry.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w1 = static_cast<const float*>(args->inputs[1]);
    const auto* b1 = static_cast<const float*>(args->inputs[2]);
    const auto* w2 = static_cast<const float*>(args->inputs[3]);
    const auto* b2 = static_cast<const float*>(args->inputs[4]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t in = args->dims[1];
    const int64_t hidden = args->dims[2];
    const int64_t out = args->dims[3];
    std::vector<double> h(static_cast<size_t>(hidden));
    std::vector<double> z(static_cast<size_t>(out));
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t j = 0; j < hidden; ++j) {
            double acc = b1[j];
            for (int64_t k = 0; k < in; ++k) {
                acc += static_cast<double>(x[b * in + k]) * w1[j * in + k];
            }
            h[j] = 1.0 / (1.0 + std::exp(-acc));
        }
        for (int64_t o = 0; o < out; ++o) {
            double acc = b2[o];
            for (int64_t j = 0; j < hidden; ++j) {
                acc += h[j] * w2[o * hidden + j];
            }
            z[o] = acc;
        }
        const double z_max = *std::max_element(z.begin(), z.end());
        double sum = 0.0;
        for (const double v : z) {
            sum += std::exp(v - z_max);
        }
        y[b] = static_cast<float>(z_max + std::log(sum));
    }
    return 0;
}
