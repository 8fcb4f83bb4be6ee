// CPU golden for 081_conv_transpose2d_dilated_padded_strided_k3:
// the scatter form of the transposed convolution (each input element times each tap added into the
// output it reaches), accumulated in double. The reference gathers per output instead, so the two
// formulations check each other.
#include <hipkb/entry.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr int64_t kKernelH = 3;
constexpr int64_t kKernelW = 3;
constexpr int64_t kStrideH = 5;
constexpr int64_t kStrideW = 5;
constexpr int64_t kPadH = 1;
constexpr int64_t kPadW = 1;
constexpr int64_t kOutputPadH = 0;
constexpr int64_t kOutputPadW = 0;
constexpr int64_t kDilationH = 2;
constexpr int64_t kDilationW = 2;

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    const int64_t out_h = (h - 1) * kStrideH - 2 * kPadH + kDilationH * (kKernelH - 1) + kOutputPadH + 1;
    const int64_t out_w = (w - 1) * kStrideW - 2 * kPadW + kDilationW * (kKernelW - 1) + kOutputPadW + 1;
    std::vector<double> sum(static_cast<std::size_t>(n * k * out_h * out_w), 0.0);
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t ci = 0; ci < c; ++ci) {
            for (int64_t iy = 0; iy < h; ++iy) {
                for (int64_t ix = 0; ix < w; ++ix) {
                    const double value = x[((b * c + ci) * h + iy) * w + ix];
                    for (int64_t o = 0; o < k; ++o) {
                        const float* filter = weight + (ci * k + o) * kKernelH * kKernelW;
                        for (int64_t ky = 0; ky < kKernelH; ++ky) {
                            const int64_t oy = iy * kStrideH - kPadH + ky * kDilationH;
                            if (oy < 0 || oy >= out_h) continue;  // cut off by the padding
                            for (int64_t kx = 0; kx < kKernelW; ++kx) {
                                const int64_t ox = ix * kStrideW - kPadW + kx * kDilationW;
                                if (ox < 0 || ox >= out_w) continue;  // cut off by the padding
                                sum[((b * k + o) * out_h + oy) * out_w + ox] +=
                                    value * filter[ky * kKernelW + kx];
                            }
                        }
                    }
                }
            }
        }
    }
    for (std::size_t i = 0; i < sum.size(); ++i) y[i] = static_cast<float>(sum[i]);
    return 0;
}
