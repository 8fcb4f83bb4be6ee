// CPU golden for 092_cumsum_exclusive: each element gets the double sum of
// the elements before it in its row (so the first gets 0), used to prove the
// reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t n = args->dims[1];
    for (int64_t b = 0; b < rows; ++b) {
        double before = 0.0;
        for (int64_t k = 0; k < n; ++k) {
            y[b * n + k] = static_cast<float>(before);
            before += x[b * n + k];
        }
    }
    return 0;
}
