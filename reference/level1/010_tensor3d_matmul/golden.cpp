// CPU golden for 010_tensor3d_matmul: C[n][m][l] = sum_k A[n][m][k] * B[k][l],
// the loops over every index, accumulated in double, used to prove the
// reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* b = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];  // N
    const int64_t m = args->dims[1];
    const int64_t k = args->dims[2];
    const int64_t l = args->dims[3];
    for (int64_t bn = 0; bn < batch; ++bn) {
        for (int64_t i = 0; i < m; ++i) {
            for (int64_t j = 0; j < l; ++j) {
                double sum = 0.0;
                for (int64_t p = 0; p < k; ++p) {
                    sum += static_cast<double>(a[(bn * m + i) * k + p]) * b[p * l + j];
                }
                c[(bn * m + i) * l + j] = static_cast<float>(sum);
            }
        }
    }
    return 0;
}
