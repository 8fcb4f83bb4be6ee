#pragma once
// The counter-based draws behind every generated input, written once for
// the host and for GPU kernels so that a seed gives the same bits on both.
// An element's value depends only on (stream, element index): an integer
// hash, then only operations IEEE 754 rounds the same way on every
// platform (+, -, *, /, sqrt and explicit fma). No library log or cos,
// whose last bit differs between libm and the GPU math libraries, and no
// a*b+c written out, which one compiler contracts into an fma and another
// does not: every multiply-add here is an explicit fma.
//
// Header-only so that the device generator (harness/src/bench/
// input_generator.hip) compiles the very same functions.

#include <hipkb/core/dtype.hpp>
#include <hipkb/core/float16.hpp>
#include <hipkb/core/host_device.hpp>

#include <cmath>
#include <cstdint>

namespace hipkb::draws {

// A spec's init kinds (init_spec::kind is this type).
enum class distribution : std::int32_t { normal = 0, uniform = 1, randint = 2 };

struct draw_params {
    distribution kind = distribution::normal;
    double a = 0.0;  // normal: mean; uniform and randint: low
    double b = 1.0;  // normal: standard deviation; uniform and randint: high (exclusive)
};

// splitmix64's finaliser: a cheap, well-mixed hash of a 64-bit counter.
HIPKB_HOST_DEVICE inline std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// The stream of one input of one seed.
HIPKB_HOST_DEVICE inline std::uint64_t input_stream(std::uint64_t seed, std::uint64_t input_index) {
    return mix(mix(seed) ^ (0xA5A5A5A5ull + input_index));
}

// A uniform double in (0, 1] for one (stream, counter) pair.
HIPKB_HOST_DEVICE inline double unit(std::uint64_t stream, std::uint64_t counter) {
    const std::uint64_t bits = mix(stream ^ mix(counter));
    return (static_cast<double>(bits >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

// ln(u) for u in (0, 1], to about 1e-16. Scaling by powers of two is exact,
// so u = m * 2^e with m in [sqrt(1/2), sqrt(2)) is found without frexp; then
// ln m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| < 0.172, as a series.
HIPKB_HOST_DEVICE inline double log_unit(double u) {
    double e = 0.0;
    if (u < 2.3283064365386963e-10) {
        u *= 4294967296.0;
        e -= 32.0;
    }
    if (u < 1.52587890625e-05) {
        u *= 65536.0;
        e -= 16.0;
    }
    if (u < 0.00390625) {
        u *= 256.0;
        e -= 8.0;
    }
    if (u < 0.0625) {
        u *= 16.0;
        e -= 4.0;
    }
    if (u < 0.25) {
        u *= 4.0;
        e -= 2.0;
    }
    if (u < 0.5) {
        u *= 2.0;
        e -= 1.0;
    }
    if (u < 0.7071067811865476) {
        u *= 2.0;
        e -= 1.0;
    }
    const double s = (u - 1.0) / (u + 1.0);
    const double s2 = s * s;
    // 1/(2k+1) for k = 11 down to 0: the atanh series in s^2.
    double series = 0.043478260869565216;
    series = fma(series, s2, 0.047619047619047616);
    series = fma(series, s2, 0.05263157894736842);
    series = fma(series, s2, 0.058823529411764705);
    series = fma(series, s2, 0.06666666666666667);
    series = fma(series, s2, 0.07692307692307693);
    series = fma(series, s2, 0.09090909090909091);
    series = fma(series, s2, 0.1111111111111111);
    series = fma(series, s2, 0.14285714285714285);
    series = fma(series, s2, 0.2);
    series = fma(series, s2, 0.3333333333333333);
    series = fma(series, s2, 1.0);
    const double twice_s = 2.0 * s;
    return fma(e, 0.6931471805599453, twice_s * series);
}

// cos(x) and sin(x) for x in [0, pi/4], Taylor series to x^19 (error below
// 1e-17 there).
HIPKB_HOST_DEVICE inline double cos_quarter(double x) {
    const double x2 = x * x;
    double p = -1.5619206968586225e-16;
    p = fma(p, x2, 4.779477332387385e-14);
    p = fma(p, x2, -1.1470745597729725e-11);
    p = fma(p, x2, 2.08767569878681e-09);
    p = fma(p, x2, -2.755731922398589e-07);
    p = fma(p, x2, 2.48015873015873e-05);
    p = fma(p, x2, -0.001388888888888889);
    p = fma(p, x2, 0.041666666666666664);
    p = fma(p, x2, -0.5);
    return fma(p, x2, 1.0);
}

HIPKB_HOST_DEVICE inline double sin_quarter(double x) {
    const double x2 = x * x;
    double p = -8.22063524662433e-18;
    p = fma(p, x2, 2.8114572543455206e-15);
    p = fma(p, x2, -7.647163731819816e-13);
    p = fma(p, x2, 1.6059043836821613e-10);
    p = fma(p, x2, -2.505210838544172e-08);
    p = fma(p, x2, 2.7557319223985893e-06);
    p = fma(p, x2, -0.0001984126984126984);
    p = fma(p, x2, 0.008333333333333333);
    p = fma(p, x2, -0.16666666666666666);
    const double x3 = x2 * x;
    return fma(p, x3, x);
}

// cos(2 pi t) for t in [0, 1]. Each reflection (1 - t, 0.5 - t, 0.25 - t)
// subtracts numbers within a factor of two of each other, which IEEE
// arithmetic does exactly (Sterbenz), so only the final 2 pi t rounds.
HIPKB_HOST_DEVICE inline double cos_turns(double t) {
    if (t > 0.5) t = 1.0 - t;
    double sign = 1.0;
    if (t > 0.25) {
        t = 0.5 - t;
        sign = -1.0;
    }
    const double two_pi = 6.283185307179586;
    if (t > 0.125) return sign * sin_quarter((0.25 - t) * two_pi);
    return sign * cos_quarter(t * two_pi);
}

// Element `index` of the stream under `params`, before conversion to the
// tensor's type.
HIPKB_HOST_DEVICE inline double draw(const draw_params& params, std::uint64_t stream, std::uint64_t index) {
    switch (params.kind) {
        case distribution::normal: {
            // Box-Muller with both uniforms derived from the element index.
            const double u1 = unit(stream, 2 * index);
            const double u2 = unit(stream, 2 * index + 1);
            const double minus_twice_log = -2.0 * log_unit(u1);
            const double z = sqrt(minus_twice_log) * cos_turns(u2);
            return fma(params.b, z, params.a);
        }
        case distribution::uniform: {
            const double u = unit(stream, index);
            // (0, 1] maps to (a, b]; b itself is drawn once in 2^54 and is
            // stepped back so that high stays exclusive.
            const double value = fma(params.b - params.a, u, params.a);
            return value < params.b ? value : params.a;
        }
        case distribution::randint: {
            const double low = ceil(params.a);
            const double span = floor(params.b) - low;
            const double step = floor(unit(stream, index) * span);
            return low + (step < span ? step : 0.0);
        }
    }
    return 0.0;
}

// Writes `value` as element `index` of a tensor of `type` at `base`. The
// one definition of how a double becomes a tensor element: host_tensor::set
// calls it too.
HIPKB_HOST_DEVICE inline void store_element(void* base, std::uint64_t index, dtype type, double value) {
    switch (type) {
        case dtype::fp32:
            static_cast<float*>(base)[index] = static_cast<float>(value);
            return;
        case dtype::fp16:
            static_cast<unsigned short*>(base)[index] = float_to_half(static_cast<float>(value));
            return;
        case dtype::bf16:
            static_cast<unsigned short*>(base)[index] = float_to_bf16(static_cast<float>(value));
            return;
        case dtype::int32:
            static_cast<std::int32_t*>(base)[index] = static_cast<std::int32_t>(value);
            return;
        case dtype::int64:
            static_cast<std::int64_t*>(base)[index] = static_cast<std::int64_t>(value);
            return;
    }
}

}  // namespace hipkb::draws

namespace hipkb {

// How one input is drawn: its element count and type, the distribution for
// this seed, and its counter stream. The host loop (plan_input and
// generate_input in hipkb/core/inputs.hpp) and the device generator
// (harness/src/bench/input_generator.hip) both follow it through the
// functions above, so they write the same bits.
struct input_draw_plan {
    std::int64_t count = 0;
    dtype type = dtype::fp32;
    draws::draw_params params;
    std::uint64_t stream = 0;
};

}  // namespace hipkb
