// CPU golden for 076_conv1d_dilated_strided: the direct definition (cross-correlation with zero
// padding, as torch), accumulated in double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

namespace {

constexpr int64_t kKernel = 3;
constexpr int64_t kStride = 3;
constexpr int64_t kPad = 0;
constexpr int64_t kDilation = 4;

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t length = args->dims[2];
    const int64_t k = args->dims[3];
    const int64_t out_length = (length + 2 * kPad - kDilation * (kKernel - 1) - 1) / kStride + 1;
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t o = 0; o < k; ++o) {
            for (int64_t ox = 0; ox < out_length; ++ox) {
                double acc = 0.0;
                for (int64_t ci = 0; ci < c; ++ci) {
                    for (int64_t kx = 0; kx < kKernel; ++kx) {
                        const int64_t ix = ox * kStride - kPad + kx * kDilation;
                        if (ix < 0 || ix >= length) continue;  // zero padding
                        acc += static_cast<double>(x[(b * c + ci) * length + ix]) * weight[(o * c + ci) * kKernel + kx];
                    }
                }
                y[(b * k + o) * out_length + ox] = static_cast<float>(acc);
            }
        }
    }
    return 0;
}
