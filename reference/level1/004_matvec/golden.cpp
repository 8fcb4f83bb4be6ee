// CPU golden for 004_matvec: one dot product per row, accumulated in double, used
// to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* x = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t m = args->dims[0];
    const int64_t k = args->dims[1];
    for (int64_t i = 0; i < m; ++i) {
        double sum = 0.0;
        for (int64_t j = 0; j < k; ++j) {
            sum += static_cast<double>(a[i * k + j]) * x[j];
        }
        y[i] = static_cast<float>(sum);
    }
    return 0;
}
