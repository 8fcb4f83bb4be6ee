// CPU golden for 087_pointwise_conv2d: the direct definition of a 1x1
// convolution, accumulated in double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t o = 0; o < k; ++o) {
            for (int64_t i = 0; i < h; ++i) {
                for (int64_t j = 0; j < w; ++j) {
                    double acc = 0.0;
                    for (int64_t ci = 0; ci < c; ++ci) {
                        acc += static_cast<double>(x[((b * c + ci) * h + i) * w + j]) * weight[o * c + ci];
                    }
                    y[((b * k + o) * h + i) * w + j] = static_cast<float>(acc);
                }
            }
        }
    }
    return 0;
}
