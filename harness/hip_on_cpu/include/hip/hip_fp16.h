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
 *
 * The operators and the functions __half and __half2 share with the
 * bfloat16 types (__hadd, __heq, hexp, __hadd2, ...) are written once for
 * both in <hipkb_cpu/narrow_float.h>. The operators are friends of the
 * types, as in HIP's own header: they apply when an operand is a __half or a
 * __half2 (so not to two __half_raw), with the other converted as usual.
 */
#ifndef HIPKB_CPU_HIP_FP16_H
#define HIPKB_CPU_HIP_FP16_H

#include <hip/hip_vector_types.h>
#include <hipkb_cpu/float_bits.h>
#include <hipkb_cpu/narrow_float.h>
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

// The storage, conversions, operators and the functions __half shares with
// __hip_bfloat16 (__hadd, __heq, hexp, ...) come from hipkb_narrow_float, and
// those of __half2 from hipkb_narrow_pair (<hipkb_cpu/narrow_float.h>).
struct __half : hipkb_narrow_float<__half, __half_raw, hipkb::cpu::detail::half_traits> {
    using hipkb_narrow_float::hipkb_narrow_float;
    __half() = default;
};

struct alignas(4) __half2 : hipkb_narrow_pair<__half2, __half, __half2_raw> {
    using hipkb_narrow_pair::hipkb_narrow_pair;
    __half2() = default;
};

using half = __half;
using half2 = __half2;

static_assert(sizeof(__half) == 2 && alignof(__half) == 2, "__half layout");
static_assert(sizeof(__half2) == 4 && alignof(__half2) == 4, "__half2 layout");
static_assert(std::is_trivial_v<__half> && std::is_trivial_v<__half2>, "__half and __half2 are trivial");
static_assert(std::is_standard_layout_v<__half> && std::is_standard_layout_v<__half2>, "and standard-layout");

// The shared functions, declared at namespace scope (see narrow_float.h).
__host__ __device__ constexpr hipkb::cpu::detail::fn2<__half, __half> __hadd, __hsub, __hmul, __hdiv;
__host__ __device__ inline hipkb::cpu::detail::fn3<__half, __half> __hfma;
__host__ __device__ constexpr hipkb::cpu::detail::fn1<__half, __half> __hneg, __habs;
__host__ __device__ constexpr hipkb::cpu::detail::fn1<bool, __half> __hisnan, __hisinf;
__host__ __device__ inline hipkb::cpu::detail::fn2<__half, __half> __hmax, __hmin, __hmax_nan, __hmin_nan;
__host__ __device__ constexpr hipkb::cpu::detail::fn2<bool, __half> __heq, __hne, __hlt, __hle, __hgt, __hge, __hequ,
    __hneu, __hltu, __hleu, __hgtu, __hgeu;
__host__ __device__ inline hipkb::cpu::detail::fn1<__half, __half> hexp, hexp2, hexp10, hlog, hlog2, hlog10, hsqrt,
    hrsqrt, hrcp, hsin, hcos, htanh, hceil, hfloor, htrunc, hrint;
__host__ __device__ constexpr hipkb::cpu::detail::fn2<__half2, __half2> __hadd2, __hsub2, __hmul2, __hdiv2, __h2div,
    __heq2, __hne2, __hlt2, __hle2, __hgt2, __hge2;
__host__ __device__ inline hipkb::cpu::detail::fn3<__half2, __half2> __hfma2;
__host__ __device__ inline hipkb::cpu::detail::fn2<__half2, __half2> __hmax2, __hmin2;
__host__ __device__ constexpr hipkb::cpu::detail::fn1<__half2, __half2> __hneg2, __habs2, __hisnan2, __lowhigh2highlow;
__host__ __device__ constexpr hipkb::cpu::detail::fn2<bool, __half2> __hbeq2, __hbne2, __hblt2, __hble2, __hbgt2,
    __hbge2;
__host__ __device__ inline hipkb::cpu::detail::fn1<__half2, __half2> h2exp, h2exp2, h2exp10, h2log, h2log2, h2log10,
    h2sqrt, h2rsqrt, h2rcp, h2sin, h2cos, h2ceil, h2floor, h2trunc, h2rint;
__host__ __device__ constexpr hipkb::cpu::detail::fn1<float, __half2> __low2float, __high2float;

// ---------------------------------------------------------------------------
// Conversions and bit access
// ---------------------------------------------------------------------------

__host__ __device__ constexpr unsigned short __half_as_ushort(__half h) { return h.__x; }
__host__ __device__ constexpr __half __ushort_as_half(unsigned short bits) { return __half(__half_raw{bits}); }
__host__ __device__ constexpr short __half_as_short(__half h) { return static_cast<short>(h.__x); }
__host__ __device__ constexpr __half __short_as_half(short bits) {
    return __ushort_as_half(static_cast<unsigned short>(bits));
}

__host__ __device__ constexpr __half __float2half(float a) { return __half(a); }
__host__ __device__ constexpr __half __float2half_rn(float a) { return __half(a); }
__host__ __device__ constexpr __half __float2half_rz(float a) {
    return __ushort_as_half(hipkb::cpu::detail::float_to_half(a, hipkb::cpu::detail::rounding::toward_zero));
}
__host__ __device__ constexpr __half __float2half_rd(float a) {
    return __ushort_as_half(hipkb::cpu::detail::float_to_half(a, hipkb::cpu::detail::rounding::down));
}
__host__ __device__ constexpr __half __float2half_ru(float a) {
    return __ushort_as_half(hipkb::cpu::detail::float_to_half(a, hipkb::cpu::detail::rounding::up));
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
    return hipkb::cpu::detail::narrow_to_integer<int>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline int __half2int_rz(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<int>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline int __half2int_rd(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<int>(h, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline int __half2int_ru(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<int>(h, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline unsigned int __half2uint_rn(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<unsigned int>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned int __half2uint_rz(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<unsigned int>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline short __half2short_rn(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<short>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline short __half2short_rz(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<short>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline unsigned short __half2ushort_rn(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<unsigned short>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned short __half2ushort_rz(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<unsigned short>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline long long __half2ll_rn(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<long long>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline long long __half2ll_rz(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<long long>(h, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline unsigned long long __half2ull_rn(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<unsigned long long>(h, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned long long __half2ull_rz(__half h) {
    return hipkb::cpu::detail::narrow_to_integer<unsigned long long>(h, hipkb::cpu::detail::rounding::toward_zero);
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
__host__ __device__ constexpr __half __low2half(__half2 a) { return a.x; }
__host__ __device__ constexpr __half __high2half(__half2 a) { return a.y; }
__host__ __device__ constexpr __half2 __low2half2(__half2 a) { return __half2(a.x, a.x); }
__host__ __device__ constexpr __half2 __high2half2(__half2 a) { return __half2(a.y, a.y); }
__host__ __device__ constexpr __half2 __lows2half2(__half2 a, __half2 b) { return __half2(a.x, b.x); }
__host__ __device__ constexpr __half2 __highs2half2(__half2 a, __half2 b) { return __half2(a.y, b.y); }

#endif  // HIPKB_CPU_HIP_FP16_H
