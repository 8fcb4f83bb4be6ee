// CPU golden for 036_rmsnorm_bf16: the plain definition. bf16 tensors arrive as their
// raw 16-bit patterns; each element is widened with hipkb::bf16_to_float, the
// sums are kept in double (the truth, as in the fp32 golden; never in the
// 16-bit type), and only the result is rounded to bf16.
#include <hipkb/core/float16.hpp>
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const uint16_t*>(args->inputs[0]);
    auto* y = static_cast<uint16_t*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t features = args->dims[1];
    const int64_t spatial = args->dims[2] * args->dims[3];
    const double eps = 1e-5;
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t s = 0; s < spatial; ++s) {
            double sq = 0.0;
            for (int64_t f = 0; f < features; ++f) {
                const double v = hipkb::bf16_to_float(x[(b * features + f) * spatial + s]);
                sq += v * v;
            }
            const double rms = std::sqrt(sq / static_cast<double>(features) + eps);
            for (int64_t f = 0; f < features; ++f) {
                const int64_t i = (b * features + f) * spatial + s;
                y[i] = hipkb::float_to_bf16(static_cast<float>(hipkb::bf16_to_float(x[i]) / rms));
            }
        }
    }
    return 0;
}
