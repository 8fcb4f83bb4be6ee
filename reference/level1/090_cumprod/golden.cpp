// CPU golden for 090_cumprod: a running product along each row, kept in
// double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t n = args->dims[1];
    for (int64_t b = 0; b < rows; ++b) {
        double product = 1.0;
        for (int64_t k = 0; k < n; ++k) {
            product *= x[b * n + k];
            y[b * n + k] = static_cast<float>(product);
        }
    }
    return 0;
}
