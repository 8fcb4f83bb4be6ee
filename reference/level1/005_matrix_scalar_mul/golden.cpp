// CPU golden for 005_matrix_scalar_mul: the plain definition, one fp32 product
// per element, used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const float s = static_cast<const float*>(args->inputs[1])[0];
    auto* c = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    for (int64_t i = 0; i < n; ++i) {
        c[i] = a[i] * s;
    }
    return 0;
}
