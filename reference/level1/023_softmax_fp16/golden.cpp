// CPU golden for 023_softmax_fp16: max-subtracted exponentials and their sum. fp16 tensors arrive as their
// raw 16-bit patterns; each element is widened with hipkb::half_to_float, the
// sums are kept in double (the truth, as in the fp32 golden; never in the
// 16-bit type), and only the result is rounded to fp16.
#include <hipkb/core/float16.hpp>
#include <hipkb/entry.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const uint16_t*>(args->inputs[0]);
    auto* y = static_cast<uint16_t*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t d = args->dims[1];
    for (int64_t r = 0; r < rows; ++r) {
        const uint16_t* xr = x + r * d;
        uint16_t* yr = y + r * d;
        double row_max = -INFINITY;
        for (int64_t i = 0; i < d; ++i) {
            row_max = std::max(row_max, static_cast<double>(hipkb::half_to_float(xr[i])));
        }
        double sum = 0.0;
        for (int64_t i = 0; i < d; ++i) {
            sum += std::exp(hipkb::half_to_float(xr[i]) - row_max);
        }
        for (int64_t i = 0; i < d; ++i) {
            yr[i] = hipkb::float_to_half(static_cast<float>(std::exp(hipkb::half_to_float(xr[i]) - row_max) / sum));
        }
    }
    return 0;
}
