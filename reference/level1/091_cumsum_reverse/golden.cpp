// CPU golden for 091_cumsum_reverse: a running sum along each row from its
// last element to its first, accumulated in double, used to prove the
// reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t n = args->dims[1];
    for (int64_t b = 0; b < rows; ++b) {
        double sum = 0.0;
        for (int64_t k = n - 1; k >= 0; --k) {
            sum += x[b * n + k];
            y[b * n + k] = static_cast<float>(sum);
        }
    }
    return 0;
}
