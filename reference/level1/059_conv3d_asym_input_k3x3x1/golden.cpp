// CPU golden for 059_conv3d_asym_input_k3x3x1: the direct definition (cross-correlation with zero
// padding, as torch), accumulated in double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

namespace {

constexpr int64_t kKernelH = 3;
constexpr int64_t kKernelW = 3;
constexpr int64_t kKernelD = 1;
constexpr int64_t kStrideH = 1;
constexpr int64_t kStrideW = 1;
constexpr int64_t kStrideD = 1;
constexpr int64_t kPadH = 0;
constexpr int64_t kPadW = 0;
constexpr int64_t kPadD = 0;
constexpr int64_t kDilationH = 1;
constexpr int64_t kDilationW = 1;
constexpr int64_t kDilationD = 1;

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t d = args->dims[4];
    const int64_t k = args->dims[5];
    const int64_t out_h = (h + 2 * kPadH - kDilationH * (kKernelH - 1) - 1) / kStrideH + 1;
    const int64_t out_w = (w + 2 * kPadW - kDilationW * (kKernelW - 1) - 1) / kStrideW + 1;
    const int64_t out_d = (d + 2 * kPadD - kDilationD * (kKernelD - 1) - 1) / kStrideD + 1;
    for (int64_t b = 0; b < n; ++b) {
        for (int64_t o = 0; o < k; ++o) {
            for (int64_t oh = 0; oh < out_h; ++oh) {
                for (int64_t ow = 0; ow < out_w; ++ow) {
                    for (int64_t od = 0; od < out_d; ++od) {
                        double acc = 0.0;
                        for (int64_t ci = 0; ci < c; ++ci) {
                            for (int64_t kh = 0; kh < kKernelH; ++kh) {
                                for (int64_t kw = 0; kw < kKernelW; ++kw) {
                                    for (int64_t kd = 0; kd < kKernelD; ++kd) {
                                        const int64_t ih = oh * kStrideH - kPadH + kh * kDilationH;
                                        const int64_t iw = ow * kStrideW - kPadW + kw * kDilationW;
                                        const int64_t id = od * kStrideD - kPadD + kd * kDilationD;
                                        if (ih < 0 || ih >= h || iw < 0 || iw >= w || id < 0 || id >= d)
                                            continue;  // zero padding
                                        acc += static_cast<double>(x[(((b * c + ci) * h + ih) * w + iw) * d + id]) *
                                               weight[(((o * c + ci) * kKernelH + kh) * kKernelW + kw) * kKernelD + kd];
                                    }
                                }
                            }
                        }
                        y[(((b * k + o) * out_h + oh) * out_w + ow) * out_d + od] = static_cast<float>(acc);
                    }
                }
            }
        }
    }
    return 0;
}
