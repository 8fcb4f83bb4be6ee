// CPU golden for 039_l2_norm: the definition with the row's sum of squares
// accumulated in double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t d = args->dims[1];
    for (int64_t r = 0; r < rows; ++r) {
        double sq = 0.0;
        for (int64_t i = 0; i < d; ++i) {
            const double v = x[r * d + i];
            sq += v * v;
        }
        const double norm = std::sqrt(sq);
        for (int64_t i = 0; i < d; ++i) {
            y[r * d + i] = static_cast<float>(x[r * d + i] / norm);
        }
    }
    return 0;
}
