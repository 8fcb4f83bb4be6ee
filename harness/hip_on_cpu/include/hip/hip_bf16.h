/* hipkb's HIP-on-CPU layer: HIP's bfloat16 types and functions.
 *
 * __hip_bfloat16 is a bfloat16 value (the top 16 bits of a float) stored in
 * `unsigned short __x` (use __bfloat16_as_ushort / __ushort_as_bfloat16
 * rather than the member), __hip_bfloat162 a pair of them aligned to 4
 * bytes, and __hip_bfloat16_raw / __hip_bfloat162_raw the plain bit structs.
 * Both are trivial types. For the older struct hip_bfloat16 (a .data member)
 * see <hip/hip_bfloat16.h>.
 *
 * Conversions: float and double round to nearest even once (the _rz/_rd/_ru
 * forms toward zero/down/up); a NaN stays a NaN, made quiet, with its sign.
 * bfloat16 -> float is exact; -> integer saturates (NaN gives 0).
 *
 * Arithmetic is computed in float and rounded once (correctly rounded for
 * + - * /); fma is exact in double, rounded to odd, then rounded once. Math
 * functions are the float function rounded to bfloat16.
 *
 * The same overloaded names as for __half (__hadd, __hmul, __hfma, __hmax,
 * hsqrt, __hadd2, __low2float, ...) take the bfloat16 types, and the
 * implicit conversions and mixed-type operator rules are the same as for
 * __half (see <hip/hip_fp16.h>): __hip_bfloat16 op float is float,
 * op double is double, op integer is __hip_bfloat16, and comparisons with
 * any arithmetic type compare the values.
 */
#ifndef HIPKB_CPU_HIP_BF16_H
#define HIPKB_CPU_HIP_BF16_H

#include <hip/hip_vector_types.h>
#include <hipkb_cpu/float_bits.h>
#include <hipkb_cpu/qualifiers.h>

#include <math.h>

#include <type_traits>

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

struct __hip_bfloat16_raw {
    unsigned short x;
};

struct alignas(4) __hip_bfloat162_raw {
    unsigned short x;
    unsigned short y;
};

struct __hip_bfloat16 {
    unsigned short __x;

    __hip_bfloat16() = default;
    __host__ __device__ constexpr __hip_bfloat16(__hip_bfloat16_raw raw) : __x(raw.x) {}
    // From any arithmetic type, rounded to nearest even once (long double
    // goes through double).
    template <class T, std::enable_if_t<std::is_arithmetic_v<T>, int> = 0>
    __host__ __device__ constexpr __hip_bfloat16(T value) : __x(from_arithmetic(value)) {}

    __host__ __device__ constexpr operator float() const { return hipkb::cpu::detail::bf16_to_float(__x); }
    __host__ __device__ constexpr operator __hip_bfloat16_raw() const { return __hip_bfloat16_raw{__x}; }

   private:
    template <class T>
    static __host__ __device__ constexpr unsigned short from_arithmetic(T value) {
        if constexpr (std::is_same_v<T, float>) {
            return hipkb::cpu::detail::float_to_bf16_rn(value);
        } else if constexpr (std::is_floating_point_v<T>) {
            return hipkb::cpu::detail::double_to_bf16(static_cast<double>(value));
        } else {
            return hipkb::cpu::detail::integer_to_small<hipkb::cpu::detail::bf16_format>(
                value, hipkb::cpu::detail::rounding::nearest_even);
        }
    }
};

struct alignas(4) __hip_bfloat162 {
    __hip_bfloat16 x;
    __hip_bfloat16 y;

    __hip_bfloat162() = default;
    __host__ __device__ constexpr __hip_bfloat162(__hip_bfloat16 low, __hip_bfloat16 high) : x(low), y(high) {}
    __host__ __device__ constexpr __hip_bfloat162(__hip_bfloat162_raw raw)
        : x(__hip_bfloat16_raw{raw.x}), y(__hip_bfloat16_raw{raw.y}) {}
    __host__ __device__ constexpr operator __hip_bfloat162_raw() const { return __hip_bfloat162_raw{x.__x, y.__x}; }
};

static_assert(sizeof(__hip_bfloat16) == 2 && alignof(__hip_bfloat16) == 2, "__hip_bfloat16 layout");
static_assert(sizeof(__hip_bfloat162) == 4 && alignof(__hip_bfloat162) == 4, "__hip_bfloat162 layout");
static_assert(std::is_trivial_v<__hip_bfloat16> && std::is_trivial_v<__hip_bfloat162>, "bfloat16 types are trivial");

namespace hipkb::cpu::detail {

__host__ __device__ constexpr __hip_bfloat16 bf16_from_bits(uint16_t bits) {
    return __hip_bfloat16(__hip_bfloat16_raw{bits});
}

template <class I>
__host__ __device__ inline I bf16_to_integer(__hip_bfloat16 b, rounding mode) {
    const float value = static_cast<float>(b);
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

// The type of `__hip_bfloat16 op T` for an arithmetic T.
template <class T>
using bf16_mixed_t = std::conditional_t<std::is_integral_v<T>, __hip_bfloat16,
                                        std::conditional_t<(sizeof(T) > sizeof(float)), T, float>>;

// The type a bfloat16 is compared with T in: exact for every T.
template <class T>
using bf16_compare_t = std::conditional_t<std::is_same_v<T, float>, float,
                                          std::conditional_t<std::is_same_v<T, long double>, long double, double>>;

template <class T>
using if_bf16_arithmetic_t = std::enable_if_t<std::is_arithmetic_v<T>, int>;

}  // namespace hipkb::cpu::detail

// ---------------------------------------------------------------------------
// Conversions and bit access
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16(float a) { return __hip_bfloat16(a); }
__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16_rn(float a) { return __hip_bfloat16(a); }
__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16_rz(float a) {
    return hipkb::cpu::detail::bf16_from_bits(hipkb::cpu::detail::float_to_bf16_rz(a));
}
__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16_rd(float a) {
    return hipkb::cpu::detail::bf16_from_bits(hipkb::cpu::detail::float_to_bf16(a, hipkb::cpu::detail::rounding::down));
}
__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16_ru(float a) {
    return hipkb::cpu::detail::bf16_from_bits(hipkb::cpu::detail::float_to_bf16(a, hipkb::cpu::detail::rounding::up));
}
__host__ __device__ constexpr __hip_bfloat16 __double2bfloat16(double a) { return __hip_bfloat16(a); }
__host__ __device__ constexpr float __bfloat162float(__hip_bfloat16 a) { return static_cast<float>(a); }

__host__ __device__ constexpr __hip_bfloat16 __int2bfloat16_rn(int i) { return __hip_bfloat16(i); }
__host__ __device__ constexpr __hip_bfloat16 __uint2bfloat16_rn(unsigned int i) { return __hip_bfloat16(i); }
__host__ __device__ constexpr __hip_bfloat16 __short2bfloat16_rn(short i) { return __hip_bfloat16(i); }
__host__ __device__ constexpr __hip_bfloat16 __ushort2bfloat16_rn(unsigned short i) { return __hip_bfloat16(i); }
__host__ __device__ constexpr __hip_bfloat16 __ll2bfloat16_rn(long long i) { return __hip_bfloat16(i); }
__host__ __device__ constexpr __hip_bfloat16 __ull2bfloat16_rn(unsigned long long i) { return __hip_bfloat16(i); }
__host__ __device__ inline int __bfloat162int_rn(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<int>(b, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline int __bfloat162int_rz(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<int>(b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline int __bfloat162int_rd(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<int>(b, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline int __bfloat162int_ru(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<int>(b, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline unsigned int __bfloat162uint_rn(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<unsigned int>(b, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline short __bfloat162short_rn(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<short>(b, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline short __bfloat162short_rz(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<short>(b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline long long __bfloat162ll_rn(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<long long>(b, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned int __bfloat162uint_rz(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<unsigned int>(b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline long long __bfloat162ll_rz(__hip_bfloat16 b) {
    return hipkb::cpu::detail::bf16_to_integer<long long>(b, hipkb::cpu::detail::rounding::toward_zero);
}

__host__ __device__ constexpr unsigned short __bfloat16_as_ushort(__hip_bfloat16 b) { return b.__x; }
__host__ __device__ constexpr __hip_bfloat16 __ushort_as_bfloat16(unsigned short bits) {
    return hipkb::cpu::detail::bf16_from_bits(bits);
}
__host__ __device__ constexpr short __bfloat16_as_short(__hip_bfloat16 b) { return static_cast<short>(b.__x); }
__host__ __device__ constexpr __hip_bfloat16 __short_as_bfloat16(short bits) {
    return hipkb::cpu::detail::bf16_from_bits(static_cast<unsigned short>(bits));
}

// __hip_bfloat162 construction and access.
__host__ __device__ constexpr __hip_bfloat162 make_bfloat162(__hip_bfloat16 x, __hip_bfloat16 y) {
    return __hip_bfloat162(x, y);
}
__host__ __device__ constexpr __hip_bfloat162 __halves2bfloat162(__hip_bfloat16 low, __hip_bfloat16 high) {
    return __hip_bfloat162(low, high);
}
__host__ __device__ constexpr __hip_bfloat162 __bfloat162bfloat162(__hip_bfloat16 b) { return __hip_bfloat162(b, b); }
__host__ __device__ constexpr __hip_bfloat162 __float2bfloat162_rn(float a) {
    return __hip_bfloat162(__hip_bfloat16(a), __hip_bfloat16(a));
}
__host__ __device__ constexpr __hip_bfloat162 __floats2bfloat162_rn(float low, float high) {
    return __hip_bfloat162(__hip_bfloat16(low), __hip_bfloat16(high));
}
__host__ __device__ constexpr __hip_bfloat162 __float22bfloat162_rn(float2 a) {
    return __hip_bfloat162(__hip_bfloat16(a.x), __hip_bfloat16(a.y));
}
__host__ __device__ constexpr float2 __bfloat1622float2(__hip_bfloat162 a) {
    return float2{static_cast<float>(a.x), static_cast<float>(a.y)};
}
__host__ __device__ constexpr float __low2float(__hip_bfloat162 a) { return static_cast<float>(a.x); }
__host__ __device__ constexpr float __high2float(__hip_bfloat162 a) { return static_cast<float>(a.y); }
__host__ __device__ constexpr __hip_bfloat16 __low2bfloat16(__hip_bfloat162 a) { return a.x; }
__host__ __device__ constexpr __hip_bfloat16 __high2bfloat16(__hip_bfloat162 a) { return a.y; }
__host__ __device__ constexpr __hip_bfloat162 __low2bfloat162(__hip_bfloat162 a) { return __hip_bfloat162(a.x, a.x); }
__host__ __device__ constexpr __hip_bfloat162 __high2bfloat162(__hip_bfloat162 a) { return __hip_bfloat162(a.y, a.y); }
__host__ __device__ constexpr __hip_bfloat162 __lows2bfloat162(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hip_bfloat162(a.x, b.x);
}
__host__ __device__ constexpr __hip_bfloat162 __highs2bfloat162(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hip_bfloat162(a.y, b.y);
}
__host__ __device__ constexpr __hip_bfloat162 __lowhigh2highlow(__hip_bfloat162 a) { return __hip_bfloat162(a.y, a.x); }

// ---------------------------------------------------------------------------
// __hip_bfloat16 arithmetic and comparisons
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __hip_bfloat16 __hadd(__hip_bfloat16 a, __hip_bfloat16 b) {
    return __hip_bfloat16(static_cast<float>(a) + static_cast<float>(b));
}
__host__ __device__ constexpr __hip_bfloat16 __hsub(__hip_bfloat16 a, __hip_bfloat16 b) {
    return __hip_bfloat16(static_cast<float>(a) - static_cast<float>(b));
}
__host__ __device__ constexpr __hip_bfloat16 __hmul(__hip_bfloat16 a, __hip_bfloat16 b) {
    return __hip_bfloat16(static_cast<float>(a) * static_cast<float>(b));
}
__host__ __device__ constexpr __hip_bfloat16 __hdiv(__hip_bfloat16 a, __hip_bfloat16 b) {
    return __hip_bfloat16(static_cast<float>(a) / static_cast<float>(b));
}
__host__ __device__ inline __hip_bfloat16 __hfma(__hip_bfloat16 a, __hip_bfloat16 b, __hip_bfloat16 c) {
    return __hip_bfloat16(
        hipkb::cpu::detail::fma_round_to_odd(static_cast<float>(a), static_cast<float>(b), static_cast<float>(c)));
}
__host__ __device__ constexpr __hip_bfloat16 __hneg(__hip_bfloat16 a) {
    return hipkb::cpu::detail::bf16_from_bits(static_cast<uint16_t>(a.__x ^ 0x8000u));
}
__host__ __device__ constexpr __hip_bfloat16 __habs(__hip_bfloat16 a) {
    return hipkb::cpu::detail::bf16_from_bits(static_cast<uint16_t>(a.__x & 0x7fffu));
}

__host__ __device__ constexpr bool __hisnan(__hip_bfloat16 a) { return (a.__x & 0x7fffu) > 0x7f80u; }
__host__ __device__ constexpr bool __hisinf(__hip_bfloat16 a) { return (a.__x & 0x7fffu) == 0x7f80u; }

__host__ __device__ inline __hip_bfloat16 __hmax(__hip_bfloat16 a, __hip_bfloat16 b) {
    return __hip_bfloat16(fmaxf(static_cast<float>(a), static_cast<float>(b)));
}
__host__ __device__ inline __hip_bfloat16 __hmin(__hip_bfloat16 a, __hip_bfloat16 b) {
    return __hip_bfloat16(fminf(static_cast<float>(a), static_cast<float>(b)));
}
__host__ __device__ inline __hip_bfloat16 __hmax_nan(__hip_bfloat16 a, __hip_bfloat16 b) {
    return (__hisnan(a) || __hisnan(b)) ? __hip_bfloat16(__hip_bfloat16_raw{0x7fffu}) : __hmax(a, b);
}
__host__ __device__ inline __hip_bfloat16 __hmin_nan(__hip_bfloat16 a, __hip_bfloat16 b) {
    return (__hisnan(a) || __hisnan(b)) ? __hip_bfloat16(__hip_bfloat16_raw{0x7fffu}) : __hmin(a, b);
}

__host__ __device__ constexpr bool __heq(__hip_bfloat16 a, __hip_bfloat16 b) {
    return static_cast<float>(a) == static_cast<float>(b);
}
__host__ __device__ constexpr bool __hne(__hip_bfloat16 a, __hip_bfloat16 b) {
    return !__hisnan(a) && !__hisnan(b) && static_cast<float>(a) != static_cast<float>(b);
}
__host__ __device__ constexpr bool __hlt(__hip_bfloat16 a, __hip_bfloat16 b) {
    return static_cast<float>(a) < static_cast<float>(b);
}
__host__ __device__ constexpr bool __hle(__hip_bfloat16 a, __hip_bfloat16 b) {
    return static_cast<float>(a) <= static_cast<float>(b);
}
__host__ __device__ constexpr bool __hgt(__hip_bfloat16 a, __hip_bfloat16 b) {
    return static_cast<float>(a) > static_cast<float>(b);
}
__host__ __device__ constexpr bool __hge(__hip_bfloat16 a, __hip_bfloat16 b) {
    return static_cast<float>(a) >= static_cast<float>(b);
}
__host__ __device__ constexpr bool __hequ(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hne(a, b); }
__host__ __device__ constexpr bool __hneu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__heq(a, b); }
__host__ __device__ constexpr bool __hltu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hge(a, b); }
__host__ __device__ constexpr bool __hleu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hgt(a, b); }
__host__ __device__ constexpr bool __hgtu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hle(a, b); }
__host__ __device__ constexpr bool __hgeu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hlt(a, b); }

__host__ __device__ inline __hip_bfloat16 hexp(__hip_bfloat16 a) { return __hip_bfloat16(expf(static_cast<float>(a))); }
__host__ __device__ inline __hip_bfloat16 hexp2(__hip_bfloat16 a) {
    return __hip_bfloat16(exp2f(static_cast<float>(a)));
}
__host__ __device__ inline __hip_bfloat16 hexp10(__hip_bfloat16 a) {
    return __hip_bfloat16(powf(10.0f, static_cast<float>(a)));
}
__host__ __device__ inline __hip_bfloat16 hlog(__hip_bfloat16 a) { return __hip_bfloat16(logf(static_cast<float>(a))); }
__host__ __device__ inline __hip_bfloat16 hlog2(__hip_bfloat16 a) {
    return __hip_bfloat16(log2f(static_cast<float>(a)));
}
__host__ __device__ inline __hip_bfloat16 hlog10(__hip_bfloat16 a) {
    return __hip_bfloat16(log10f(static_cast<float>(a)));
}
__host__ __device__ inline __hip_bfloat16 hsqrt(__hip_bfloat16 a) {
    return __hip_bfloat16(sqrtf(static_cast<float>(a)));
}
__host__ __device__ inline __hip_bfloat16 hrsqrt(__hip_bfloat16 a) {
    return __hip_bfloat16(1.0 / sqrt(static_cast<double>(static_cast<float>(a))));
}
__host__ __device__ inline __hip_bfloat16 hrcp(__hip_bfloat16 a) {
    return __hip_bfloat16(1.0f / static_cast<float>(a));
}
__host__ __device__ inline __hip_bfloat16 hsin(__hip_bfloat16 a) { return __hip_bfloat16(sinf(static_cast<float>(a))); }
__host__ __device__ inline __hip_bfloat16 hcos(__hip_bfloat16 a) { return __hip_bfloat16(cosf(static_cast<float>(a))); }
__host__ __device__ inline __hip_bfloat16 htanh(__hip_bfloat16 a) {
    return __hip_bfloat16(tanhf(static_cast<float>(a)));
}
__host__ __device__ inline __hip_bfloat16 hceil(__hip_bfloat16 a) {
    return __hip_bfloat16(ceilf(static_cast<float>(a)));
}
__host__ __device__ inline __hip_bfloat16 hfloor(__hip_bfloat16 a) {
    return __hip_bfloat16(floorf(static_cast<float>(a)));
}
__host__ __device__ inline __hip_bfloat16 htrunc(__hip_bfloat16 a) {
    return __hip_bfloat16(truncf(static_cast<float>(a)));
}
__host__ __device__ inline __hip_bfloat16 hrint(__hip_bfloat16 a) {
    return __hip_bfloat16(nearbyintf(static_cast<float>(a)));
}

// ---------------------------------------------------------------------------
// __hip_bfloat162 arithmetic and comparisons (element-wise)
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __hip_bfloat162 __hadd2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hip_bfloat162(__hadd(a.x, b.x), __hadd(a.y, b.y));
}
__host__ __device__ constexpr __hip_bfloat162 __hsub2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hip_bfloat162(__hsub(a.x, b.x), __hsub(a.y, b.y));
}
__host__ __device__ constexpr __hip_bfloat162 __hmul2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hip_bfloat162(__hmul(a.x, b.x), __hmul(a.y, b.y));
}
__host__ __device__ constexpr __hip_bfloat162 __hdiv2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hip_bfloat162(__hdiv(a.x, b.x), __hdiv(a.y, b.y));
}
__host__ __device__ constexpr __hip_bfloat162 __h2div(__hip_bfloat162 a, __hip_bfloat162 b) { return __hdiv2(a, b); }
__host__ __device__ inline __hip_bfloat162 __hfma2(__hip_bfloat162 a, __hip_bfloat162 b, __hip_bfloat162 c) {
    return __hip_bfloat162(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y));
}
__host__ __device__ constexpr __hip_bfloat162 __hneg2(__hip_bfloat162 a) {
    return __hip_bfloat162(__hneg(a.x), __hneg(a.y));
}
__host__ __device__ constexpr __hip_bfloat162 __habs2(__hip_bfloat162 a) {
    return __hip_bfloat162(__habs(a.x), __habs(a.y));
}
__host__ __device__ inline __hip_bfloat162 __hmax2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hip_bfloat162(__hmax(a.x, b.x), __hmax(a.y, b.y));
}
__host__ __device__ inline __hip_bfloat162 __hmin2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hip_bfloat162(__hmin(a.x, b.x), __hmin(a.y, b.y));
}

namespace hipkb::cpu::detail {
// 1.0 where the comparison holds, 0.0 where it does not, per element.
__host__ __device__ constexpr __hip_bfloat162 bf162_mask(bool low, bool high) {
    return __hip_bfloat162(__hip_bfloat16(low ? 1.0f : 0.0f), __hip_bfloat16(high ? 1.0f : 0.0f));
}
}  // namespace hipkb::cpu::detail

__host__ __device__ constexpr __hip_bfloat162 __hisnan2(__hip_bfloat162 a) {
    return hipkb::cpu::detail::bf162_mask(__hisnan(a.x), __hisnan(a.y));
}
__host__ __device__ constexpr __hip_bfloat162 __heq2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return hipkb::cpu::detail::bf162_mask(__heq(a.x, b.x), __heq(a.y, b.y));
}
__host__ __device__ constexpr __hip_bfloat162 __hne2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return hipkb::cpu::detail::bf162_mask(__hne(a.x, b.x), __hne(a.y, b.y));
}
__host__ __device__ constexpr __hip_bfloat162 __hlt2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return hipkb::cpu::detail::bf162_mask(__hlt(a.x, b.x), __hlt(a.y, b.y));
}
__host__ __device__ constexpr __hip_bfloat162 __hle2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return hipkb::cpu::detail::bf162_mask(__hle(a.x, b.x), __hle(a.y, b.y));
}
__host__ __device__ constexpr __hip_bfloat162 __hgt2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return hipkb::cpu::detail::bf162_mask(__hgt(a.x, b.x), __hgt(a.y, b.y));
}
__host__ __device__ constexpr __hip_bfloat162 __hge2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return hipkb::cpu::detail::bf162_mask(__hge(a.x, b.x), __hge(a.y, b.y));
}

// True when the comparison holds for both halves.
__host__ __device__ constexpr bool __hbeq2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __heq(a.x, b.x) && __heq(a.y, b.y);
}
__host__ __device__ constexpr bool __hbne2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hne(a.x, b.x) && __hne(a.y, b.y);
}
__host__ __device__ constexpr bool __hblt2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hlt(a.x, b.x) && __hlt(a.y, b.y);
}
__host__ __device__ constexpr bool __hble2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hle(a.x, b.x) && __hle(a.y, b.y);
}
__host__ __device__ constexpr bool __hbgt2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hgt(a.x, b.x) && __hgt(a.y, b.y);
}
__host__ __device__ constexpr bool __hbge2(__hip_bfloat162 a, __hip_bfloat162 b) {
    return __hge(a.x, b.x) && __hge(a.y, b.y);
}

__host__ __device__ inline __hip_bfloat162 h2exp(__hip_bfloat162 a) { return __hip_bfloat162(hexp(a.x), hexp(a.y)); }
__host__ __device__ inline __hip_bfloat162 h2exp2(__hip_bfloat162 a) { return __hip_bfloat162(hexp2(a.x), hexp2(a.y)); }
__host__ __device__ inline __hip_bfloat162 h2exp10(__hip_bfloat162 a) {
    return __hip_bfloat162(hexp10(a.x), hexp10(a.y));
}
__host__ __device__ inline __hip_bfloat162 h2log(__hip_bfloat162 a) { return __hip_bfloat162(hlog(a.x), hlog(a.y)); }
__host__ __device__ inline __hip_bfloat162 h2log2(__hip_bfloat162 a) { return __hip_bfloat162(hlog2(a.x), hlog2(a.y)); }
__host__ __device__ inline __hip_bfloat162 h2log10(__hip_bfloat162 a) {
    return __hip_bfloat162(hlog10(a.x), hlog10(a.y));
}
__host__ __device__ inline __hip_bfloat162 h2ceil(__hip_bfloat162 a) { return __hip_bfloat162(hceil(a.x), hceil(a.y)); }
__host__ __device__ inline __hip_bfloat162 h2floor(__hip_bfloat162 a) {
    return __hip_bfloat162(hfloor(a.x), hfloor(a.y));
}
__host__ __device__ inline __hip_bfloat162 h2trunc(__hip_bfloat162 a) {
    return __hip_bfloat162(htrunc(a.x), htrunc(a.y));
}
__host__ __device__ inline __hip_bfloat162 h2rint(__hip_bfloat162 a) { return __hip_bfloat162(hrint(a.x), hrint(a.y)); }
__host__ __device__ inline __hip_bfloat162 h2sqrt(__hip_bfloat162 a) { return __hip_bfloat162(hsqrt(a.x), hsqrt(a.y)); }
__host__ __device__ inline __hip_bfloat162 h2rsqrt(__hip_bfloat162 a) {
    return __hip_bfloat162(hrsqrt(a.x), hrsqrt(a.y));
}
__host__ __device__ inline __hip_bfloat162 h2rcp(__hip_bfloat162 a) { return __hip_bfloat162(hrcp(a.x), hrcp(a.y)); }
__host__ __device__ inline __hip_bfloat162 h2sin(__hip_bfloat162 a) { return __hip_bfloat162(hsin(a.x), hsin(a.y)); }
__host__ __device__ inline __hip_bfloat162 h2cos(__hip_bfloat162 a) { return __hip_bfloat162(hcos(a.x), hcos(a.y)); }

// ---------------------------------------------------------------------------
// Operators on __hip_bfloat16
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __hip_bfloat16 operator+(__hip_bfloat16 a, __hip_bfloat16 b) { return __hadd(a, b); }
__host__ __device__ constexpr __hip_bfloat16 operator-(__hip_bfloat16 a, __hip_bfloat16 b) { return __hsub(a, b); }
__host__ __device__ constexpr __hip_bfloat16 operator*(__hip_bfloat16 a, __hip_bfloat16 b) { return __hmul(a, b); }
__host__ __device__ constexpr __hip_bfloat16 operator/(__hip_bfloat16 a, __hip_bfloat16 b) { return __hdiv(a, b); }
__host__ __device__ constexpr __hip_bfloat16 operator+(__hip_bfloat16 a) { return a; }
__host__ __device__ constexpr __hip_bfloat16 operator-(__hip_bfloat16 a) { return __hneg(a); }
__host__ __device__ constexpr bool operator==(__hip_bfloat16 a, __hip_bfloat16 b) { return __heq(a, b); }
__host__ __device__ constexpr bool operator!=(__hip_bfloat16 a, __hip_bfloat16 b) { return __hneu(a, b); }
__host__ __device__ constexpr bool operator<(__hip_bfloat16 a, __hip_bfloat16 b) { return __hlt(a, b); }
__host__ __device__ constexpr bool operator<=(__hip_bfloat16 a, __hip_bfloat16 b) { return __hle(a, b); }
__host__ __device__ constexpr bool operator>(__hip_bfloat16 a, __hip_bfloat16 b) { return __hgt(a, b); }
__host__ __device__ constexpr bool operator>=(__hip_bfloat16 a, __hip_bfloat16 b) { return __hge(a, b); }

// With another arithmetic type (exact matches: no ambiguity with the
// built-in float operators).
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::bf16_mixed_t<T> operator+(__hip_bfloat16 a, T b) {
    if constexpr (std::is_integral_v<T>) {
        return a + __hip_bfloat16(b);
    } else {
        return static_cast<hipkb::cpu::detail::bf16_mixed_t<T>>(static_cast<float>(a)) + b;
    }
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::bf16_mixed_t<T> operator+(T a, __hip_bfloat16 b) {
    if constexpr (std::is_integral_v<T>) {
        return __hip_bfloat16(a) + b;
    } else {
        return a + static_cast<hipkb::cpu::detail::bf16_mixed_t<T>>(static_cast<float>(b));
    }
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::bf16_mixed_t<T> operator-(__hip_bfloat16 a, T b) {
    if constexpr (std::is_integral_v<T>) {
        return a - __hip_bfloat16(b);
    } else {
        return static_cast<hipkb::cpu::detail::bf16_mixed_t<T>>(static_cast<float>(a)) - b;
    }
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::bf16_mixed_t<T> operator-(T a, __hip_bfloat16 b) {
    if constexpr (std::is_integral_v<T>) {
        return __hip_bfloat16(a) - b;
    } else {
        return a - static_cast<hipkb::cpu::detail::bf16_mixed_t<T>>(static_cast<float>(b));
    }
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::bf16_mixed_t<T> operator*(__hip_bfloat16 a, T b) {
    if constexpr (std::is_integral_v<T>) {
        return a * __hip_bfloat16(b);
    } else {
        return static_cast<hipkb::cpu::detail::bf16_mixed_t<T>>(static_cast<float>(a)) * b;
    }
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::bf16_mixed_t<T> operator*(T a, __hip_bfloat16 b) {
    if constexpr (std::is_integral_v<T>) {
        return __hip_bfloat16(a) * b;
    } else {
        return a * static_cast<hipkb::cpu::detail::bf16_mixed_t<T>>(static_cast<float>(b));
    }
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::bf16_mixed_t<T> operator/(__hip_bfloat16 a, T b) {
    if constexpr (std::is_integral_v<T>) {
        return a / __hip_bfloat16(b);
    } else {
        return static_cast<hipkb::cpu::detail::bf16_mixed_t<T>>(static_cast<float>(a)) / b;
    }
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr hipkb::cpu::detail::bf16_mixed_t<T> operator/(T a, __hip_bfloat16 b) {
    if constexpr (std::is_integral_v<T>) {
        return __hip_bfloat16(a) / b;
    } else {
        return a / static_cast<hipkb::cpu::detail::bf16_mixed_t<T>>(static_cast<float>(b));
    }
}

template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator==(__hip_bfloat16 a, T b) {
    using C = hipkb::cpu::detail::bf16_compare_t<T>;
    return static_cast<C>(static_cast<float>(a)) == static_cast<C>(b);
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator==(T a, __hip_bfloat16 b) {
    return b == a;
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator!=(__hip_bfloat16 a, T b) {
    return !(a == b);
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator!=(T a, __hip_bfloat16 b) {
    return !(b == a);
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator<(__hip_bfloat16 a, T b) {
    using C = hipkb::cpu::detail::bf16_compare_t<T>;
    return static_cast<C>(static_cast<float>(a)) < static_cast<C>(b);
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator<(T a, __hip_bfloat16 b) {
    using C = hipkb::cpu::detail::bf16_compare_t<T>;
    return static_cast<C>(a) < static_cast<C>(static_cast<float>(b));
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator<=(__hip_bfloat16 a, T b) {
    using C = hipkb::cpu::detail::bf16_compare_t<T>;
    return static_cast<C>(static_cast<float>(a)) <= static_cast<C>(b);
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator<=(T a, __hip_bfloat16 b) {
    using C = hipkb::cpu::detail::bf16_compare_t<T>;
    return static_cast<C>(a) <= static_cast<C>(static_cast<float>(b));
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator>(__hip_bfloat16 a, T b) {
    return b < a;
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator>(T a, __hip_bfloat16 b) {
    return b < a;
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator>=(__hip_bfloat16 a, T b) {
    return b <= a;
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr bool operator>=(T a, __hip_bfloat16 b) {
    return b <= a;
}

__host__ __device__ constexpr __hip_bfloat16& operator+=(__hip_bfloat16& a, __hip_bfloat16 b) { return a = a + b; }
__host__ __device__ constexpr __hip_bfloat16& operator-=(__hip_bfloat16& a, __hip_bfloat16 b) { return a = a - b; }
__host__ __device__ constexpr __hip_bfloat16& operator*=(__hip_bfloat16& a, __hip_bfloat16 b) { return a = a * b; }
__host__ __device__ constexpr __hip_bfloat16& operator/=(__hip_bfloat16& a, __hip_bfloat16 b) { return a = a / b; }
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr __hip_bfloat16& operator+=(__hip_bfloat16& a, T b) {
    return a = __hip_bfloat16(a + b);
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr __hip_bfloat16& operator-=(__hip_bfloat16& a, T b) {
    return a = __hip_bfloat16(a - b);
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr __hip_bfloat16& operator*=(__hip_bfloat16& a, T b) {
    return a = __hip_bfloat16(a * b);
}
template <class T, hipkb::cpu::detail::if_bf16_arithmetic_t<T> = 0>
__host__ __device__ constexpr __hip_bfloat16& operator/=(__hip_bfloat16& a, T b) {
    return a = __hip_bfloat16(a / b);
}
__host__ __device__ constexpr __hip_bfloat16& operator++(__hip_bfloat16& a) { return a += __hip_bfloat16(1.0f); }
__host__ __device__ constexpr __hip_bfloat16& operator--(__hip_bfloat16& a) { return a -= __hip_bfloat16(1.0f); }
__host__ __device__ constexpr __hip_bfloat16 operator++(__hip_bfloat16& a, int) {
    const __hip_bfloat16 old = a;
    a += __hip_bfloat16(1.0f);
    return old;
}
__host__ __device__ constexpr __hip_bfloat16 operator--(__hip_bfloat16& a, int) {
    const __hip_bfloat16 old = a;
    a -= __hip_bfloat16(1.0f);
    return old;
}

// ---------------------------------------------------------------------------
// Operators on __hip_bfloat162 (element-wise)
// ---------------------------------------------------------------------------

__host__ __device__ constexpr __hip_bfloat162 operator+(__hip_bfloat162 a, __hip_bfloat162 b) { return __hadd2(a, b); }
__host__ __device__ constexpr __hip_bfloat162 operator-(__hip_bfloat162 a, __hip_bfloat162 b) { return __hsub2(a, b); }
__host__ __device__ constexpr __hip_bfloat162 operator*(__hip_bfloat162 a, __hip_bfloat162 b) { return __hmul2(a, b); }
__host__ __device__ constexpr __hip_bfloat162 operator/(__hip_bfloat162 a, __hip_bfloat162 b) { return __hdiv2(a, b); }
__host__ __device__ constexpr __hip_bfloat162 operator+(__hip_bfloat162 a) { return a; }
__host__ __device__ constexpr __hip_bfloat162 operator-(__hip_bfloat162 a) { return __hneg2(a); }
__host__ __device__ constexpr __hip_bfloat162& operator+=(__hip_bfloat162& a, __hip_bfloat162 b) { return a = a + b; }
__host__ __device__ constexpr __hip_bfloat162& operator-=(__hip_bfloat162& a, __hip_bfloat162 b) { return a = a - b; }
__host__ __device__ constexpr __hip_bfloat162& operator*=(__hip_bfloat162& a, __hip_bfloat162 b) { return a = a * b; }
__host__ __device__ constexpr __hip_bfloat162& operator/=(__hip_bfloat162& a, __hip_bfloat162 b) { return a = a / b; }
__host__ __device__ constexpr bool operator==(__hip_bfloat162 a, __hip_bfloat162 b) { return __hbeq2(a, b); }
__host__ __device__ constexpr bool operator!=(__hip_bfloat162 a, __hip_bfloat162 b) { return __hbne2(a, b); }
__host__ __device__ constexpr bool operator<(__hip_bfloat162 a, __hip_bfloat162 b) { return __hblt2(a, b); }
__host__ __device__ constexpr bool operator<=(__hip_bfloat162 a, __hip_bfloat162 b) { return __hble2(a, b); }
__host__ __device__ constexpr bool operator>(__hip_bfloat162 a, __hip_bfloat162 b) { return __hbgt2(a, b); }
__host__ __device__ constexpr bool operator>=(__hip_bfloat162 a, __hip_bfloat162 b) { return __hbge2(a, b); }

#endif  // HIPKB_CPU_HIP_BF16_H
