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
 * any arithmetic type compare the values. They are the same code, written
 * once for both in <hipkb_cpu/narrow_float.h>.
 */
#ifndef HIPKB_CPU_HIP_BF16_H
#define HIPKB_CPU_HIP_BF16_H

#include <hip/hip_vector_types.h>
#include <hipkb_cpu/float_bits.h>
#include <hipkb_cpu/narrow_float.h>
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

// As for __half: the storage, conversions, operators and shared functions
// come from hipkb_narrow_float and hipkb_narrow_pair
// (<hipkb_cpu/narrow_float.h>).
struct __hip_bfloat16 : hipkb_narrow_float<__hip_bfloat16, __hip_bfloat16_raw, hipkb::cpu::detail::bf16_traits> {
    using hipkb_narrow_float::hipkb_narrow_float;
    __hip_bfloat16() = default;
};

struct alignas(4) __hip_bfloat162 : hipkb_narrow_pair<__hip_bfloat162, __hip_bfloat16, __hip_bfloat162_raw> {
    using hipkb_narrow_pair::hipkb_narrow_pair;
    __hip_bfloat162() = default;
};

static_assert(sizeof(__hip_bfloat16) == 2 && alignof(__hip_bfloat16) == 2, "__hip_bfloat16 layout");
static_assert(sizeof(__hip_bfloat162) == 4 && alignof(__hip_bfloat162) == 4, "__hip_bfloat162 layout");
static_assert(std::is_trivial_v<__hip_bfloat16> && std::is_trivial_v<__hip_bfloat162>, "bfloat16 types are trivial");
static_assert(std::is_standard_layout_v<__hip_bfloat16> && std::is_standard_layout_v<__hip_bfloat162>,
              "and standard-layout");

// The shared functions, declared at namespace scope (see narrow_float.h).
__host__ __device__ constexpr hipkb::cpu::detail::fn2<__hip_bfloat16, __hip_bfloat16> __hadd, __hsub, __hmul, __hdiv;
__host__ __device__ inline hipkb::cpu::detail::fn3<__hip_bfloat16, __hip_bfloat16> __hfma;
__host__ __device__ constexpr hipkb::cpu::detail::fn1<__hip_bfloat16, __hip_bfloat16> __hneg, __habs;
__host__ __device__ constexpr hipkb::cpu::detail::fn1<bool, __hip_bfloat16> __hisnan, __hisinf;
__host__ __device__ inline hipkb::cpu::detail::fn2<__hip_bfloat16, __hip_bfloat16> __hmax, __hmin, __hmax_nan,
    __hmin_nan;
__host__ __device__ constexpr hipkb::cpu::detail::fn2<bool, __hip_bfloat16> __heq, __hne, __hlt, __hle, __hgt, __hge,
    __hequ, __hneu, __hltu, __hleu, __hgtu, __hgeu;
__host__ __device__ inline hipkb::cpu::detail::fn1<__hip_bfloat16, __hip_bfloat16> hexp, hexp2, hexp10, hlog, hlog2,
    hlog10, hsqrt, hrsqrt, hrcp, hsin, hcos, htanh, hceil, hfloor, htrunc, hrint;
__host__ __device__ constexpr hipkb::cpu::detail::fn2<__hip_bfloat162, __hip_bfloat162> __hadd2, __hsub2, __hmul2,
    __hdiv2, __h2div, __heq2, __hne2, __hlt2, __hle2, __hgt2, __hge2;
__host__ __device__ inline hipkb::cpu::detail::fn3<__hip_bfloat162, __hip_bfloat162> __hfma2;
__host__ __device__ inline hipkb::cpu::detail::fn2<__hip_bfloat162, __hip_bfloat162> __hmax2, __hmin2;
__host__ __device__ constexpr hipkb::cpu::detail::fn1<__hip_bfloat162, __hip_bfloat162> __hneg2, __habs2, __hisnan2,
    __lowhigh2highlow;
__host__ __device__ constexpr hipkb::cpu::detail::fn2<bool, __hip_bfloat162> __hbeq2, __hbne2, __hblt2, __hble2,
    __hbgt2, __hbge2;
__host__ __device__ inline hipkb::cpu::detail::fn1<__hip_bfloat162, __hip_bfloat162> h2exp, h2exp2, h2exp10, h2log,
    h2log2, h2log10, h2sqrt, h2rsqrt, h2rcp, h2sin, h2cos, h2ceil, h2floor, h2trunc, h2rint;
__host__ __device__ constexpr hipkb::cpu::detail::fn1<float, __hip_bfloat162> __low2float, __high2float;

// ---------------------------------------------------------------------------
// Conversions and bit access
// ---------------------------------------------------------------------------

__host__ __device__ constexpr unsigned short __bfloat16_as_ushort(__hip_bfloat16 b) { return b.__x; }
__host__ __device__ constexpr __hip_bfloat16 __ushort_as_bfloat16(unsigned short bits) {
    return __hip_bfloat16(__hip_bfloat16_raw{bits});
}
__host__ __device__ constexpr short __bfloat16_as_short(__hip_bfloat16 b) { return static_cast<short>(b.__x); }
__host__ __device__ constexpr __hip_bfloat16 __short_as_bfloat16(short bits) {
    return __ushort_as_bfloat16(static_cast<unsigned short>(bits));
}

__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16(float a) { return __hip_bfloat16(a); }
__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16_rn(float a) { return __hip_bfloat16(a); }
__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16_rz(float a) {
    return __ushort_as_bfloat16(hipkb::cpu::detail::float_to_bf16(a, hipkb::cpu::detail::rounding::toward_zero));
}
__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16_rd(float a) {
    return __ushort_as_bfloat16(hipkb::cpu::detail::float_to_bf16(a, hipkb::cpu::detail::rounding::down));
}
__host__ __device__ constexpr __hip_bfloat16 __float2bfloat16_ru(float a) {
    return __ushort_as_bfloat16(hipkb::cpu::detail::float_to_bf16(a, hipkb::cpu::detail::rounding::up));
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
    return hipkb::cpu::detail::narrow_to_integer<int>(b, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline int __bfloat162int_rz(__hip_bfloat16 b) {
    return hipkb::cpu::detail::narrow_to_integer<int>(b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline int __bfloat162int_rd(__hip_bfloat16 b) {
    return hipkb::cpu::detail::narrow_to_integer<int>(b, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline int __bfloat162int_ru(__hip_bfloat16 b) {
    return hipkb::cpu::detail::narrow_to_integer<int>(b, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline unsigned int __bfloat162uint_rn(__hip_bfloat16 b) {
    return hipkb::cpu::detail::narrow_to_integer<unsigned int>(b, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline short __bfloat162short_rn(__hip_bfloat16 b) {
    return hipkb::cpu::detail::narrow_to_integer<short>(b, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline short __bfloat162short_rz(__hip_bfloat16 b) {
    return hipkb::cpu::detail::narrow_to_integer<short>(b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline long long __bfloat162ll_rn(__hip_bfloat16 b) {
    return hipkb::cpu::detail::narrow_to_integer<long long>(b, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned int __bfloat162uint_rz(__hip_bfloat16 b) {
    return hipkb::cpu::detail::narrow_to_integer<unsigned int>(b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline long long __bfloat162ll_rz(__hip_bfloat16 b) {
    return hipkb::cpu::detail::narrow_to_integer<long long>(b, hipkb::cpu::detail::rounding::toward_zero);
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

#endif  // HIPKB_CPU_HIP_BF16_H
