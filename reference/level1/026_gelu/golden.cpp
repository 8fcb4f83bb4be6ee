// CPU golden for 026_gelu: the exact erf definition evaluated in double, used to
// prove the reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    const double inv_sqrt2 = 1.0 / std::sqrt(2.0);
    for (int64_t i = 0; i < n; ++i) {
        const double v = x[i];
        y[i] = static_cast<float>(0.5 * v * (1.0 + std::erf(v * inv_sqrt2)));
    }
    return 0;
}
