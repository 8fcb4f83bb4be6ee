// CPU golden for 065_conv2d_avgpool_sigmoid_sum: the whole conv output of an
// image first, then pooling, sigmoid and the sum, in double.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>
#include <vector>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    const auto* conv_bias = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    const int64_t oh = h - 2;
    const int64_t ow = w - 2;
    const int64_t ph = oh / 4;
    const int64_t pw = ow / 4;
    std::vector<double> conv(static_cast<size_t>(oh * ow));
    for (int64_t b = 0; b < n; ++b) {
        double total = 0.0;
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
                    conv[oy * ow + ox] = acc;
                }
            }
            for (int64_t py = 0; py < ph; ++py) {
                for (int64_t px = 0; px < pw; ++px) {
                    double window = 0.0;
                    for (int64_t dy = 0; dy < 4; ++dy) {
                        for (int64_t dx = 0; dx < 4; ++dx) {
                            window += conv[(4 * py + dy) * ow + 4 * px + dx];
                        }
                    }
                    total += 1.0 / (1.0 + std::exp(-window / 16.0));
                }
            }
        }
        y[b] = static_cast<float>(total);
    }
    return 0;
}
