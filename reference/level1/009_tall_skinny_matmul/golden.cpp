// CPU golden for 009_tall_skinny_matmul: the triple loop, accumulated in double,
// used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* b = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    // A is M x N and B is N x M (KernelBench's names): the inner dimension is N
    // and C is M x M.
    const int64_t m = args->dims[0];
    const int64_t k = args->dims[1];
    const int64_t n = m;
    for (int64_t i = 0; i < m; ++i) {
        for (int64_t j = 0; j < n; ++j) {
            double sum = 0.0;
            for (int64_t p = 0; p < k; ++p) {
                sum += static_cast<double>(a[i * k + p]) * b[p * n + j];
            }
            c[i * n + j] = static_cast<float>(sum);
        }
    }
    return 0;
}
