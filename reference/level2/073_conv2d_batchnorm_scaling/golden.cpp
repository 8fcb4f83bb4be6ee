// CPU golden for 073_conv2d_batchnorm_scaling: the whole conv output first,
// then per-channel batch statistics, in double.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>
#include <vector>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    const auto* conv_bias = static_cast<const float*>(args->inputs[2]);
    const auto* gamma = static_cast<const float*>(args->inputs[3]);
    const auto* beta = static_cast<const float*>(args->inputs[4]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    const int64_t oh = h - 2;
    const int64_t ow = w - 2;
    const int64_t area = oh * ow;
    std::vector<double> conv(static_cast<size_t>(n * k * area));
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t o = 0; o < k; ++o) {
            for (int64_t oy = 0; oy < oh; ++oy) {
                for (int64_t ox = 0; ox < ow; ++ox) {
                    double acc = conv_bias[o];
                    for (int64_t ci = 0; ci < c; ++ci) {
                        for (int64_t ky = 0; ky < 3; ++ky) {
                            for (int64_t kx = 0; kx < 3; ++kx) {
                                acc += static_cast<double>(x[((b * c + ci) * h + oy + ky) * w + ox + kx]) *
                                       weight[((o * c + ci) * 3 + ky) * 3 + kx];
                            }
                        }
                    }
                    conv[(b * k + o) * area + oy * ow + ox] = acc;
                }
            }
        }
    }
    for (int64_t o = 0; o < k; ++o) {
        double mean = 0.0;
        for (int64_t b = 0; b < n; ++b) {
            for (int64_t i = 0; i < area; ++i) {
                mean += conv[(b * k + o) * area + i];
            }
        }
        mean /= static_cast<double>(n * area);
        double var = 0.0;
        for (int64_t b = 0; b < n; ++b) {
            for (int64_t i = 0; i < area; ++i) {
                const double d = conv[(b * k + o) * area + i] - mean;
                var += d * d;
            }
        }
        var /= static_cast<double>(n * area);
        for (int64_t b = 0; b < n; ++b) {
            for (int64_t i = 0; i < area; ++i) {
                const int64_t at = (b * k + o) * area + i;
                y[at] = static_cast<float>(((conv[at] - mean) / std::sqrt(var + 1e-5) * gamma[o] + beta[o]) * 2.0);
            }
        }
    }
    return 0;
}
