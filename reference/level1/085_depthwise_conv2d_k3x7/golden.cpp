// CPU golden for 085_depthwise_conv2d_k3x7: the direct definition (each channel cross-correlated
// with its own filter, zero padding, as torch), accumulated in double, used to
// prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

namespace {

constexpr int64_t kKernelH = 3;
constexpr int64_t kKernelW = 7;
constexpr int64_t kStrideH = 1;
constexpr int64_t kStrideW = 1;
constexpr int64_t kPadH = 0;
constexpr int64_t kPadW = 0;
constexpr int64_t kDilationH = 1;
constexpr int64_t kDilationW = 1;

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t out_h = (h + 2 * kPadH - kDilationH * (kKernelH - 1) - 1) / kStrideH + 1;
    const int64_t out_w = (w + 2 * kPadW - kDilationW * (kKernelW - 1) - 1) / kStrideW + 1;
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t ch = 0; ch < c; ++ch) {
            for (int64_t oy = 0; oy < out_h; ++oy) {
                for (int64_t ox = 0; ox < out_w; ++ox) {
                    double acc = 0.0;
                    for (int64_t ky = 0; ky < kKernelH; ++ky) {
                        for (int64_t kx = 0; kx < kKernelW; ++kx) {
                            const int64_t iy = oy * kStrideH - kPadH + ky * kDilationH;
                            const int64_t ix = ox * kStrideW - kPadW + kx * kDilationW;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;  // zero padding
                            acc += static_cast<double>(x[((b * c + ch) * h + iy) * w + ix]) *
                                   weight[((ch)*kKernelH + ky) * kKernelW + kx];
                        }
                    }
                    y[((b * c + ch) * out_h + oy) * out_w + ox] = static_cast<float>(acc);
                }
            }
        }
    }
    return 0;
}
