// CPU golden for 044_avgpool1d: the plain definition, taps in the padding add
// nothing but still count in the divisor K, accumulated in double, used to
// prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0] * args->dims[1];
    const int64_t l = args->dims[2];
    const int64_t k = args->dims[3];
    const int64_t s = args->dims[4];
    const int64_t p = args->dims[5];
    const int64_t ol = (l + 2 * p - k) / s + 1;
    for (int64_t r = 0; r < rows; ++r) {
        for (int64_t o = 0; o < ol; ++o) {
            double sum = 0.0;
            for (int64_t tap = 0; tap < k; ++tap) {
                const int64_t i = o * s - p + tap;
                if (i >= 0 && i < l) {
                    sum += x[r * l + i];
                }
            }
            y[r * ol + o] = static_cast<float>(sum / static_cast<double>(k));
        }
    }
    return 0;
}
