/* hipkb's HIP-on-CPU layer: HIP's device math library beyond <math.h>.
 *
 * Kernels call the C math library (expf, fmaxf, sqrtf, abs, ...), which this
 * header brings into the global namespace through <math.h>, <stdlib.h>,
 * <stdint.h> and <string.h>, plus HIP's device-only functions, defined here
 * as ordinary inline host functions:
 *
 *  - "fast" intrinsics (__expf, __sinf, __powf, __fdividef, ...): on the CPU
 *    they are the accurate libm functions, so results can differ from a GPU
 *    in the last bits (the GPU ones are the less accurate);
 *  - explicitly rounded arithmetic (__fadd_rn/_rz/_ru/_rd, __fmul_*,
 *    __fdiv_*, __fsub_*, __fmaf_*, __fsqrt_*, __frcp_rn, __dadd_rn, ...):
 *    correctly rounded in the direction the suffix names, without touching
 *    the floating-point environment (the exact result's position relative
 *    to the nearest-even one is worked out in double, where a float
 *    operation's error is exact). The double-precision functions exist only
 *    in the _rn form, which is the plain operation;
 *  - conversions (__float2int_rn, __double2ll_rz, __int2float_rd, ...):
 *    float -> integer saturates and gives 0 for NaN, as GPU conversion
 *    instructions do (a plain C++ cast would be undefined behaviour);
 *  - bit casts (__float_as_int, __double2hiint, ...), integer intrinsics
 *    (__popc, __clz, __ffs, __brev, __mulhi, __byte_perm, __funnelshift_l,
 *    ...), __ldg, and special functions (rsqrtf, rcbrtf, erfinvf, erfcinvf,
 *    normcdff, sinpif, norm3df, ...);
 *  - HIP-Clang's __builtin_nontemporal_load/__builtin_nontemporal_store as
 *    plain loads and stores of any type, on every compiler (function-like
 *    macros naming templates in hipkb::cpu::detail; clang's own builtins
 *    reject struct types such as float4);
 *  - HIP's device min/max: templates over two arithmetic types returning
 *    their common type (min(n, 256) with size_t n, max(x, 0.0f)). A call
 *    with two equal types under `using namespace std;` picks std::min/max,
 *    which is more specialised, so it stays unambiguous. Mixed signed and
 *    unsigned operands compare in the (unsigned) common type, as in HIP.
 *
 * libc functions that are GNU or C23 extensions (exp10f, sincosf, rsqrtf,
 * sinpif, ...) are declared by glibc only in some modes (g++ and clang++
 * define _GNU_SOURCE for C++, newer glibc adds the C23 ones). hipkb defines
 * its own versions as function templates with a defaulted template
 * parameter: when the libc declares the ordinary function, overload
 * resolution prefers that non-template; when it does not, the template is
 * the only candidate. Either way `exp10f(x)` works and nothing clashes.
 */
#ifndef HIPKB_CPU_DEVICE_MATH_H
#define HIPKB_CPU_DEVICE_MATH_H

#include <hipkb_cpu/float_bits.h>
#include <hipkb_cpu/qualifiers.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <limits>
#include <type_traits>

namespace hipkb::cpu::detail {

inline constexpr double pi = 3.141592653589793238462643383279502884;
inline constexpr double sqrt2 = 1.414213562373095048801688724209698079;
inline constexpr double inv_sqrt2 = 0.707106781186547524400844362104849039;
inline constexpr double two_over_sqrt_pi = 1.128379167095512573896158903121545172;

// ---------------------------------------------------------------------------
// Directed rounding of float operations
// ---------------------------------------------------------------------------

// Rounds the exact value E of a float operation to float in `mode`, given
// d = E rounded to nearest double and the sign of E - d (-1, 0, +1).
// d rounded to float is one of the two floats around E; comparing it with E
// tells which, and a step of one float toward the requested direction fixes
// it when needed. Infinite results of finite operands (overflow) become the
// largest finite float when the direction points toward zero.
__host__ __device__ inline float round_to_float(double d, int d_error, rounding mode) {
    const float r = static_cast<float>(d);
    if (mode == rounding::nearest_even || !(d == d)) {
        return r;
    }
    // The sign of E - r: r and d are close, so d - r is exact in double.
    const double gap = d - static_cast<double>(r);
    const int error = gap > 0.0 ? 1 : (gap < 0.0 ? -1 : d_error);
    if (error == 0) {
        return r;
    }
    const float infinity = std::numeric_limits<float>::infinity();
    switch (mode) {
        case rounding::up:
            return error > 0 ? nextafterf(r, infinity) : r;
        case rounding::down:
            return error < 0 ? nextafterf(r, -infinity) : r;
        case rounding::toward_zero:
            if (r > 0.0f) {
                return error < 0 ? nextafterf(r, 0.0f) : r;
            }
            if (r < 0.0f) {
                return error > 0 ? nextafterf(r, 0.0f) : r;
            }
            return r;
        case rounding::nearest_even:
            break;
    }
    return r;
}

// The sign of the exact error of the double sum a + b = s (Knuth's two-sum).
__host__ __device__ inline int sum_error_sign(double a, double b, double s) {
    const double b_part = s - a;
    const double error = (a - (s - b_part)) + (b - b_part);
    return error > 0.0 ? 1 : (error < 0.0 ? -1 : 0);
}

__host__ __device__ inline float add_rounded(float a, float b, rounding mode) {
    const double da = a;
    const double db = b;
    const double s = da + db;
    if (!isfinite(s)) {
        return a + b;
    }
    return round_to_float(s, sum_error_sign(da, db, s), mode);
}

__host__ __device__ inline float mul_rounded(float a, float b, rounding mode) {
    // The product of two floats is exact in double.
    return round_to_float(static_cast<double>(a) * static_cast<double>(b), 0, mode);
}

__host__ __device__ inline float div_rounded(float a, float b, rounding mode) {
    const double da = a;
    const double db = b;
    const double q = da / db;
    if (!isfinite(q) || !isfinite(db) || q == 0.0) {
        return a / b;  // infinities, NaN, division by zero or by infinity, 0/x: exact
    }
    // The remainder a - q*b is exact in double (fma), and E - q = rem / b.
    const double rem = fma(-q, db, da);
    const int sign = (rem > 0.0) == (db > 0.0) ? 1 : -1;
    return round_to_float(q, rem == 0.0 ? 0 : sign, mode);
}

__host__ __device__ inline float fma_rounded(float a, float b, float c, rounding mode) {
    if (mode == rounding::nearest_even) {
        return fmaf(a, b, c);
    }
    const double product = static_cast<double>(a) * static_cast<double>(b);  // exact
    const double dc = c;
    const double s = product + dc;
    if (!isfinite(s)) {
        return fmaf(a, b, c);
    }
    return round_to_float(s, sum_error_sign(product, dc, s), mode);
}

__host__ __device__ inline float sqrt_rounded(float x, rounding mode) {
    const double dx = x;
    const double root = sqrt(dx);
    if (!isfinite(root) || root == 0.0 || mode == rounding::nearest_even) {
        return sqrtf(x);
    }
    // sqrt(x) - root has the sign of x - root^2, which fma gives exactly.
    const double rem = fma(-root, root, dx);
    return round_to_float(root, rem > 0.0 ? 1 : (rem < 0.0 ? -1 : 0), mode);
}

// ---------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------

// Floating -> integer: to_integer in <hipkb_cpu/float_bits.h>.

// Integer -> float or double in `mode`: the compiler's conversion rounds to
// nearest even; comparing the result with the integer tells the direction.
template <class F, class I>
__host__ __device__ inline F from_integer(I value, rounding mode) {
    const F r = static_cast<F>(value);
    if (mode == rounding::nearest_even) {
        return r;
    }
    // I's maximum plus one, a power of two: r can reach it by rounding up.
    constexpr F upper = static_cast<F>(std::numeric_limits<I>::max() / 2 + 1) * F(2);
    int error = -1;  // the sign of value - r
    if (r < upper) {
        const I back = static_cast<I>(r);  // exact: r is an integer in I's range
        error = value < back ? -1 : (value > back ? 1 : 0);
    }
    if (error == 0) {
        return r;
    }
    const F infinity = std::numeric_limits<F>::infinity();
    const bool rounded_away_from_zero = (r > F(0)) == (error < 0);
    switch (mode) {
        case rounding::up:
            return error > 0 ? nextafter(r, infinity) : r;
        case rounding::down:
            return error < 0 ? nextafter(r, -infinity) : r;
        case rounding::toward_zero:
            return rounded_away_from_zero ? nextafter(r, F(0)) : r;
        case rounding::nearest_even:
            break;
    }
    return r;
}

// ---------------------------------------------------------------------------
// Special functions
// ---------------------------------------------------------------------------

// One Halley step for f(y) = erf(y) - target or erfc(y) - target, given
// ratio = f / f'. Both have f'' = -2 y f', so the step is
// ratio / (1 + y * ratio).
__host__ __device__ inline double halley_step(double y, double ratio) { return ratio / (1.0 + y * ratio); }

// Winitzki's closed-form approximation of erfinv, written in terms of
// log(1 - x^2) (which callers compute without cancellation); relative error
// below 2e-3, a starting point for Halley's method. Returns |erfinv|.
__host__ __device__ inline double erfinv_guess(double log_one_minus_x2) {
    constexpr double a = 0.147;
    const double t = 2.0 / (pi * a) + 0.5 * log_one_minus_x2;
    return sqrt(sqrt(t * t - log_one_minus_x2 / a) - t);
}

// erfinv for |x| < 0.5, where erf is well conditioned.
__host__ __device__ inline double erfinv_central(double x) {
    if (x == 0.0) {
        return x;
    }
    double y = copysign(erfinv_guess(log1p(-x * x)), x);
    for (int i = 0; i < 4; ++i) {
        const double ratio = (erf(y) - x) / (two_over_sqrt_pi * exp(-y * y));
        const double step = halley_step(y, ratio);
        y -= step;
        if (fabs(step) <= 1e-17 * fabs(y)) {
            break;
        }
    }
    return y;
}

// erfcinv for 0 < q <= 0.5, where erfc keeps full relative accuracy.
__host__ __device__ inline double erfcinv_tail(double q) {
    double y = erfinv_guess(log(q * (2.0 - q)));  // 1 - x^2 = q (2 - q) for x = 1 - q
    for (int i = 0; i < 5; ++i) {
        const double ratio = (erfc(y) - q) / (-two_over_sqrt_pi * exp(-y * y));
        if (!isfinite(ratio)) {
            break;  // exp(-y*y) underflowed: q is at the bottom of the range
        }
        const double step = halley_step(y, ratio);
        y -= step;
        if (fabs(step) <= 1e-17 * fabs(y)) {
            break;
        }
    }
    return y;
}

__host__ __device__ inline double erfcinv(double q) {
    if (!(q >= 0.0 && q <= 2.0)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (q == 0.0) {
        return std::numeric_limits<double>::infinity();
    }
    if (q == 2.0) {
        return -std::numeric_limits<double>::infinity();
    }
    if (q <= 0.5) {
        return erfcinv_tail(q);
    }
    if (q >= 1.5) {
        return -erfcinv_tail(2.0 - q);  // exact subtraction
    }
    return erfinv_central(1.0 - q);  // exact subtraction
}

__host__ __device__ inline double erfinv(double x) {
    if (!(x >= -1.0 && x <= 1.0)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (fabs(x) < 0.5) {
        return erfinv_central(x);
    }
    return copysign(erfcinv(1.0 - fabs(x)), x);  // 1 - |x| is exact here
}

// sin(pi x) and cos(pi x) with an exact argument reduction (fmod by 2 is
// exact), so integer and half-integer arguments give exact zeros and ones.
__host__ __device__ inline double sinpi(double x) {
    if (!isfinite(x)) {
        return x - x;  // NaN
    }
    double r = fmod(x, 2.0);  // (-2, 2), exact
    if (r > 1.0) {
        r -= 2.0;
    } else if (r < -1.0) {
        r += 2.0;
    }
    if (r > 0.5) {
        r = 1.0 - r;  // sin(pi r) = sin(pi (1 - r))
    } else if (r < -0.5) {
        r = -1.0 - r;
    }
    return sin(pi * r);
}

__host__ __device__ inline double cospi(double x) {
    if (!isfinite(x)) {
        return x - x;  // NaN
    }
    double r = fabs(fmod(x, 2.0));  // [0, 2), exact
    if (r > 1.0) {
        r = 2.0 - r;
    }
    double sign = 1.0;
    if (r > 0.5) {
        r = 1.0 - r;  // cos(pi r) = -cos(pi (1 - r))
        sign = -1.0;
    }
    // r in [0, 0.5]; near 0.5 use sin(pi (0.5 - r)), exact for r >= 0.25.
    return sign * (r < 0.25 ? cos(pi * r) : sin(pi * (0.5 - r)));
}

}  // namespace hipkb::cpu::detail

// ---------------------------------------------------------------------------
// libc extensions, provided when the libc does not declare them (see the
// header comment for why these are templates)
// ---------------------------------------------------------------------------

template <class = void>
__host__ __device__ inline float exp10f(float x) {
    return static_cast<float>(pow(10.0, static_cast<double>(x)));
}
template <class = void>
__host__ __device__ inline double exp10(double x) {
    return pow(10.0, x);
}
template <class = void>
__host__ __device__ inline void sincosf(float x, float* sin_out, float* cos_out) {
    *sin_out = sinf(x);
    *cos_out = cosf(x);
}
template <class = void>
__host__ __device__ inline void sincos(double x, double* sin_out, double* cos_out) {
    *sin_out = sin(x);
    *cos_out = cos(x);
}
// 1 / sqrt(x), computed in double for floats.
template <class = void>
__host__ __device__ inline float rsqrtf(float x) {
    return static_cast<float>(1.0 / sqrt(static_cast<double>(x)));
}
template <class = void>
__host__ __device__ inline double rsqrt(double x) {
    return 1.0 / sqrt(x);
}
template <class = void>
__host__ __device__ inline float sinpif(float x) {
    return static_cast<float>(hipkb::cpu::detail::sinpi(x));
}
template <class = void>
__host__ __device__ inline float cospif(float x) {
    return static_cast<float>(hipkb::cpu::detail::cospi(x));
}
template <class = void>
__host__ __device__ inline double sinpi(double x) {
    return hipkb::cpu::detail::sinpi(x);
}
template <class = void>
__host__ __device__ inline double cospi(double x) {
    return hipkb::cpu::detail::cospi(x);
}
template <class = void>
__host__ __device__ inline void sincospif(float x, float* sin_out, float* cos_out) {
    *sin_out = static_cast<float>(hipkb::cpu::detail::sinpi(x));
    *cos_out = static_cast<float>(hipkb::cpu::detail::cospi(x));
}
template <class = void>
__host__ __device__ inline void sincospi(double x, double* sin_out, double* cos_out) {
    *sin_out = hipkb::cpu::detail::sinpi(x);
    *cos_out = hipkb::cpu::detail::cospi(x);
}

// ---------------------------------------------------------------------------
// Other HIP math functions
// ---------------------------------------------------------------------------

__host__ __device__ inline float rcbrtf(float x) { return static_cast<float>(1.0 / cbrt(static_cast<double>(x))); }
__host__ __device__ inline double rcbrt(double x) { return 1.0 / cbrt(x); }
__host__ __device__ inline float fdividef(float a, float b) { return a / b; }

__host__ __device__ inline float rhypotf(float x, float y) {
    return static_cast<float>(1.0 / hypot(static_cast<double>(x), static_cast<double>(y)));
}
__host__ __device__ inline double rhypot(double x, double y) { return 1.0 / hypot(x, y); }
__host__ __device__ inline float norm3df(float a, float b, float c) {
    const double da = a, db = b, dc = c;
    return static_cast<float>(sqrt(da * da + db * db + dc * dc));
}
__host__ __device__ inline float rnorm3df(float a, float b, float c) {
    const double da = a, db = b, dc = c;
    return static_cast<float>(1.0 / sqrt(da * da + db * db + dc * dc));
}
__host__ __device__ inline float norm4df(float a, float b, float c, float d) {
    const double da = a, db = b, dc = c, dd = d;
    return static_cast<float>(sqrt(da * da + db * db + dc * dc + dd * dd));
}
__host__ __device__ inline float rnorm4df(float a, float b, float c, float d) {
    const double da = a, db = b, dc = c, dd = d;
    return static_cast<float>(1.0 / sqrt(da * da + db * db + dc * dc + dd * dd));
}
__host__ __device__ inline double norm3d(double a, double b, double c) { return hypot(hypot(a, b), c); }
__host__ __device__ inline double rnorm3d(double a, double b, double c) { return 1.0 / norm3d(a, b, c); }
__host__ __device__ inline double norm4d(double a, double b, double c, double d) {
    return hypot(hypot(a, b), hypot(c, d));
}
__host__ __device__ inline double rnorm4d(double a, double b, double c, double d) { return 1.0 / norm4d(a, b, c, d); }

__host__ __device__ inline double erfinv(double x) { return hipkb::cpu::detail::erfinv(x); }
__host__ __device__ inline float erfinvf(float x) {
    return static_cast<float>(hipkb::cpu::detail::erfinv(static_cast<double>(x)));
}
__host__ __device__ inline double erfcinv(double x) { return hipkb::cpu::detail::erfcinv(x); }
__host__ __device__ inline float erfcinvf(float x) {
    return static_cast<float>(hipkb::cpu::detail::erfcinv(static_cast<double>(x)));
}
// The standard normal distribution function and its inverse.
__host__ __device__ inline double normcdf(double x) { return 0.5 * erfc(-x * hipkb::cpu::detail::inv_sqrt2); }
__host__ __device__ inline float normcdff(float x) { return static_cast<float>(normcdf(static_cast<double>(x))); }
__host__ __device__ inline double normcdfinv(double p) {
    return -hipkb::cpu::detail::sqrt2 * hipkb::cpu::detail::erfcinv(2.0 * p);
}
__host__ __device__ inline float normcdfinvf(float p) { return static_cast<float>(normcdfinv(static_cast<double>(p))); }

// ---------------------------------------------------------------------------
// "Fast" single-precision intrinsics: the accurate libm functions on the CPU
// ---------------------------------------------------------------------------

__host__ __device__ inline float __expf(float x) { return expf(x); }
__host__ __device__ inline float __exp10f(float x) { return static_cast<float>(pow(10.0, static_cast<double>(x))); }
__host__ __device__ inline float __logf(float x) { return logf(x); }
__host__ __device__ inline float __log2f(float x) { return log2f(x); }
__host__ __device__ inline float __log10f(float x) { return log10f(x); }
__host__ __device__ inline float __sinf(float x) { return sinf(x); }
__host__ __device__ inline float __cosf(float x) { return cosf(x); }
__host__ __device__ inline float __tanf(float x) { return tanf(x); }
__host__ __device__ inline void __sincosf(float x, float* sin_out, float* cos_out) {
    *sin_out = sinf(x);
    *cos_out = cosf(x);
}
__host__ __device__ inline float __powf(float x, float y) { return powf(x, y); }
__host__ __device__ inline float __fdividef(float a, float b) { return a / b; }
// Clamp to [+0, 1]; NaN gives +0.
__host__ __device__ inline float __saturatef(float x) { return x > 0.0f ? (x < 1.0f ? x : 1.0f) : 0.0f; }

// ---------------------------------------------------------------------------
// Rounded arithmetic: _rn to nearest even, _rz toward zero, _ru up, _rd down
// ---------------------------------------------------------------------------

__host__ __device__ inline float __fadd_rn(float a, float b) { return a + b; }
__host__ __device__ inline float __fadd_rz(float a, float b) {
    return hipkb::cpu::detail::add_rounded(a, b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __fadd_ru(float a, float b) {
    return hipkb::cpu::detail::add_rounded(a, b, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline float __fadd_rd(float a, float b) {
    return hipkb::cpu::detail::add_rounded(a, b, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline float __fsub_rn(float a, float b) { return a - b; }
__host__ __device__ inline float __fsub_rz(float a, float b) {
    return hipkb::cpu::detail::add_rounded(a, -b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __fsub_ru(float a, float b) {
    return hipkb::cpu::detail::add_rounded(a, -b, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline float __fsub_rd(float a, float b) {
    return hipkb::cpu::detail::add_rounded(a, -b, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline float __fmul_rn(float a, float b) { return a * b; }
__host__ __device__ inline float __fmul_rz(float a, float b) {
    return hipkb::cpu::detail::mul_rounded(a, b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __fmul_ru(float a, float b) {
    return hipkb::cpu::detail::mul_rounded(a, b, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline float __fmul_rd(float a, float b) {
    return hipkb::cpu::detail::mul_rounded(a, b, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline float __fdiv_rn(float a, float b) { return a / b; }
__host__ __device__ inline float __fdiv_rz(float a, float b) {
    return hipkb::cpu::detail::div_rounded(a, b, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __fdiv_ru(float a, float b) {
    return hipkb::cpu::detail::div_rounded(a, b, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline float __fdiv_rd(float a, float b) {
    return hipkb::cpu::detail::div_rounded(a, b, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline float __fmaf_rn(float a, float b, float c) { return fmaf(a, b, c); }
__host__ __device__ inline float __fmaf_rz(float a, float b, float c) {
    return hipkb::cpu::detail::fma_rounded(a, b, c, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __fmaf_ru(float a, float b, float c) {
    return hipkb::cpu::detail::fma_rounded(a, b, c, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline float __fmaf_rd(float a, float b, float c) {
    return hipkb::cpu::detail::fma_rounded(a, b, c, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline float __frcp_rn(float x) { return 1.0f / x; }
__host__ __device__ inline float __fsqrt_rn(float x) { return sqrtf(x); }
__host__ __device__ inline float __fsqrt_rz(float x) {
    return hipkb::cpu::detail::sqrt_rounded(x, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __fsqrt_ru(float x) {
    return hipkb::cpu::detail::sqrt_rounded(x, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline float __fsqrt_rd(float x) {
    return hipkb::cpu::detail::sqrt_rounded(x, hipkb::cpu::detail::rounding::down);
}
// 1/sqrt(x): computed in double and rounded once to float.
__host__ __device__ inline float __frsqrt_rn(float x) { return static_cast<float>(1.0 / sqrt(static_cast<double>(x))); }

__host__ __device__ inline double __dadd_rn(double a, double b) { return a + b; }
__host__ __device__ inline double __dsub_rn(double a, double b) { return a - b; }
__host__ __device__ inline double __dmul_rn(double a, double b) { return a * b; }
__host__ __device__ inline double __ddiv_rn(double a, double b) { return a / b; }
__host__ __device__ inline double __drcp_rn(double x) { return 1.0 / x; }
__host__ __device__ inline double __dsqrt_rn(double x) { return sqrt(x); }
__host__ __device__ inline double __fma_rn(double a, double b, double c) { return fma(a, b, c); }

// ---------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------

// float -> integer (saturating; NaN -> 0).
__host__ __device__ inline int __float2int_rn(float x) {
    return hipkb::cpu::detail::to_integer<int>(x, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline int __float2int_rz(float x) {
    return hipkb::cpu::detail::to_integer<int>(x, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline int __float2int_rd(float x) {
    return hipkb::cpu::detail::to_integer<int>(x, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline int __float2int_ru(float x) {
    return hipkb::cpu::detail::to_integer<int>(x, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline unsigned int __float2uint_rn(float x) {
    return hipkb::cpu::detail::to_integer<unsigned int>(x, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned int __float2uint_rz(float x) {
    return hipkb::cpu::detail::to_integer<unsigned int>(x, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline unsigned int __float2uint_rd(float x) {
    return hipkb::cpu::detail::to_integer<unsigned int>(x, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline unsigned int __float2uint_ru(float x) {
    return hipkb::cpu::detail::to_integer<unsigned int>(x, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline long long __float2ll_rn(float x) {
    return hipkb::cpu::detail::to_integer<long long>(x, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline long long __float2ll_rz(float x) {
    return hipkb::cpu::detail::to_integer<long long>(x, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline long long __float2ll_rd(float x) {
    return hipkb::cpu::detail::to_integer<long long>(x, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline long long __float2ll_ru(float x) {
    return hipkb::cpu::detail::to_integer<long long>(x, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline unsigned long long __float2ull_rn(float x) {
    return hipkb::cpu::detail::to_integer<unsigned long long>(x, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned long long __float2ull_rz(float x) {
    return hipkb::cpu::detail::to_integer<unsigned long long>(x, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline unsigned long long __float2ull_rd(float x) {
    return hipkb::cpu::detail::to_integer<unsigned long long>(x, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline unsigned long long __float2ull_ru(float x) {
    return hipkb::cpu::detail::to_integer<unsigned long long>(x, hipkb::cpu::detail::rounding::up);
}

// double -> integer (saturating; NaN -> 0).
__host__ __device__ inline int __double2int_rn(double x) {
    return hipkb::cpu::detail::to_integer<int>(x, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline int __double2int_rz(double x) {
    return hipkb::cpu::detail::to_integer<int>(x, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline int __double2int_rd(double x) {
    return hipkb::cpu::detail::to_integer<int>(x, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline int __double2int_ru(double x) {
    return hipkb::cpu::detail::to_integer<int>(x, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline unsigned int __double2uint_rn(double x) {
    return hipkb::cpu::detail::to_integer<unsigned int>(x, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned int __double2uint_rz(double x) {
    return hipkb::cpu::detail::to_integer<unsigned int>(x, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline long long __double2ll_rn(double x) {
    return hipkb::cpu::detail::to_integer<long long>(x, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline long long __double2ll_rz(double x) {
    return hipkb::cpu::detail::to_integer<long long>(x, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline unsigned long long __double2ull_rn(double x) {
    return hipkb::cpu::detail::to_integer<unsigned long long>(x, hipkb::cpu::detail::rounding::nearest_even);
}
__host__ __device__ inline unsigned long long __double2ull_rz(double x) {
    return hipkb::cpu::detail::to_integer<unsigned long long>(x, hipkb::cpu::detail::rounding::toward_zero);
}

// double -> float in each direction.
__host__ __device__ inline float __double2float_rn(double x) { return static_cast<float>(x); }
__host__ __device__ inline float __double2float_rz(double x) {
    return hipkb::cpu::detail::round_to_float(x, 0, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __double2float_ru(double x) {
    return hipkb::cpu::detail::round_to_float(x, 0, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline float __double2float_rd(double x) {
    return hipkb::cpu::detail::round_to_float(x, 0, hipkb::cpu::detail::rounding::down);
}

// integer -> float / double.
__host__ __device__ inline float __int2float_rn(int i) { return static_cast<float>(i); }
__host__ __device__ inline float __int2float_rz(int i) {
    return hipkb::cpu::detail::from_integer<float>(i, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __int2float_ru(int i) {
    return hipkb::cpu::detail::from_integer<float>(i, hipkb::cpu::detail::rounding::up);
}
__host__ __device__ inline float __int2float_rd(int i) {
    return hipkb::cpu::detail::from_integer<float>(i, hipkb::cpu::detail::rounding::down);
}
__host__ __device__ inline float __uint2float_rn(unsigned int i) { return static_cast<float>(i); }
__host__ __device__ inline float __uint2float_rz(unsigned int i) {
    return hipkb::cpu::detail::from_integer<float>(i, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __ll2float_rn(long long i) { return static_cast<float>(i); }
__host__ __device__ inline float __ll2float_rz(long long i) {
    return hipkb::cpu::detail::from_integer<float>(i, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline float __ull2float_rn(unsigned long long i) { return static_cast<float>(i); }
__host__ __device__ inline float __ull2float_rz(unsigned long long i) {
    return hipkb::cpu::detail::from_integer<float>(i, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline double __int2double_rn(int i) { return static_cast<double>(i); }
__host__ __device__ inline double __uint2double_rn(unsigned int i) { return static_cast<double>(i); }
__host__ __device__ inline double __ll2double_rn(long long i) { return static_cast<double>(i); }
__host__ __device__ inline double __ll2double_rz(long long i) {
    return hipkb::cpu::detail::from_integer<double>(i, hipkb::cpu::detail::rounding::toward_zero);
}
__host__ __device__ inline double __ull2double_rn(unsigned long long i) { return static_cast<double>(i); }
__host__ __device__ inline double __ull2double_rz(unsigned long long i) {
    return hipkb::cpu::detail::from_integer<double>(i, hipkb::cpu::detail::rounding::toward_zero);
}

// ---------------------------------------------------------------------------
// Bit casts
// ---------------------------------------------------------------------------

__host__ __device__ constexpr int __float_as_int(float x) { return __builtin_bit_cast(int, x); }
__host__ __device__ constexpr float __int_as_float(int x) { return __builtin_bit_cast(float, x); }
__host__ __device__ constexpr unsigned int __float_as_uint(float x) { return __builtin_bit_cast(unsigned int, x); }
__host__ __device__ constexpr float __uint_as_float(unsigned int x) { return __builtin_bit_cast(float, x); }
__host__ __device__ constexpr long long __double_as_longlong(double x) { return __builtin_bit_cast(long long, x); }
__host__ __device__ constexpr double __longlong_as_double(long long x) { return __builtin_bit_cast(double, x); }
__host__ __device__ constexpr int __double2hiint(double x) {
    return static_cast<int>(static_cast<uint32_t>(__builtin_bit_cast(uint64_t, x) >> 32));
}
__host__ __device__ constexpr int __double2loint(double x) {
    return static_cast<int>(static_cast<uint32_t>(__builtin_bit_cast(uint64_t, x)));
}
__host__ __device__ constexpr double __hiloint2double(int hi, int lo) {
    return __builtin_bit_cast(double, (static_cast<uint64_t>(static_cast<uint32_t>(hi)) << 32) |
                                          static_cast<uint64_t>(static_cast<uint32_t>(lo)));
}

// ---------------------------------------------------------------------------
// Integer intrinsics (HIP's signatures)
// ---------------------------------------------------------------------------

__host__ __device__ constexpr unsigned int __popc(unsigned int x) {
    return static_cast<unsigned int>(__builtin_popcount(x));
}
__host__ __device__ constexpr unsigned int __popcll(unsigned long long x) {
    return static_cast<unsigned int>(__builtin_popcountll(x));
}
// Leading zeros; 32 (64) for zero.
__host__ __device__ constexpr int __clz(int x) { return x == 0 ? 32 : __builtin_clz(static_cast<unsigned int>(x)); }
__host__ __device__ constexpr int __clzll(long long x) {
    return x == 0 ? 64 : __builtin_clzll(static_cast<unsigned long long>(x));
}
// 1-based position of the lowest set bit; 0 for zero. Templates so that any
// integer argument (int, unsigned, long, uint64_t, ...) converts without
// ambiguity: __ffs looks at the low 32 bits, __ffsll at 64.
template <class I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
__host__ __device__ constexpr unsigned int __ffs(I x) {
    return static_cast<unsigned int>(__builtin_ffs(static_cast<int>(static_cast<unsigned int>(x))));
}
template <class I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
__host__ __device__ constexpr unsigned int __ffsll(I x) {
    return static_cast<unsigned int>(__builtin_ffsll(static_cast<long long>(static_cast<unsigned long long>(x))));
}
__host__ __device__ constexpr unsigned int __brev(unsigned int x) {
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
    x = ((x >> 8) & 0x00ff00ffu) | ((x & 0x00ff00ffu) << 8);
    return (x >> 16) | (x << 16);
}
__host__ __device__ constexpr unsigned long long __brevll(unsigned long long x) {
    return (static_cast<unsigned long long>(__brev(static_cast<unsigned int>(x))) << 32) |
           __brev(static_cast<unsigned int>(x >> 32));
}
// Product of the low 24 bits (sign-extended for __mul24), low 32 bits of it.
__host__ __device__ constexpr int __mul24(int x, int y) {
    const int64_t a = static_cast<int32_t>(static_cast<uint32_t>(x) << 8) >> 8;
    const int64_t b = static_cast<int32_t>(static_cast<uint32_t>(y) << 8) >> 8;
    return static_cast<int>(static_cast<uint32_t>(static_cast<uint64_t>(a * b)));
}
__host__ __device__ constexpr unsigned int __umul24(unsigned int x, unsigned int y) {
    return (x & 0xffffffu) * (y & 0xffffffu);
}
// High half of the double-width product.
__host__ __device__ constexpr int __mulhi(int x, int y) {
    return static_cast<int>(static_cast<int64_t>(x) * static_cast<int64_t>(y) >> 32);
}
__host__ __device__ constexpr unsigned int __umulhi(unsigned int x, unsigned int y) {
    return static_cast<unsigned int>(static_cast<uint64_t>(x) * static_cast<uint64_t>(y) >> 32);
}
__host__ __device__ constexpr unsigned long long __umul64hi(unsigned long long x, unsigned long long y) {
    // Schoolbook multiplication on 32-bit halves.
    const uint64_t x_lo = x & 0xffffffffu, x_hi = x >> 32;
    const uint64_t y_lo = y & 0xffffffffu, y_hi = y >> 32;
    const uint64_t lo_lo = x_lo * y_lo;
    const uint64_t hi_lo = x_hi * y_lo;
    const uint64_t lo_hi = x_lo * y_hi;
    const uint64_t hi_hi = x_hi * y_hi;
    const uint64_t middle = (lo_lo >> 32) + (hi_lo & 0xffffffffu) + (lo_hi & 0xffffffffu);
    return hi_hi + (hi_lo >> 32) + (lo_hi >> 32) + (middle >> 32);
}
__host__ __device__ constexpr long long __mul64hi(long long x, long long y) {
    // The signed high half is the unsigned one minus the corrections for
    // negative operands (two's complement: x_signed = x_unsigned - 2^64).
    const uint64_t ux = static_cast<uint64_t>(x);
    const uint64_t uy = static_cast<uint64_t>(y);
    uint64_t high = __umul64hi(ux, uy);
    if (x < 0) {
        high -= uy;
    }
    if (y < 0) {
        high -= ux;
    }
    return static_cast<long long>(high);
}
// |x - y| + z.
__host__ __device__ constexpr unsigned int __sad(int x, int y, unsigned int z) {
    const unsigned int diff = x > y ? static_cast<unsigned int>(x) - static_cast<unsigned int>(y)
                                    : static_cast<unsigned int>(y) - static_cast<unsigned int>(x);
    return diff + z;
}
__host__ __device__ constexpr unsigned int __usad(unsigned int x, unsigned int y, unsigned int z) {
    return (x > y ? x - y : y - x) + z;
}
// Averages without intermediate overflow: (x + y) >> 1 and (x + y + 1) >> 1.
__host__ __device__ constexpr int __rhadd(int x, int y) {
    return static_cast<int>((static_cast<int64_t>(x) + static_cast<int64_t>(y) + 1) >> 1);
}
__host__ __device__ constexpr unsigned int __uhadd(unsigned int x, unsigned int y) {
    return static_cast<unsigned int>((static_cast<uint64_t>(x) + y) >> 1);
}
__host__ __device__ constexpr unsigned int __urhadd(unsigned int x, unsigned int y) {
    return static_cast<unsigned int>((static_cast<uint64_t>(x) + y + 1) >> 1);
}
// Byte n of the result is byte (s >> 4n) & 7 of the 8 bytes y:x (x the low
// four).
__host__ __device__ constexpr unsigned int __byte_perm(unsigned int x, unsigned int y, unsigned int s) {
    const uint64_t bytes = (static_cast<uint64_t>(y) << 32) | x;
    unsigned int result = 0;
    for (unsigned int n = 0; n < 4; ++n) {
        const unsigned int pick = (s >> (4 * n)) & 7u;
        result |= static_cast<unsigned int>((bytes >> (8 * pick)) & 0xffu) << (8 * n);
    }
    return result;
}
// Funnel shifts of the 64-bit hi:lo: left keeps the high word, right the low
// one; the shift is taken mod 32 (_l, _r) or clamped to 32 (_lc, _rc).
__host__ __device__ constexpr unsigned int __funnelshift_l(unsigned int lo, unsigned int hi, unsigned int shift) {
    const uint64_t joined = (static_cast<uint64_t>(hi) << 32) | lo;
    return static_cast<unsigned int>((joined << (shift & 31u)) >> 32);
}
__host__ __device__ constexpr unsigned int __funnelshift_lc(unsigned int lo, unsigned int hi, unsigned int shift) {
    const uint64_t joined = (static_cast<uint64_t>(hi) << 32) | lo;
    return static_cast<unsigned int>((joined << (shift < 32u ? shift : 32u)) >> 32);
}
__host__ __device__ constexpr unsigned int __funnelshift_r(unsigned int lo, unsigned int hi, unsigned int shift) {
    const uint64_t joined = (static_cast<uint64_t>(hi) << 32) | lo;
    return static_cast<unsigned int>(joined >> (shift & 31u));
}
__host__ __device__ constexpr unsigned int __funnelshift_rc(unsigned int lo, unsigned int hi, unsigned int shift) {
    const uint64_t joined = (static_cast<uint64_t>(hi) << 32) | lo;
    return static_cast<unsigned int>(joined >> (shift < 32u ? shift : 32u));
}

// ---------------------------------------------------------------------------
// Loads and stores
// ---------------------------------------------------------------------------

// Read-only cached load: a plain load on the CPU.
template <class T>
__host__ __device__ constexpr T __ldg(const T* address) {
    return *address;
}

namespace hipkb::cpu::detail {

// A parameter type that takes no part in template argument deduction.
template <class T>
struct nondeduced {
    using type = T;
};

// HIP-Clang's non-temporal (streaming) load and store, as plain accesses.
// The stored value converts to the pointee type, as with clang's builtin.
template <class T>
__host__ __device__ inline T nontemporal_load(const T* address) {
    return *address;
}
template <class T>
__host__ __device__ inline void nontemporal_store(typename nondeduced<T>::type value, T* address) {
    *address = value;
}

}  // namespace hipkb::cpu::detail

// Macros rather than functions of these names: g++ emits any function whose
// name starts with __builtin_ under its plain, unmangled name, so two
// instantiations of a template called __builtin_nontemporal_load collide in
// the assembler; and clang's own builtin rejects the vector structs
// (float4*) that AMD-tuned kernels pass it. Variadic, so commas inside the
// arguments are harmless.
#define __builtin_nontemporal_load(...) ::hipkb::cpu::detail::nontemporal_load(__VA_ARGS__)
#define __builtin_nontemporal_store(...) ::hipkb::cpu::detail::nontemporal_store(__VA_ARGS__)

// ---------------------------------------------------------------------------
// min / max
// ---------------------------------------------------------------------------

namespace hipkb::cpu::detail {
template <class T, class U>
using if_both_arithmetic_t = std::enable_if_t<std::is_arithmetic_v<T> && std::is_arithmetic_v<U>, int>;
}  // namespace hipkb::cpu::detail

// The smaller/larger of two arithmetic values, in their common type. For
// floating-point results a NaN operand is ignored (fminf/fmaxf semantics).
template <class T, class U, hipkb::cpu::detail::if_both_arithmetic_t<T, U> = 0>
__host__ __device__ constexpr std::common_type_t<T, U> min(T a, U b) {
    using C = std::common_type_t<T, U>;
    const C x = static_cast<C>(a);
    const C y = static_cast<C>(b);
    if constexpr (std::is_floating_point_v<C>) {
        if (!(x == x)) {
            return y;
        }
        if (!(y == y)) {
            return x;
        }
    }
    return y < x ? y : x;
}
template <class T, class U, hipkb::cpu::detail::if_both_arithmetic_t<T, U> = 0>
__host__ __device__ constexpr std::common_type_t<T, U> max(T a, U b) {
    using C = std::common_type_t<T, U>;
    const C x = static_cast<C>(a);
    const C y = static_cast<C>(b);
    if constexpr (std::is_floating_point_v<C>) {
        if (!(x == x)) {
            return y;
        }
        if (!(y == y)) {
            return x;
        }
    }
    return x < y ? y : x;
}

#endif  // HIPKB_CPU_DEVICE_MATH_H
