// CPU golden for 011_tensor4d_matmul: C[b][i][j][k] = sum_l A[b][i][j][l] *
// B[l][k] (einsum "bijl,lk->bijk"), the loops over every index, accumulated in
// double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* b = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const int64_t nb = args->dims[0];
    const int64_t ni = args->dims[1];
    const int64_t nj = args->dims[2];
    const int64_t nl = args->dims[3];
    const int64_t nk = args->dims[4];
    for (int64_t bi = 0; bi < nb; ++bi) {
        for (int64_t i = 0; i < ni; ++i) {
            for (int64_t j = 0; j < nj; ++j) {
                const int64_t row = (bi * ni + i) * nj + j;
                for (int64_t k = 0; k < nk; ++k) {
                    double sum = 0.0;
                    for (int64_t l = 0; l < nl; ++l) {
                        sum += static_cast<double>(a[row * nl + l]) * b[l * nk + k];
                    }
                    c[row * nk + k] = static_cast<float>(sum);
                }
            }
        }
    }
    return 0;
}
