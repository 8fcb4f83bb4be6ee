// CPU golden for 037_frobenius_norm: the definition with the sum of squares of
// the whole tensor accumulated in double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1] * args->dims[2] * args->dims[3];
    double sq = 0.0;
    for (int64_t i = 0; i < n; ++i) {
        const double v = x[i];
        sq += v * v;
    }
    const double norm = std::sqrt(sq);
    for (int64_t i = 0; i < n; ++i) {
        y[i] = static_cast<float>(x[i] / norm);
    }
    return 0;
}
