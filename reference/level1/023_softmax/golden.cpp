// CPU golden for 023_softmax: max-subtracted exponentials and their sum in double,
// used to prove the reference right.
#include <hipkb/entry.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t d = args->dims[1];
    for (int64_t r = 0; r < rows; ++r) {
        const float* xr = x + r * d;
        float* yr = y + r * d;
        double row_max = -INFINITY;
        for (int64_t i = 0; i < d; ++i) {
            row_max = std::max(row_max, static_cast<double>(xr[i]));
        }
        double sum = 0.0;
        for (int64_t i = 0; i < d; ++i) {
            sum += std::exp(xr[i] - row_max);
        }
        for (int64_t i = 0; i < d; ++i) {
            yr[i] = static_cast<float>(std::exp(xr[i] - row_max) / sum);
        }
    }
    return 0;
}
