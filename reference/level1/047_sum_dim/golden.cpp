// CPU golden for 047_sum_dim: the plain definition, accumulated in double, used to
// prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t j = 0; j < d2; ++j) {
            double sum = 0.0;
            for (int64_t i = 0; i < d1; ++i) {
                sum += x[(b * d1 + i) * d2 + j];
            }
            y[b * d2 + j] = static_cast<float>(sum);
        }
    }
    return 0;
}
