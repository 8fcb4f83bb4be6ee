// CPU golden for 036_rmsnorm: the plain definition in double, used to prove the
// reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t features = args->dims[1];
    const int64_t spatial = args->dims[2] * args->dims[3];
    const double eps = 1e-5;
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t s = 0; s < spatial; ++s) {
            double sq = 0.0;
            for (int64_t f = 0; f < features; ++f) {
                const double v = x[(b * features + f) * spatial + s];
                sq += v * v;
            }
            const double rms = std::sqrt(sq / static_cast<double>(features) + eps);
            for (int64_t f = 0; f < features; ++f) {
                const int64_t i = (b * features + f) * spatial + s;
                y[i] = static_cast<float>(x[i] / rms);
            }
        }
    }
    return 0;
}
