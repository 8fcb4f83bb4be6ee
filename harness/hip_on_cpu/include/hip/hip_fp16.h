/* hipkb's HIP-on-CPU layer: HIP's half-precision types and functions.
 *
 * __half is an IEEE binary16 value stored in 16 bits (`unsigned short __x`;
 * HIP keeps its storage private, so code should use __half_as_ushort and
 * __ushort_as_half), __half2 a pair of them aligned to 4 bytes, with `half`
 * and `half2` as aliases and __half_raw / __half2_raw as the plain bit
 * structs. Both are trivial types: `__half h;` is uninitialised, arrays of
 * them can live in block-shared storage, and memcpy/reinterpret_cast of
 * device buffers work.
 *
 * Conversions are bit-exact: float and double round to nearest even once
 * (subnormals, overflow to infinity, NaN kept a quiet NaN with its sign);
 * the _rz/_rd/_ru forms round toward zero/down/up. half -> float is exact.
 * half -> integer conversions saturate (NaN gives 0), like GPU conversions.
 *
 * Arithmetic is computed in float and rounded to half once, which is the
 * correctly rounded half result for + - * / and sqrt (float has more than
 * 2 * 11 + 2 bits); fma is computed exactly (in double, rounded to odd) and
 * rounded once. The transcendental functions (hexp, hsin, ...) are the float
 * function of the value, rounded to half.
 *
 * Implicit conversions follow HIP's __half: from any arithmetic type and to
 * float, so `__half h = 1.0f; float f = h;` work. Mixed expressions follow
 * the usual arithmetic conversions of a 16-bit floating type (as _Float16,
 * the type HIP's __half wraps on AMD GPUs):
 *   - __half op __half                 -> __half (+ - * /)
 *   - __half op float, float op __half -> float
 *   - __half op double (long double)   -> double (long double)
 *   - __half op integer, integer op __half -> __half (the integer converted
 *     to __half first)
 * and comparisons between __half and any arithmetic type compare the values.
 * __half2 has element-wise + - * / and comparisons that are true when they
 * hold for both halves (HIP's __hbeq2 and friends).
 */
#ifndef HIPKB_CPU_HIP_FP16_H
#define HIPKB_CPU_HIP_FP16_H

#include <hip/hip_vector_types.h>
#include <hipkb_cpu/float_bits.h>
#include <hipkb_cpu/qualifiers.h>

#include <math.h>

#include <type_traits>

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

struct __half_raw {
    unsigned short x;
};

struct alignas(4) __half2_raw {
    unsigned short x;
    unsigned short y;
};

struct __half {
    unsigned short __x;

    __half() = default;
    __host__ __device__ constexpr __half(__half_raw raw) : __x(raw.x) {}
    // From any arithmetic type, rounded to nearest even once (long double
    // goes through double).
    template <class T, std::enable_if_t<std::is_arithmetic_v<T>, int> = 0>
    __host__ __device__ constexpr __half(T value) : __x(from_arithmetic(value)) {}

    __host__ __device__ constexpr operator float() const { return hipkb::cpu::detail::half_to_float(__x); }
    __host__ __device__ constexpr operator __half_raw() const { return __half_raw{__x}; }

   private:
    template <class T>
    static __host__ __device__ constexpr unsigned short from_arithmetic(T value) {
        if constexpr (std::is_same_v<T, float>) {
            return hipkb::cpu::detail::float_to_half_rn(value);
        } else if constexpr (std::is_floating_point_v<T>) {
            return hipkb::cpu::detail::double_to_half(static_cast<double>(value));
        } else {
            return hipkb::cpu::detail::integer_to_small<hipkb::cpu::detail::half_format>(
                value, hipkb::cpu::detail::rounding::nearest_even);
        }
    }
};

struct alignas(4) __half2 {
    __half x;
    __half y;

    __half2() = default;
    __host__ __device__ constexpr __half2(__half low, __half high) : x(low), y(high) {}
    __host__ __device__ constexpr __half2(__half2_raw raw) : x(__half_raw{raw.x}), y(__half_raw{raw.y}) {}
    __host__ __device__ constexpr operator __half2_raw() const { return __half2_raw{x.__x, y.__x}; }
};

using half = __half;
using half2 = __half2;

static_assert(sizeof(__half) == 2 && alignof(__half) == 2, "__half layout");
static_assert(sizeof(__half2) == 4 && alignof(__half2) == 4, "__half2 layout");
static_assert(std::is_trivial_v<__half> && std::is_trivial_v<__half2>, "__half and __half2 are trivial");

namespace hipkb::cpu::detail {

__host__ __device__ constexpr __half half_from_bits(uint16_t bits) { return __half(__half_raw{bits}); }

// Rounds a float to half in the given direction.
__host__ __device__ constexpr __half float_to_half_mode(float value, rounding mode) {
    return half_from_bits(float_to_half(value, mode));
}

// A half rounded to an integer value and converted with saturation.
template <class I>
__host__ __device__ inline I half_to_integer(__half h, rounding mode) {
    const float value = static_cast<float>(h);
    switch (mode) {
        case rounding::nearest_even:
            return saturate_to_integer<I>(nearbyintf(value));
        case rounding::toward_zero:
            return saturate_to_integer<I>(truncf(value));
        case rounding::down:
            return saturate_to_integer<I>(floorf(value));
        case rounding::up:
            break;
    }
    return saturate_to_integer<I>(ceilf(value));
}

// The type of `__half op T` for an arithmetic T (see the header comment).
template <class T>
using half_mixed_t =
    std::conditional_t<std::is_integral_v<T>, __half, std::conditional_t<(sizeof(T) > sizeof(float)), T, float>>;

// The operand a __half is compared with T in: exact for every T.
template <class T>
using half_compare_t = std::conditional_t<std::is_same_v<T, float>, float,
                                          std::conditional_t<std::is_same_v<T, long double>, long double, double>>;

template <class T>
using if_arithmetic_t = std::enable_if_t<std::is_arithmetic_v<T>, int>;

}  // namespace hipkb::cpu::detail

// ---------------------------------------------------------------------------
// Conversions and bit access
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __half __float2half(float a) { return __half(a); }
__host__ __device__ constexpr __half __float2half_rn(float a) { return __half(a); }
__host__ __device__ constexpr __half __float2half_rz(float a) {
    return hipkb::cpu::detail::float_to_half_mode(a, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ constexpr __half __float2half_rd(float a) {
    return hipkb::cpu::detail::float_to_half_mode(a, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ constexpr __half __float2half_ru(float a) {
    return hipkb::cpu::detail::float_to_half_mode(a, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ constexpr __half __double2half(double a) { return __half(a); }
__host__ __device__ constexpr float __half2float(__half a) { return static_cast<float>(a); }

__host__ __device__ constexpr __half __int2half_rn(int i) { return __half(i); }
__host__ __device__ constexpr __half __uint2half_rn(unsigned int i) { return __half(i); }
__host__ __device__ constexpr __half __short2half_rn(short i) { return __half(i); }
__host__ __device__ constexpr __half __ushort2half_rn(unsigned short i) { return __half(i); }
__host__ __device__ constexpr __half __ll2half_rn(long long i) { return __half(i); }
__host__ __device__ constexpr __half __ull2half_rn(unsigned long long i) { return __half(i); }

__host__ __device__ inline int __half2int_rn(__half h) {
    return hipkb::cpu::detail::half_to_integer<int>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline int __half2int_rz(__half h) {
    return hipkb::cpu::detail::half_to_integer<int>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline int __half2int_rd(__half h) {
    return hipkb::cpu::detail::half_to_integer<int>(h, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline int __half2int_ru(__half h) {
    return hipkb::cpu::detail::half_to_integer<int>(h, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline unsigned int __half2uint_rn(__half h) {
    return hipkb::cpu::detail::half_to_integer<unsigned int>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned int __half2uint_rz(__half h) {
    return hipkb::cpu::detail::half_to_integer<unsigned int>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline short __half2short_rn(__half h) {
    return hipkb::cpu::detail::half_to_integer<short>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline short __half2short_rz(__half h) {
    return hipkb::cpu::detail::half_to_integer<short>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline unsigned short __half2ushort_rn(__half h) {
    return hipkb::cpu::detail::half_to_integer<unsigned short>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned short __half2ushort_rz(__half h) {
    return hipkb::cpu::detail::half_to_integer<unsigned short>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline long long __half2ll_rn(__half h) {
    return hipkb::cpu::detail::half_to_integer<long long>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline long long __half2ll_rz(__half h) {
    return hipkb::cpu::detail::half_to_integer<long long>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline unsigned long long __half2ull_rn(__half h) {
    return hipkb::cpu::detail::half_to_integer<unsigned long long>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned long long __half2ull_rz(__half h) {
    return hipkb::cpu::detail::half_to_integer<unsigned long long>(h, hipkb::cpu::detail::rounding::toward_zero);
}

__host__ __device__ constexpr unsigned short __half_as_ushort(__half h) { return h.__x; }
__host__ __device__ constexpr __half __ushort_as_half(unsigned short bits) {
    return hipkb::cpu::detail::half_from_bits(bits);
}
__host__ __device__ constexpr short __half_as_short(__half h) { return static_cast<short>(h.__x); }
__host__ __device__ constexpr __half __short_as_half(short bits) {
    return hipkb::cpu::detail::half_from_bits(static_cast<unsigned short>(bits));
}

// __half2 construction and access.
__host__ __device__ constexpr __half2 make_half2(__half x, __half y) { return __half2(x, y); }
__host__ __device__ constexpr __half2 __halves2half2(__half low, __half high) { return __half2(low, high); }
__host__ __device__ constexpr __half2 __half2half2(__half h) { return __half2(h, h); }
__host__ __device__ constexpr __half2 __float2half2_rn(float a) { return __half2(__half(a), __half(a)); }
__host__ __device__ constexpr __half2 __floats2half2_rn(float low, float high) {
    return __half2(__half(low), __half(high));
}
__host__ __device__ constexpr __half2 __float22half2_rn(float2 a) { return __half2(__half(a.x), __half(a.y)); }
__host__ __device__ constexpr float2 __half22float2(__half2 a) {
    return float2{static_cast<float>(a.x), static_cast<float>(a.y)};
}
__host__ __device__ constexpr float __low2float(__half2 a) { return static_cast<float>(a.x); }
__host__ __device__ constexpr float __high2float(__half2 a) { return static_cast<float>(a.y); }
__host__ __device__ constexpr __half __low2half(__half2 a) { return a.x; }
__host__ __device__ constexpr __half __high2half(__half2 a) { return a.y; }
__host__ __device__ constexpr __half2 __low2half2(__half2 a) { return __half2(a.x, a.x); }
__host__ __device__ constexpr __half2 __high2half2(__half2 a) { return __half2(a.y, a.y); }
__host__ __device__ constexpr __half2 __lows2half2(__half2 a, __half2 b) { return __half2(a.x, b.x); }
__host__ __device__ constexpr __half2 __highs2half2(__half2 a, __half2 b) { return __half2(a.y, b.y); }
__host__ __device__ constexpr __half2 __lowhigh2highlow(__half2 a) { return __half2(a.y, a.x); }

// ---------------------------------------------------------------------------
// __half arithmetic and comparisons
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __half __hadd(__half a, __half b) {
    return __half(static_cast<float>(a) + static_cast<float>(b));
}
__host__ __device__ constexpr __half __hsub(__half a, __half b) {
    return __half(static_cast<float>(a) - static_cast<float>(b));
}
__host__ __device__ constexpr __half __hmul(__half a, __half b) {
    return __half(static_cast<float>(a) * static_cast<float>(b));
}
__host__ __device__ constexpr __half __hdiv(__half a, __half b) {
    return __half(static_cast<float>(a) / static_cast<float>(b));
}
__host__ __device__ inline __half __hfma(__half a, __half b, __half c) {
    return __half(
        hipkb::cpu::detail::fma_round_to_odd(static_cast<float>(a), static_cast<float>(b), static_cast<float>(c)));
}
__host__ __device__ constexpr __half __hneg(__half a) {
    return hipkb::cpu::detail::half_from_bits(static_cast<uint16_t>(a.__x ^ 0x8000u));
}
__host__ __device__ constexpr __half __habs(__half a) {
    return hipkb::cpu::detail::half_from_bits(static_cast<uint16_t>(a.__x & 0x7fffu));
}

__host__ __device__ constexpr bool __hisnan(__half a) { return (a.__x & 0x7fffu) > 0x7c00u; }
__host__ __device__ constexpr bool __hisinf(__half a) { return (a.__x & 0x7fffu) == 0x7c00u; }

// Max/min return the other operand when one is NaN (fmaxf/fminf); the _nan
// forms return NaN when either is.
__host__ __device__ inline __half __hmax(__half a, __half b) {
    return __half(fmaxf(static_cast<float>(a), static_cast<float>(b)));
}
__host__ __device__ inline __half __hmin(__half a, __half b) {
    return __half(fminf(static_cast<float>(a), static_cast<float>(b)));
}
__host__ __device__ inline __half __hmax_nan(__half a, __half b) {
    return (__hisnan(a) || __hisnan(b)) ? __half(__half_raw{0x7fffu}) : __hmax(a, b);
}
__host__ __device__ inline __half __hmin_nan(__half a, __half b) {
    return (__hisnan(a) || __hisnan(b)) ? __half(__half_raw{0x7fffu}) : __hmin(a, b);
}

// Ordered comparisons (false when either is NaN, except __hne) and the
// unordered __h*u forms (true when either is NaN).
__host__ __device__ constexpr bool __heq(__half a, __half b) { return static_cast<float>(a) == static_cast<float>(b); }
__host__ __device__ constexpr bool __hne(__half a, __half b) {
    return !__hisnan(a) && !__hisnan(b) && static_cast<float>(a) != static_cast<float>(b);
}
__host__ __device__ constexpr bool __hlt(__half a, __half b) { return static_cast<float>(a) < static_cast<float>(b); }
__host__ __device__ constexpr bool __hle(__half a, __half b) { return static_cast<float>(a) <= static_cast<float>(b); }
__host__ __device__ constexpr bool __hgt(__half a, __half b) { return static_cast<float>(a) > static_cast<float>(b); }
__host__ __device__ constexpr bool __hge(__half a, __half b) { return static_cast<float>(a) >= static_cast<float>(b); }
__host__ __device__ constexpr bool __hequ(__half a, __half b) { return !__hne(a, b); }
__host__ __device__ constexpr bool __hneu(__half a, __half b) { return !__heq(a, b); }
__host__ __device__ constexpr bool __hltu(__half a, __half b) { return !__hge(a, b); }
__host__ __device__ constexpr bool __hleu(__half a, __half b) { return !__hgt(a, b); }
__host__ __device__ constexpr bool __hgtu(__half a, __half b) { return !__hle(a, b); }
__host__ __device__ constexpr bool __hgeu(__half a, __half b) { return !__hlt(a, b); }

// Math functions: the float function, rounded to half.
__host__ __device__ inline __half hexp(__half a) { return __half(expf(static_cast<float>(a))); }
__host__ __device__ inline __half hexp2(__half a) { return __half(exp2f(static_cast<float>(a))); }
__host__ __device__ inline __half hexp10(__half a) { return __half(powf(10.0f, static_cast<float>(a))); }
__host__ __device__ inline __half hlog(__half a) { return __half(logf(static_cast<float>(a))); }
__host__ __device__ inline __half hlog2(__half a) { return __half(log2f(static_cast<float>(a))); }
__host__ __device__ inline __half hlog10(__half a) { return __half(log10f(static_cast<float>(a))); }
__host__ __device__ inline __half hsqrt(__half a) { return __half(sqrtf(static_cast<float>(a))); }
__host__ __device__ inline __half hrsqrt(__half a) {
    return __half(1.0 / sqrt(static_cast<double>(static_cast<float>(a))));
}
__host__ __device__ inline __half hrcp(__half a) { return __half(1.0f / static_cast<float>(a)); }
__host__ __device__ inline __half hsin(__half a) { return __half(sinf(static_cast<float>(a))); }
__host__ __device__ inline __half hcos(__half a) { return __half(cosf(static_cast<float>(a))); }
__host__ __device__ inline __half htanh(__half a) { return __half(tanhf(static_cast<float>(a))); }
__host__ __device__ inline __half hceil(__half a) { return __half(ceilf(static_cast<float>(a))); }
__host__ __device__ inline __half hfloor(__half a) { return __half(floorf(static_cast<float>(a))); }
__host__ __device__ inline __half htrunc(__half a) { return __half(truncf(static_cast<float>(a))); }
__host__ __device__ inline __half hrint(__half a) { return __half(nearbyintf(static_cast<float>(a))); }

// ---------------------------------------------------------------------------
// __half2 arithmetic and comparisons (element-wise)
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __half2 __hadd2(__half2 a, __half2 b) {
    return __half2(__hadd(a.x, b.x), __hadd(a.y, b.y));
}
__host__ __device__ constexpr __half2 __hsub2(__half2 a, __half2 b) {
    return __half2(__hsub(a.x, b.x), __hsub(a.y, b.y));
}
__host__ __device__ constexpr __half2 __hmul2(__half2 a, __half2 b) {
    return __half2(__hmul(a.x, b.x), __hmul(a.y, b.y));
}
__host__ __device__ constexpr __half2 __hdiv2(__half2 a, __half2 b) {
    return __half2(__hdiv(a.x, b.x), __hdiv(a.y, b.y));
}
__host__ __device__ constexpr __half2 __h2div(__half2 a, __half2 b) { return __hdiv2(a, b); }
__host__ __device__ inline __half2 __hfma2(__half2 a, __half2 b, __half2 c) {
    return __half2(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y));
}
__host__ __device__ constexpr __half2 __hneg2(__half2 a) { return __half2(__hneg(a.x), __hneg(a.y)); }
__host__ __device__ constexpr __half2 __habs2(__half2 a) { return __half2(__habs(a.x), __habs(a.y)); }
__host__ __device__ inline __half2 __hmax2(__half2 a, __half2 b) { return __half2(__hmax(a.x, b.x), __hmax(a.y, b.y)); }
__host__ __device__ inline __half2 __hmin2(__half2 a, __half2 b) { return __half2(__hmin(a.x, b.x), __hmin(a.y, b.y)); }
__host__ __device__ constexpr __half2 __hisnan2(__half2 a) {
    return __half2(__half(__hisnan(a.x) ? 1.0f : 0.0f), __half(__hisnan(a.y) ? 1.0f : 0.0f));
}

namespace hipkb::cpu::detail {
// 1.0 where the comparison holds, 0.0 where it does not, per half.
__host__ __device__ constexpr __half2 half2_mask(bool low, bool high) {
    return __half2(__half(low ? 1.0f : 0.0f), __half(high ? 1.0f : 0.0f));
}
}  // namespace hipkb::cpu::detail

__host__ __device__ constexpr __half2 __heq2(__half2 a, __half2 b) {
    return hipkb::cpu::detail::half2_mask(__heq(a.x, b.x), __heq(a.y, b.y));
}
__host__ __device__ constexpr __half2 __hne2(__half2 a, __half2 b) {
    return hipkb::cpu::detail::half2_mask(__hne(a.x, b.x), __hne(a.y, b.y));
}
__host__ __device__ constexpr __half2 __hlt2(__half2 a, __half2 b) {
    return hipkb::cpu::detail::half2_mask(__hlt(a.x, b.x), __hlt(a.y, b.y));
}
__host__ __device__ constexpr __half2 __hle2(__half2 a, __half2 b) {
    return hipkb::cpu::detail::half2_mask(__hle(a.x, b.x), __hle(a.y, b.y));
}
__host__ __device__ constexpr __half2 __hgt2(__half2 a, __half2 b) {
    return hipkb::cpu::detail::half2_mask(__hgt(a.x, b.x), __hgt(a.y, b.y));
}
__host__ __device__ constexpr __half2 __hge2(__half2 a, __half2 b) {
    return hipkb::cpu::detail::half2_mask(__hge(a.x, b.x), __hge(a.y, b.y));
}
// True when the comparison holds for both halves.
__host__ __device__ constexpr bool __hbeq2(__half2 a, __half2 b) { return __heq(a.x, b.x) && __heq(a.y, b.y); }
__host__ __device__ constexpr bool __hbne2(__half2 a, __half2 b) { return __hne(a.x, b.x) && __hne(a.y, b.y); }
__host__ __device__ constexpr bool __hblt2(__half2 a, __half2 b) { return __hlt(a.x, b.x) && __hlt(a.y, b.y); }
__host__ __device__ constexpr bool __hble2(__half2 a, __half2 b) { return __hle(a.x, b.x) && __hle(a.y, b.y); }
__host__ __device__ constexpr bool __hbgt2(__half2 a, __half2 b) { return __hgt(a.x, b.x) && __hgt(a.y, b.y); }
__host__ __device__ constexpr bool __hbge2(__half2 a, __half2 b) { return __hge(a.x, b.x) && __hge(a.y, b.y); }

__host__ __device__ inline __half2 h2exp(__half2 a) { return __half2(hexp(a.x), hexp(a.y)); }
__host__ __device__ inline __half2 h2exp2(__half2 a) { return __half2(hexp2(a.x), hexp2(a.y)); }
__host__ __device__ inline __half2 h2exp10(__half2 a) { return __half2(hexp10(a.x), hexp10(a.y)); }
__host__ __device__ inline __half2 h2log(__half2 a) { return __half2(hlog(a.x), hlog(a.y)); }
__host__ __device__ inline __half2 h2log2(__half2 a) { return __half2(hlog2(a.x), hlog2(a.y)); }
__host__ __device__ inline __half2 h2log10(__half2 a) { return __half2(hlog10(a.x), hlog10(a.y)); }
__host__ __device__ inline __half2 h2sqrt(__half2 a) { return __half2(hsqrt(a.x), hsqrt(a.y)); }
__host__ __device__ inline __half2 h2rsqrt(__half2 a) { return __half2(hrsqrt(a.x), hrsqrt(a.y)); }
__host__ __device__ inline __half2 h2rcp(__half2 a) { return __half2(hrcp(a.x), hrcp(a.y)); }
__host__ __device__ inline __half2 h2sin(__half2 a) { return __half2(hsin(a.x), hsin(a.y)); }
__host__ __device__ inline __half2 h2cos(__half2 a) { return __half2(hcos(a.x), hcos(a.y)); }
__host__ __device__ inline __half2 h2ceil(__half2 a) { return __half2(hceil(a.x), hceil(a.y)); }
__host__ __device__ inline __half2 h2floor(__half2 a) { return __half2(hfloor(a.x), hfloor(a.y)); }
__host__ __device__ inline __half2 h2trunc(__half2 a) { return __half2(htrunc(a.x), htrunc(a.y)); }
__host__ __device__ inline __half2 h2rint(__half2 a) { return __half2(hrint(a.x), hrint(a.y)); }

// ---------------------------------------------------------------------------
// Operators on __half
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __half operator+(__half a, __half b) { return __hadd(a, b); }
__host__ __device__ constexpr __half operator-(__half a, __half b) { return __hsub(a, b); }
__host__ __device__ constexpr __half operator*(__half a, __half b) { return __hmul(a, b); }
__host__ __device__ constexpr __half operator/(__half a, __half b) { return __hdiv(a, b); }
__host__ __device__ constexpr __half operator+(__half a) { return a; }
__host__ __device__ constexpr __half operator-(__half a) { return __hneg(a); }
__host__ __device__ constexpr bool operator==(__half a, __half b) { return __heq(a, b); }
__host__ __device__ constexpr bool operator!=(__half a, __half b) { return __hneu(a, b); }
__host__ __device__ constexpr bool operator<(__half a, __half b) { return __hlt(a, b); }
__host__ __device__ constexpr bool operator<=(__half a, __half b) { return __hle(a, b); }
__host__ __device__ constexpr bool operator>(__half a, __half b) { return __hgt(a, b); }
__host__ __device__ constexpr bool operator>=(__half a, __half b) { return __hge(a, b); }

// __half with another arithmetic type. These are exact matches, so they win
// over both the __half-__half operators and the built-in float operators
// (each of which needs a user-defined conversion), and nothing is
// ambiguous.
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::half_mixed_t<T> operator+(__half a, T b) {
    if constexpr (std::is_integral_v<T>) {
        return a + __half(b);
    } else {
        return static_cast<hipkb::cpu::detail::half_mixed_t<T>>(static_cast<float>(a)) + b;
    }
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::half_mixed_t<T> operator+(T a, __half b) {
    if constexpr (std::is_integral_v<T>) {
        return __half(a) + b;
    } else {
        return a + static_cast<hipkb::cpu::detail::half_mixed_t<T>>(static_cast<float>(b));
    }
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::half_mixed_t<T> operator-(__half a, T b) {
    if constexpr (std::is_integral_v<T>) {
        return a - __half(b);
    } else {
        return static_cast<hipkb::cpu::detail::half_mixed_t<T>>(static_cast<float>(a)) - b;
    }
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::half_mixed_t<T> operator-(T a, __half b) {
    if constexpr (std::is_integral_v<T>) {
        return __half(a) - b;
    } else {
        return a - static_cast<hipkb::cpu::detail::half_mixed_t<T>>(static_cast<float>(b));
    }
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::half_mixed_t<T> operator*(__half a, T b) {
    if constexpr (std::is_integral_v<T>) {
        return a * __half(b);
    } else {
        return static_cast<hipkb::cpu::detail::half_mixed_t<T>>(static_cast<float>(a)) * b;
    }
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::half_mixed_t<T> operator*(T a, __half b) {
    if constexpr (std::is_integral_v<T>) {
        return __half(a) * b;
    } else {
        return a * static_cast<hipkb::cpu::detail::half_mixed_t<T>>(static_cast<float>(b));
    }
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::half_mixed_t<T> operator/(__half a, T b) {
    if constexpr (std::is_integral_v<T>) {
        return a / __half(b);
    } else {
        return static_cast<hipkb::cpu::detail::half_mixed_t<T>>(static_cast<float>(a)) / b;
    }
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::half_mixed_t<T> operator/(T a, __half b) {
    if constexpr (std::is_integral_v<T>) {
        return __half(a) / b;
    } else {
        return a / static_cast<hipkb::cpu::detail::half_mixed_t<T>>(static_cast<float>(b));
    }
}

template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator==(__half a, T b) {
    using C = hipkb::cpu::detail::half_compare_t<T>;
    return static_cast<C>(static_cast<float>(a)) == static_cast<C>(b);
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator==(T a, __half b) {
    return b == a;
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator!=(__half a, T b) {
    return !(a == b);
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator!=(T a, __half b) {
    return !(b == a);
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator<(__half a, T b) {
    using C = hipkb::cpu::detail::half_compare_t<T>;
    return static_cast<C>(static_cast<float>(a)) < static_cast<C>(b);
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator<(T a, __half b) {
    using C = hipkb::cpu::detail::half_compare_t<T>;
    return static_cast<C>(a) < static_cast<C>(static_cast<float>(b));
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator<=(__half a, T b) {
    using C = hipkb::cpu::detail::half_compare_t<T>;
    return static_cast<C>(static_cast<float>(a)) <= static_cast<C>(b);
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator<=(T a, __half b) {
    using C = hipkb::cpu::detail::half_compare_t<T>;
    return static_cast<C>(a) <= static_cast<C>(static_cast<float>(b));
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator>(__half a, T b) {
    return b < a;
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator>(T a, __half b) {
    return b < a;
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator>=(__half a, T b) {
    return b <= a;
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator>=(T a, __half b) {
    return b <= a;
}

// Compound assignment: a = a op b, with the mixed rules above, then rounded
// to half.
__host__ __device__ constexpr __half& operator+=(__half& a, __half b) { return a = a + b; }
__host__ __device__ constexpr __half& operator-=(__half& a, __half b) { return a = a - b; }
__host__ __device__ constexpr __half& operator*=(__half& a, __half b) { return a = a * b; }
__host__ __device__ constexpr __half& operator/=(__half& a, __half b) { return a = a / b; }
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr __half& operator+=(__half& a, T b) {
    return a = __half(a + b);
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr __half& operator-=(__half& a, T b) {
    return a = __half(a - b);
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr __half& operator*=(__half& a, T b) {
    return a = __half(a * b);
}
template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
__host__ __device__ constexpr __half& operator/=(__half& a, T b) {
    return a = __half(a / b);
}
__host__ __device__ constexpr __half& operator++(__half& a) { return a += __half(1.0f); }
__host__ __device__ constexpr __half& operator--(__half& a) { return a -= __half(1.0f); }
__host__ __device__ constexpr __half operator++(__half& a, int) {
    const __half old = a;
    a += __half(1.0f);
    return old;
}
__host__ __device__ constexpr __half operator--(__half& a, int) {
    const __half old = a;
    a -= __half(1.0f);
    return old;
}

// ---------------------------------------------------------------------------
// Operators on __half2 (element-wise)
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __half2 operator+(__half2 a, __half2 b) { return __hadd2(a, b); }
__host__ __device__ constexpr __half2 operator-(__half2 a, __half2 b) { return __hsub2(a, b); }
__host__ __device__ constexpr __half2 operator*(__half2 a, __half2 b) { return __hmul2(a, b); }
__host__ __device__ constexpr __half2 operator/(__half2 a, __half2 b) { return __hdiv2(a, b); }
__host__ __device__ constexpr __half2 operator+(__half2 a) { return a; }
__host__ __device__ constexpr __half2 operator-(__half2 a) { return __hneg2(a); }
__host__ __device__ constexpr __half2& operator+=(__half2& a, __half2 b) { return a = a + b; }
__host__ __device__ constexpr __half2& operator-=(__half2& a, __half2 b) { return a = a - b; }
__host__ __device__ constexpr __half2& operator*=(__half2& a, __half2 b) { return a = a * b; }
__host__ __device__ constexpr __half2& operator/=(__half2& a, __half2 b) { return a = a / b; }
__host__ __device__ constexpr bool operator==(__half2 a, __half2 b) { return __hbeq2(a, b); }
__host__ __device__ constexpr bool operator!=(__half2 a, __half2 b) { return __hbne2(a, b); }
__host__ __device__ constexpr bool operator<(__half2 a, __half2 b) { return __hblt2(a, b); }
__host__ __device__ constexpr bool operator<=(__half2 a, __half2 b) { return __hble2(a, b); }
__host__ __device__ constexpr bool operator>(__half2 a, __half2 b) { return __hbgt2(a, b); }
__host__ __device__ constexpr bool operator>=(__half2 a, __half2 b) { return __hbge2(a, b); }

#endif  // HIPKB_CPU_HIP_FP16_H
