// CPU golden for 079_conv_transpose1d_padded_strided_dilated:
// the scatter form of the transposed convolution (each input element times each tap added into the
// output it reaches), accumulated in double. The reference gathers per output instead, so the two
// formulations check each other.
#include <hipkb/entry.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr int64_t kKernel = 3;
constexpr int64_t kStride = 2;
constexpr int64_t kPad = 1;
constexpr int64_t kOutputPad = 0;
constexpr int64_t kDilation = 2;

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t length = args->dims[2];
    const int64_t k = args->dims[3];
    const int64_t out_length = (length - 1) * kStride - 2 * kPad + kDilation * (kKernel - 1) + kOutputPad + 1;
    std::vector<double> sum(static_cast<std::size_t>(n * k * out_length), 0.0);
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t ci = 0; ci < c; ++ci) {
            for (int64_t ix = 0; ix < length; ++ix) {
                const double value = x[(b * c + ci) * length + ix];
                for (int64_t o = 0; o < k; ++o) {
                    const float* filter = weight + (ci * k + o) * kKernel;
                    for (int64_t kx = 0; kx < kKernel; ++kx) {
                        const int64_t ox = ix * kStride - kPad + kx * kDilation;
                        if (ox < 0 || ox >= out_length) continue;  // cut off by the padding
                        sum[(b * k + o) * out_length + ox] +=
                            value * filter[kx];
                    }
                }
            }
        }
    }
    for (std::size_t i = 0; i < sum.size(); ++i) y[i] = static_cast<float>(sum[i]);
    return 0;
}
