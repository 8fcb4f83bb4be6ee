// CPU golden for 012_diag_matmul: diag(A) @ B written as the matmul itself,
// sum_k D[i][k] * B[k][j] with D[i][k] = A[i] if i == k else 0, accumulated in
// double, so the golden checks the shortcut C[i][j] = A[i] * B[i][j] the
// reference takes rather than repeating it.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* b = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t m = args->dims[1];
    for (int64_t i = 0; i < n; ++i) {
        for (int64_t j = 0; j < m; ++j) {
            double sum = 0.0;
            for (int64_t k = 0; k < n; ++k) {
                const double d = i == k ? static_cast<double>(a[i]) : 0.0;
                sum += d * b[k * m + j];
            }
            c[i * m + j] = static_cast<float>(sum);
        }
    }
    return 0;
}
