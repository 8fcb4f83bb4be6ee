/* hipkb's HIP-on-CPU layer: bit-level helpers shared by the 16-bit float
 * types (<hip/hip_fp16.h>, <hip/hip_bf16.h>, <hip/hip_bfloat16.h>) and the
 * device math library (<hipkb_cpu/device_math.h>).
 *
 * Everything here lives in hipkb::cpu::detail and is an implementation
 * detail of those headers:
 *   - bit casts between float/double and their unsigned bit patterns
 *     (constexpr, through __builtin_bit_cast, which g++ >= 11 and clang have);
 *   - conversions to IEEE binary16 ("half") and bfloat16 from float, double
 *     and any integer type, in any of the four IEEE rounding directions,
 *     handling zeros, subnormals, overflow and NaN; and the exact
 *     conversions back to float;
 *   - saturate_to_integer and to_integer, the GPU-style float -> integer
 *     conversions (NaN gives 0, out-of-range values clamp) without undefined
 *     behaviour;
 *   - fma_round_to_odd, which lets a 16-bit fma be computed in double and
 *     rounded only once.
 *
 * The conversions round the exact input value once (no double rounding:
 * double -> half is not double -> float -> half). NaN inputs give a quiet NaN
 * that keeps the sign and the top payload bits.
 */
#ifndef HIPKB_CPU_FLOAT_BITS_H
#define HIPKB_CPU_FLOAT_BITS_H

#include <hipkb_cpu/qualifiers.h>

#include <math.h>
#include <stdint.h>

#include <limits>
#include <type_traits>

namespace hipkb::cpu::detail {

// ---------------------------------------------------------------------------
// Bit casts
// ---------------------------------------------------------------------------

__host__ __device__ constexpr uint32_t float_to_bits(float value) { return __builtin_bit_cast(uint32_t, value); }
__host__ __device__ constexpr float bits_to_float(uint32_t bits) { return __builtin_bit_cast(float, bits); }
__host__ __device__ constexpr uint64_t double_to_bits(double value) { return __builtin_bit_cast(uint64_t, value); }
__host__ __device__ constexpr double bits_to_double(uint64_t bits) { return __builtin_bit_cast(double, bits); }

// Index of the highest set bit of a nonzero value (0 for 1, 63 for 2^63).
__host__ __device__ constexpr int highest_bit(uint64_t value) { return 63 - __builtin_clzll(value); }

// ---------------------------------------------------------------------------
// Rounding a finite magnitude into a small binary format
// ---------------------------------------------------------------------------

enum class rounding { nearest_even, toward_zero, up, down };

// A binary floating-point format with `Fraction` stored fraction bits,
// exponent bias `Bias` and an exponent field of `ExponentWidth` bits, encoded
// into the low bits of a uint16_t with the sign in bit 15.
template <int Fraction, int Bias, int ExponentWidth>
struct small_format {
    static constexpr int fraction_bits = Fraction;
    // Exponent of the smallest step (the subnormal spacing): 2^min_quantum.
    static constexpr int min_quantum = 1 - Bias - Fraction;
    // Largest unbiased exponent of a finite value.
    static constexpr int max_exponent = ((1 << ExponentWidth) - 2) - Bias;
    static constexpr uint16_t infinity_bits = static_cast<uint16_t>(((1u << ExponentWidth) - 1u) << Fraction);
    static constexpr uint16_t max_finite_bits = static_cast<uint16_t>(infinity_bits - 1u);
    static constexpr uint16_t quiet_bit = static_cast<uint16_t>(1u << (Fraction - 1));
    static constexpr uint16_t sign_bit = 0x8000u;
};

using half_format = small_format<10, 15, 5>;  // IEEE binary16
using bf16_format = small_format<7, 127, 8>;  // bfloat16

// The encoding of an overflowing magnitude: infinity, or the largest finite
// value when the rounding direction points toward zero.
template <class Format>
__host__ __device__ constexpr uint16_t overflow_bits(bool negative, rounding mode) {
    const bool to_infinity =
        mode == rounding::nearest_even || (mode == rounding::up && !negative) || (mode == rounding::down && negative);
    const uint16_t magnitude = to_infinity ? Format::infinity_bits : Format::max_finite_bits;
    return static_cast<uint16_t>(magnitude | (negative ? Format::sign_bit : 0u));
}

// Encodes (-1)^negative * significand * 2^exponent, rounded once in `mode`.
// Any 64-bit `significand` works (zero gives a signed zero).
template <class Format>
__host__ __device__ constexpr uint16_t encode_rounded(bool negative, uint64_t significand, int exponent,
                                                      rounding mode) {
    const uint16_t sign = negative ? Format::sign_bit : uint16_t{0};
    if (significand == 0) {
        return sign;
    }
    const int top = highest_bit(significand) + exponent;  // value in [2^top, 2^(top+1))
    if (top > Format::max_exponent) {
        return overflow_bits<Format>(negative, mode);
    }
    // The spacing of representable values around the input: 2^quantum.
    int quantum = top - Format::fraction_bits;
    if (quantum < Format::min_quantum) {
        quantum = Format::min_quantum;
    }
    const int shift = quantum - exponent;  // significand bits that do not fit
    uint64_t kept = 0;
    bool inexact = false;
    bool round_up_nearest = false;
    if (shift <= 0) {
        kept = significand << -shift;  // exact; -shift is small (< fraction_bits + 1)
    } else if (shift >= 64) {
        inexact = true;  // below half of the smallest step: nearest is zero
    } else {
        kept = significand >> shift;
        const uint64_t rest = significand & ((uint64_t{1} << shift) - 1u);
        const uint64_t halfway = uint64_t{1} << (shift - 1);
        inexact = rest != 0;
        round_up_nearest = rest > halfway || (rest == halfway && (kept & 1u) != 0);
    }
    bool increment = false;
    switch (mode) {
        case rounding::nearest_even:
            increment = round_up_nearest;
            break;
        case rounding::toward_zero:
            break;
        case rounding::up:
            increment = inexact && !negative;
            break;
        case rounding::down:
            increment = inexact && negative;
            break;
    }
    kept += increment ? 1u : 0u;
    // One formula covers subnormals and normals: for a subnormal result the
    // exponent field is 0 and `kept` is the fraction (reaching the implicit
    // bit exactly when it rounds up to the smallest normal); for a normal
    // one `kept` carries the implicit bit, which adds one to the field. A
    // carry out of the fraction moves to the next exponent on its own.
    const uint64_t magnitude = (static_cast<uint64_t>(quantum - Format::min_quantum) << Format::fraction_bits) + kept;
    if (magnitude >= Format::infinity_bits) {
        return static_cast<uint16_t>(Format::infinity_bits | sign);
    }
    return static_cast<uint16_t>(magnitude | sign);
}

// float or double -> small format, any rounding direction (one rounding).
// The two layouts differ only in their widths: numeric_limits<F>::digits - 1
// fraction bits, then the exponent field, then the sign.
template <class Format, class F>
__host__ __device__ constexpr uint16_t binary_to_small(F value, rounding mode) {
    static_assert(std::is_same_v<F, float> || std::is_same_v<F, double>, "float or double");
    using bits_t = std::conditional_t<sizeof(F) == 4, uint32_t, uint64_t>;
    constexpr int fraction_bits = std::numeric_limits<F>::digits - 1;                // 23, 52
    constexpr int field_bits = static_cast<int>(sizeof(F)) * 8 - 1 - fraction_bits;  // 8, 11
    constexpr uint32_t max_field = (1u << field_bits) - 1u;
    // The exponent of a subnormal's last fraction bit: -149, -1074.
    constexpr int lowest_exponent = 2 - (1 << (field_bits - 1)) - fraction_bits;
    const bits_t bits = __builtin_bit_cast(bits_t, value);
    const bool negative = (bits >> (sizeof(F) * 8 - 1)) != 0;
    const uint32_t field = static_cast<uint32_t>(bits >> fraction_bits) & max_field;
    const bits_t fraction = bits & ((bits_t{1} << fraction_bits) - 1u);
    const uint16_t sign = negative ? Format::sign_bit : uint16_t{0};
    if (field == max_field) {
        if (fraction == 0) {
            return static_cast<uint16_t>(Format::infinity_bits | sign);
        }
        const bits_t payload = fraction >> (fraction_bits - Format::fraction_bits);
        return static_cast<uint16_t>(Format::infinity_bits | Format::quiet_bit | payload | sign);
    }
    if (field == 0) {
        return encode_rounded<Format>(negative, fraction, lowest_exponent, mode);
    }
    return encode_rounded<Format>(negative, fraction | (bits_t{1} << fraction_bits),
                                  static_cast<int>(field) - 1 + lowest_exponent, mode);
}

template <class Format>
__host__ __device__ constexpr uint16_t float_to_small(float value, rounding mode) {
    return binary_to_small<Format>(value, mode);
}
template <class Format>
__host__ __device__ constexpr uint16_t double_to_small(double value, rounding mode) {
    return binary_to_small<Format>(value, mode);
}

// integer -> small format, any rounding direction (one rounding, exact for
// every 64-bit value).
template <class Format, class I>
__host__ __device__ constexpr uint16_t integer_to_small(I value, rounding mode) {
    bool negative = false;
    if constexpr (std::is_signed_v<I>) {
        negative = value < I(0);
    }
    const uint64_t bits = static_cast<uint64_t>(value);
    return encode_rounded<Format>(negative, negative ? uint64_t{0} - bits : bits, 0, mode);
}

// ---------------------------------------------------------------------------
// half (IEEE binary16)
// ---------------------------------------------------------------------------

// float -> half, round to nearest even. The common case, done with integer
// arithmetic on the float's bits; equal to float_to_small<half_format> with
// rounding::nearest_even for every input (the unit test checks that).
__host__ __device__ constexpr uint16_t float_to_half_rn(float value) {
    const uint32_t bits = float_to_bits(value);
    const uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
    const uint32_t magnitude = bits & 0x7fffffffu;
    if (magnitude > 0x7f800000u) {  // NaN: quiet it, keep the top payload bits
        return static_cast<uint16_t>(sign | 0x7e00u | ((magnitude >> 13) & 0x3ffu));
    }
    if (magnitude >= 0x477ff000u) {  // >= 65520 (halfway past 65504) or inf
        return static_cast<uint16_t>(sign | 0x7c00u);
    }
    if (magnitude >= 0x38800000u) {  // >= 2^-14: a normal half
        // Rebias the exponent (127 -> 15) and round the 13 dropped bits to
        // nearest even; a carry out of the fraction bumps the exponent.
        const uint32_t rounded = magnitude + 0xfffu + ((magnitude >> 13) & 1u);
        return static_cast<uint16_t>(sign | ((rounded >> 13) - (112u << 10)));
    }
    if (magnitude < 0x33000000u) {  // <= 2^-25 (half the smallest subnormal)
        return sign;                // 2^-25 itself ties to the even zero
    }
    // A subnormal half: the value in units of 2^-24, rounded to nearest even.
    const uint32_t exponent = magnitude >> 23;  // 102..112
    const uint32_t significand = (magnitude & 0x7fffffu) | 0x800000u;
    const uint32_t shift = 126u - exponent;  // 14..24
    const uint32_t kept = significand >> shift;
    const uint32_t rest = significand & ((1u << shift) - 1u);
    const uint32_t halfway = 1u << (shift - 1u);
    const uint32_t up = (rest > halfway || (rest == halfway && (kept & 1u) != 0)) ? 1u : 0u;
    return static_cast<uint16_t>(sign | (kept + up));
}

__host__ __device__ constexpr uint16_t float_to_half(float value, rounding mode) {
    return mode == rounding::nearest_even ? float_to_half_rn(value) : float_to_small<half_format>(value, mode);
}
__host__ __device__ constexpr uint16_t double_to_half(double value, rounding mode = rounding::nearest_even) {
    return double_to_small<half_format>(value, mode);
}

// half -> float, exact for every input (NaN payloads are kept, shifted up).
__host__ __device__ constexpr float half_to_float(uint16_t bits) {
    const uint32_t sign = static_cast<uint32_t>(bits & 0x8000u) << 16;
    const uint32_t field = (bits >> 10) & 0x1fu;
    const uint32_t fraction = bits & 0x3ffu;
    if (field == 0x1fu) {
        return bits_to_float(sign | 0x7f800000u | (fraction << 13));
    }
    if (field != 0) {
        return bits_to_float(sign | ((field + 112u) << 23) | (fraction << 13));
    }
    if (fraction == 0) {
        return bits_to_float(sign);
    }
    // Subnormal: fraction * 2^-24; normalise so the top bit becomes the
    // float's implicit bit.
    const int top = highest_bit(fraction);  // 0..9
    const uint32_t float_field = static_cast<uint32_t>(top - 24 + 127);
    const uint32_t float_fraction = (fraction << (23 - top)) & 0x7fffffu;
    return bits_to_float(sign | (float_field << 23) | float_fraction);
}

// ---------------------------------------------------------------------------
// bfloat16 (the top half of a float)
// ---------------------------------------------------------------------------

// float -> bfloat16, round to nearest even; NaN becomes a quiet NaN with its
// sign and top payload bits (never infinity, which plain truncation of a NaN
// whose payload sits in the low 16 bits would give).
__host__ __device__ constexpr uint16_t float_to_bf16_rn(float value) {
    const uint32_t bits = float_to_bits(value);
    if ((bits & 0x7fffffffu) > 0x7f800000u) {
        return static_cast<uint16_t>((bits >> 16) | 0x0040u);
    }
    // Add just under half a bf16 step, plus one when the kept part is odd:
    // ties go to even, and carries into the exponent (up to infinity) are
    // exactly what rounding asks for.
    const uint32_t rounded = bits + 0x7fffu + ((bits >> 16) & 1u);
    return static_cast<uint16_t>(rounded >> 16);
}

// float -> bfloat16 by dropping the low 16 bits (round toward zero), NaN
// kept a NaN.
__host__ __device__ constexpr uint16_t float_to_bf16_rz(float value) {
    const uint32_t bits = float_to_bits(value);
    if ((bits & 0x7fffffffu) > 0x7f800000u) {
        return static_cast<uint16_t>((bits >> 16) | 0x0040u);
    }
    return static_cast<uint16_t>(bits >> 16);
}

__host__ __device__ constexpr uint16_t float_to_bf16(float value, rounding mode) {
    switch (mode) {
        case rounding::nearest_even:
            return float_to_bf16_rn(value);
        case rounding::toward_zero:
            return float_to_bf16_rz(value);
        default:
            return float_to_small<bf16_format>(value, mode);
    }
}
__host__ __device__ constexpr uint16_t double_to_bf16(double value, rounding mode = rounding::nearest_even) {
    return double_to_small<bf16_format>(value, mode);
}

__host__ __device__ constexpr float bf16_to_float(uint16_t bits) {
    return bits_to_float(static_cast<uint32_t>(bits) << 16);
}

// ---------------------------------------------------------------------------
// Floating -> integer, saturating
// ---------------------------------------------------------------------------

// Converts an already rounded (integral-valued) float or double to the
// integer type I the way GPU conversion instructions do: NaN gives 0, values
// beyond I's range give its minimum or maximum. No undefined behaviour for
// any input, unlike a plain static_cast.
template <class I, class F>
__host__ __device__ constexpr I saturate_to_integer(F value) {
    using limits = std::numeric_limits<I>;
    if (!(value == value)) {
        return I(0);
    }
    // The minimum (0 or -2^(bits-1)) and the maximum plus one (2^bits or
    // 2^(bits-1)) are powers of two, exact in F.
    constexpr F lower = static_cast<F>(limits::min());
    constexpr F upper = static_cast<F>(limits::max() / 2 + 1) * F(2);
    if (value <= lower) {
        return limits::min();
    }
    if (value >= upper) {
        return limits::max();
    }
    return static_cast<I>(value);
}

// A float or double rounded to an integral value in `mode`, then converted
// with saturation.
template <class I, class F>
__host__ __device__ inline I to_integer(F value, rounding mode) {
    switch (mode) {
        case rounding::nearest_even:
            return saturate_to_integer<I>(nearbyint(value));
        case rounding::toward_zero:
            return saturate_to_integer<I>(trunc(value));
        case rounding::down:
            return saturate_to_integer<I>(floor(value));
        case rounding::up:
            break;
    }
    return saturate_to_integer<I>(ceil(value));
}

// ---------------------------------------------------------------------------
// fma for the 16-bit types
// ---------------------------------------------------------------------------

// a * b + c rounded to double with round-to-odd: when the sum is inexact the
// result is whichever neighbouring double has an odd last bit. The product of
// two half or bfloat16 values is exact in double, so only the sum rounds. A
// value rounded to odd with at least two more bits than the final format
// rounds correctly (once) to that format, so double_to_half/double_to_bf16
// of this result is the correctly rounded fma.
__host__ __device__ inline double fma_round_to_odd(double a, double b, double c) {
    const double product = a * b;
    const double sum = product + c;
    uint64_t bits = double_to_bits(sum);
    if ((bits & 0x7ff0000000000000ull) == 0x7ff0000000000000ull) {
        return sum;  // inf or NaN
    }
    // Knuth's two-sum: the exact rounding error of product + c.
    const double c_part = sum - product;
    const double error = (product - (sum - c_part)) + (c - c_part);
    if (error == 0.0) {
        return sum;  // exact (including an exact zero)
    }
    const bool sum_negative = (bits >> 63) != 0;
    if ((error < 0.0) != sum_negative) {
        bits -= 1u;  // the sum was rounded away from zero: step back toward it
    }
    return bits_to_double(bits | 1u);
}

}  // namespace hipkb::cpu::detail

#endif  // HIPKB_CPU_FLOAT_BITS_H
