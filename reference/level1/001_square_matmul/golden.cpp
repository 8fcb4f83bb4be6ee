// CPU golden for 001_square_matmul: the triple loop, accumulated in double, used to
// prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* b = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    for (int64_t i = 0; i < n; ++i) {
        for (int64_t j = 0; j < n; ++j) {
            double sum = 0.0;
            for (int64_t k = 0; k < n; ++k) {
                sum += static_cast<double>(a[i * n + k]) * b[k * n + j];
            }
            c[i * n + j] = static_cast<float>(sum);
        }
    }
    return 0;
}
