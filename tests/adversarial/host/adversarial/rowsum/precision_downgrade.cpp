// Adversarial candidate "precision_downgrade": accumulates each row in half
// precision (fp16), rounding the running sum to fp16 after every addition,
// as a kernel does that keeps its accumulator in __half to double its
// throughput. On a few elements, or on small test shapes, the result can
// stay within a loose tolerance; over C = 1031 terms of magnitude ~1 the
// sum reaches ~30, where fp16's step is 1/32, and the rounding errors add
// up to far more than fp32's tolerance. Caught by the tolerance: the spec's
// output is fp32, so the check uses fp32's atol = rtol = 1e-4 against the
// reference at the full size, and the verdict is mismatch. (A problem whose
// output is fp16 would allow 1e-2, by design.)
#include <hipkb/entry.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace {

// Rounds a float to the nearest value an IEEE binary16 can hold (ties to
// even), returned as a float: what storing to __half and loading back does.
float round_to_half(float value) {
    if (!std::isfinite(value) || value == 0.0f) return value;
    int exponent = 0;
    (void)std::frexp(value, &exponent);  // value = m * 2^exponent, 0.5 <= |m| < 1
    // binary16 keeps 11 significant bits; below 2^-14 it is subnormal, with a
    // fixed step of 2^-24.
    const int unit_exponent = std::max(exponent - 1, -14) - 10;
    const float step = std::ldexp(1.0f, unit_exponent);
    // value / step is exact (a power-of-two scale); nearbyint rounds half to
    // even in the default rounding mode.
    const float rounded = std::nearbyint(value / step) * step;
    constexpr float half_max = 65504.0f;
    if (std::fabs(rounded) > half_max) return std::copysign(std::numeric_limits<float>::infinity(), value);
    return rounded;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::int64_t rows = args->dims[0];
    const std::int64_t cols = args->dims[1];
    for (std::int64_t r = 0; r < rows; ++r) {
        float sum = 0.0f;  // stands for a __half accumulator
        for (std::int64_t c = 0; c < cols; ++c) {
            sum = round_to_half(sum + round_to_half(x[r * cols + c]));
        }
        y[r] = sum;
    }
    return 0;
}
