// CPU golden for 063_conv2d_k3: the direct definition, accumulated in double,
// used to prove the reference right.
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
    const int64_t oh = h - 2;
    const int64_t ow = w - 2;
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t o = 0; o < k; ++o) {
            for (int64_t oy = 0; oy < oh; ++oy) {
                for (int64_t ox = 0; ox < ow; ++ox) {
                    double acc = 0.0;
                    for (int64_t ci = 0; ci < c; ++ci) {
                        for (int64_t ky = 0; ky < 3; ++ky) {
                            for (int64_t kx = 0; kx < 3; ++kx) {
                                acc += static_cast<double>(x[((b * c + ci) * h + oy + ky) * w + ox + kx]) *
                                       weight[((o * c + ci) * 3 + ky) * 3 + kx];
                            }
                        }
                    }
                    y[((b * k + o) * oh + oy) * ow + ox] = static_cast<float>(acc);
                }
            }
        }
    }
    return 0;
}
