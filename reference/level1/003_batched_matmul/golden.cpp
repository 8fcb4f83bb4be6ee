// CPU golden for 003_batched_matmul: the triple loop per batch item, accumulated in
// double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* b = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t m = args->dims[1];
    const int64_t k = args->dims[2];
    const int64_t n = args->dims[3];
    for (int64_t bi = 0; bi < batch; ++bi) {
        const float* ab = a + bi * m * k;
        const float* bb = b + bi * k * n;
        float* cb = c + bi * m * n;
        for (int64_t i = 0; i < m; ++i) {
            for (int64_t j = 0; j < n; ++j) {
                double sum = 0.0;
                for (int64_t p = 0; p < k; ++p) {
                    sum += static_cast<double>(ab[i * k + p]) * bb[p * n + j];
                }
                cb[i * n + j] = static_cast<float>(sum);
            }
        }
    }
    return 0;
}
