// CPU golden for 086_depthwise_separable_conv2d: the two convolutions as
// PyTorch runs them, the depthwise result stored first, then the pointwise
// sum over channels; accumulated in double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr int64_t kKernel = 3;
constexpr int64_t kPad = 1;

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* depthwise_weight = static_cast<const float*>(args->inputs[1]);
    const auto* pointwise_weight = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    // The depthwise output keeps PyTorch's size: padding 1 with a 3-wide kernel.
    std::vector<double> depthwise(static_cast<std::size_t>(n * c * h * w));
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t ch = 0; ch < c; ++ch) {
            for (int64_t i = 0; i < h; ++i) {
                for (int64_t j = 0; j < w; ++j) {
                    double acc = 0.0;
                    for (int64_t u = 0; u < kKernel; ++u) {
                        for (int64_t v = 0; v < kKernel; ++v) {
                            const int64_t iy = i - kPad + u;
                            const int64_t ix = j - kPad + v;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;  // zero padding
                            acc += static_cast<double>(x[((b * c + ch) * h + iy) * w + ix]) *
                                   depthwise_weight[(ch * kKernel + u) * kKernel + v];
                        }
                    }
                    depthwise[static_cast<std::size_t>(((b * c + ch) * h + i) * w + j)] = acc;
                }
            }
        }
    }
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t o = 0; o < k; ++o) {
            for (int64_t i = 0; i < h; ++i) {
                for (int64_t j = 0; j < w; ++j) {
                    double acc = 0.0;
                    for (int64_t ch = 0; ch < c; ++ch) {
                        acc += depthwise[static_cast<std::size_t>(((b * c + ch) * h + i) * w + j)] *
                               pointwise_weight[o * c + ch];
                    }
                    y[((b * k + o) * h + i) * w + j] = static_cast<float>(acc);
                }
            }
        }
    }
    return 0;
}
