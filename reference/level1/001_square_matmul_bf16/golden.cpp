// CPU golden for 001_square_matmul_bf16: the triple loop. bf16 tensors arrive as their
// raw 16-bit patterns; each element is widened with hipkb::bf16_to_float, the
// sums are kept in double (the truth, as in the fp32 golden; never in the
// 16-bit type), and only the result is rounded to bf16.
#include <hipkb/core/float16.hpp>
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const uint16_t*>(args->inputs[0]);
    const auto* b = static_cast<const uint16_t*>(args->inputs[1]);
    auto* c = static_cast<uint16_t*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    for (int64_t i = 0; i < n; ++i) {
        for (int64_t j = 0; j < n; ++j) {
            double sum = 0.0;
            for (int64_t k = 0; k < n; ++k) {
                sum += static_cast<double>(hipkb::bf16_to_float(a[i * n + k])) * hipkb::bf16_to_float(b[k * n + j]);
            }
            c[i * n + j] = hipkb::float_to_bf16(static_cast<float>(sum));
        }
    }
    return 0;
}
