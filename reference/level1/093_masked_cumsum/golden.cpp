// CPU golden for 093_masked_cumsum: a running double sum along each row of
// x times its 0/1 mask, used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* mask = static_cast<const int32_t*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t n = args->dims[1];
    for (int64_t b = 0; b < rows; ++b) {
        double sum = 0.0;
        for (int64_t k = 0; k < n; ++k) {
            sum += static_cast<double>(x[b * n + k]) * static_cast<double>(mask[b * n + k] != 0);
            y[b * n + k] = static_cast<float>(sum);
        }
    }
    return 0;
}
