// CPU golden for 028_hardsigmoid: the piecewise definition in double, used to
// prove the reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    for (int64_t i = 0; i < n; ++i) {
        const double v = x[i];
        y[i] = static_cast<float>(v <= -3.0 ? 0.0 : (v >= 3.0 ? 1.0 : v / 6.0 + 0.5));
    }
    return 0;
}
