// CPU golden for 097_matmul_batchnorm_biasadd_divide_swish: the Linear output first, then
// batch statistics per feature and the chain step by step, in double.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace {

double swish(double v) {
    return v * (1.0 / (1.0 + std::exp(-v)));
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    const auto* bias = static_cast<const float*>(args->inputs[2]);
    const auto* gamma = static_cast<const float*>(args->inputs[3]);
    const auto* beta = static_cast<const float*>(args->inputs[4]);
    const auto* extra_bias = static_cast<const float*>(args->inputs[5]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t in = args->dims[1];
    const int64_t out = args->dims[2];
    std::vector<double> z(static_cast<size_t>(batch * out));
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t o = 0; o < out; ++o) {
            double sum = bias[o];
            for (int64_t k = 0; k < in; ++k) {
                sum += static_cast<double>(x[b * in + k]) * w[o * in + k];
            }
            z[b * out + o] = sum;
        }
    }
    for (int64_t o = 0; o < out; ++o) {
        double mean = 0.0;
        for (int64_t b = 0; b < batch; ++b) {
            mean += z[b * out + o];
        }
        mean /= static_cast<double>(batch);
        double var = 0.0;
        for (int64_t b = 0; b < batch; ++b) {
            var += (z[b * out + o] - mean) * (z[b * out + o] - mean);
        }
        var /= static_cast<double>(batch);
        for (int64_t b = 0; b < batch; ++b) {
            const double v = (z[b * out + o] - mean) / std::sqrt(var + 1e-5) * gamma[o] + beta[o];
            y[b * out + o] = static_cast<float>(swish((v + extra_bias[0]) / 1.0));
        }
    }
    return 0;
}
