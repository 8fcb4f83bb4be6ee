/* hipkb's HIP-on-CPU layer: what the 16-bit float types have in common.
 *
 * __half (<hip/hip_fp16.h>) and __hip_bfloat16 (<hip/hip_bf16.h>) differ
 * only in how their 16 bits convert to and from float, which a small traits
 * type says (half_traits, bf16_traits). Everything else is written once
 * here, over the type:
 *   - hipkb_narrow_float_ops<N>: the operators of N with N (+ - * / computed
 *     in float and rounded once, sign flips, comparisons of the values,
 *     compound assignment, ++ and --), which the older hip_bfloat16
 *     (<hip/hip_bfloat16.h>) has too;
 *   - hipkb_narrow_float<N, Raw, Traits>: the 16-bit storage `__x`, the
 *     conversions (from any arithmetic type and the raw struct, to float
 *     and the raw struct), the operators with other arithmetic types and
 *     the HIP functions both types overload (__hadd, __heq, __hmax, hexp,
 *     ...);
 *   - hipkb_narrow_pair<P, N, Raw2>: the pairs __half2 and __hip_bfloat162,
 *     their element-wise operators and the functions both overload
 *     (__hadd2, __hbeq2, h2exp, __low2float, ...).
 * Each public type derives from its template with itself as N or P, adds
 * nothing, and stays a distinct, trivial, standard-layout type of the same
 * size and alignment as before.
 *
 * The operators and functions are friends defined in these templates. For
 * each type such a friend is an ordinary non-template function of the
 * namespace around the template, as if written out for that type: overload
 * resolution is unchanged (`__hadd(h, 1.0f)` converts the float to __half,
 * `h * 2.0f` is a float, `h * 2` a __half). That is why the templates are in
 * the global namespace, where HIP's functions are, and nothing else is added
 * to the namespaces argument-dependent lookup searches for these types. A
 * friend is found through its class by argument-dependent lookup; the
 * header of each type also declares the named functions at namespace scope
 * (with the function types fn1/fn2/fn3 below), so qualified calls
 * (::__hadd) and their addresses work as for any function. The operators
 * are left to argument-dependent lookup, as in HIP's own header: they apply
 * when an operand is one of these types (not to two __half_raw, which an
 * operator declared at namespace scope would convert).
 *
 * The mixed-type rules follow _Float16, which HIP's __half wraps on AMD GPUs
 * (see <hip/hip_fp16.h>): N op N is N, N op float is float, N op double
 * (long double) is double (long double), N op integer is N (the integer
 * converted to N first), and comparisons with any arithmetic type compare
 * the values.
 */
#ifndef HIPKB_CPU_NARROW_FLOAT_H
#define HIPKB_CPU_NARROW_FLOAT_H

#include <hipkb_cpu/float_bits.h>
#include <hipkb_cpu/qualifiers.h>

#include <math.h>
#include <stdint.h>

#include <type_traits>

namespace hipkb::cpu::detail {

// How the bits of one format convert to and from float. Every other
// conversion comes from its small_format.
struct half_traits {
    using format = half_format;
    static __host__ __device__ constexpr float to_float(uint16_t bits) { return half_to_float(bits); }
    static __host__ __device__ constexpr uint16_t from_float(float value) { return float_to_half_rn(value); }
};
struct bf16_traits {
    using format = bf16_format;
    static __host__ __device__ constexpr float to_float(uint16_t bits) { return bf16_to_float(bits); }
    static __host__ __device__ constexpr uint16_t from_float(float value) { return float_to_bf16_rn(value); }
};

// The bits of a 16-bit value, and the value of given bits.
template <class N>
__host__ __device__ constexpr uint16_t narrow_bits(N value) {
    return __builtin_bit_cast(uint16_t, value);
}
template <class N>
__host__ __device__ constexpr N narrow_from_bits(uint16_t bits) {
    return __builtin_bit_cast(N, bits);
}

// A 16-bit value rounded to an integer in `mode`, converted with saturation
// (NaN gives 0), as GPU conversions do.
template <class I, class N>
__host__ __device__ inline I narrow_to_integer(N value, rounding mode) {
    return to_integer<I>(static_cast<float>(value), mode);
}

template <class T>
using if_arithmetic_t = std::enable_if_t<std::is_arithmetic_v<T>, int>;

// The type of `N op T` for an arithmetic T.
template <class N, class T>
using narrow_mixed_t =
    std::conditional_t<std::is_integral_v<T>, N, std::conditional_t<(sizeof(T) > sizeof(float)), T, float>>;

// The type an N is compared with a T in: exact for every T.
template <class T>
using narrow_compare_t = std::conditional_t<std::is_same_v<T, float>, float,
                                            std::conditional_t<std::is_same_v<T, long double>, long double, double>>;

// Function types, for the namespace-scope declarations of the friends below
// in each type's header.
template <class R, class A>
using fn1 = R(A);
template <class R, class A>
using fn2 = R(A, A);
template <class R, class A>
using fn3 = R(A, A, A);

}  // namespace hipkb::cpu::detail

// ---------------------------------------------------------------------------
// N with N: any 16-bit type that converts to float and is constructible from
// a float (rounded to nearest even)
// ---------------------------------------------------------------------------

template <class N>
struct hipkb_narrow_float_ops {
private:
    static __host__ __device__ constexpr float wide(N a) { return static_cast<float>(a); }

    friend __host__ __device__ constexpr N operator+(N a) { return a; }
    friend __host__ __device__ constexpr N operator-(N a) {
        return hipkb::cpu::detail::narrow_from_bits<N>(
            static_cast<uint16_t>(hipkb::cpu::detail::narrow_bits(a) ^ 0x8000u));
    }
    friend __host__ __device__ constexpr N operator+(N a, N b) { return N(wide(a) + wide(b)); }
    friend __host__ __device__ constexpr N operator-(N a, N b) { return N(wide(a) - wide(b)); }
    friend __host__ __device__ constexpr N operator*(N a, N b) { return N(wide(a) * wide(b)); }
    friend __host__ __device__ constexpr N operator/(N a, N b) { return N(wide(a) / wide(b)); }
    friend __host__ __device__ constexpr bool operator==(N a, N b) { return wide(a) == wide(b); }
    friend __host__ __device__ constexpr bool operator!=(N a, N b) { return wide(a) != wide(b); }
    friend __host__ __device__ constexpr bool operator<(N a, N b) { return wide(a) < wide(b); }
    friend __host__ __device__ constexpr bool operator<=(N a, N b) { return wide(a) <= wide(b); }
    friend __host__ __device__ constexpr bool operator>(N a, N b) { return wide(a) > wide(b); }
    friend __host__ __device__ constexpr bool operator>=(N a, N b) { return wide(a) >= wide(b); }

    friend __host__ __device__ constexpr N& operator+=(N& a, N b) { return a = a + b; }
    friend __host__ __device__ constexpr N& operator-=(N& a, N b) { return a = a - b; }
    friend __host__ __device__ constexpr N& operator*=(N& a, N b) { return a = a * b; }
    friend __host__ __device__ constexpr N& operator/=(N& a, N b) { return a = a / b; }
    friend __host__ __device__ constexpr N& operator++(N& a) { return a += N(1.0f); }
    friend __host__ __device__ constexpr N& operator--(N& a) { return a -= N(1.0f); }
    friend __host__ __device__ constexpr N operator++(N& a, int) {
        const N old = a;
        ++a;
        return old;
    }
    friend __host__ __device__ constexpr N operator--(N& a, int) {
        const N old = a;
        --a;
        return old;
    }
};

// ---------------------------------------------------------------------------
// __half and __hip_bfloat16
// ---------------------------------------------------------------------------

template <class N, class Raw, class Traits>
struct hipkb_narrow_float : hipkb_narrow_float_ops<N> {
    unsigned short __x;

    hipkb_narrow_float() = default;
    __host__ __device__ constexpr hipkb_narrow_float(Raw raw) : __x(raw.x) {}
    // From any arithmetic type, rounded to nearest even once (long double
    // goes through double, exactly).
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    __host__ __device__ constexpr hipkb_narrow_float(T value) : __x(from_arithmetic(value)) {}

    __host__ __device__ constexpr operator float() const { return Traits::to_float(__x); }
    __host__ __device__ constexpr operator Raw() const { return Raw{__x}; }

private:
    using format = typename Traits::format;
    template <class T>
    using mixed_t = hipkb::cpu::detail::narrow_mixed_t<N, T>;
    template <class T>
    using compare_t = hipkb::cpu::detail::narrow_compare_t<T>;

    template <class T>
    static __host__ __device__ constexpr unsigned short from_arithmetic(T value) {
        if constexpr (std::is_same_v<T, float>) {
            return Traits::from_float(value);
        } else if constexpr (std::is_floating_point_v<T>) {
            return hipkb::cpu::detail::double_to_small<format>(static_cast<double>(value),
                                                               hipkb::cpu::detail::rounding::nearest_even);
        } else {
            return hipkb::cpu::detail::integer_to_small<format>(value, hipkb::cpu::detail::rounding::nearest_even);
        }
    }
    static __host__ __device__ constexpr float wide(N a) { return static_cast<float>(a); }
    static __host__ __device__ constexpr N from_bits(uint16_t bits) { return N(Raw{bits}); }

    // With another arithmetic type. These match exactly, so they win over
    // both the N-N operators and the built-in float ones (each of which needs
    // a user-defined conversion) and nothing is ambiguous. mixed_t<T>(a) is
    // a itself for an integer T and its float value widened to float, double
    // or long double otherwise.
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr mixed_t<T> operator+(N a, T b) {
        return mixed_t<T>(a) + mixed_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr mixed_t<T> operator+(T a, N b) {
        return mixed_t<T>(a) + mixed_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr mixed_t<T> operator-(N a, T b) {
        return mixed_t<T>(a) - mixed_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr mixed_t<T> operator-(T a, N b) {
        return mixed_t<T>(a) - mixed_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr mixed_t<T> operator*(N a, T b) {
        return mixed_t<T>(a) * mixed_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr mixed_t<T> operator*(T a, N b) {
        return mixed_t<T>(a) * mixed_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr mixed_t<T> operator/(N a, T b) {
        return mixed_t<T>(a) / mixed_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr mixed_t<T> operator/(T a, N b) {
        return mixed_t<T>(a) / mixed_t<T>(b);
    }

    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator==(N a, T b) {
        return compare_t<T>(a) == compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator==(T a, N b) {
        return compare_t<T>(a) == compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator!=(N a, T b) {
        return compare_t<T>(a) != compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator!=(T a, N b) {
        return compare_t<T>(a) != compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator<(N a, T b) {
        return compare_t<T>(a) < compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator<(T a, N b) {
        return compare_t<T>(a) < compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator<=(N a, T b) {
        return compare_t<T>(a) <= compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator<=(T a, N b) {
        return compare_t<T>(a) <= compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator>(N a, T b) {
        return compare_t<T>(a) > compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator>(T a, N b) {
        return compare_t<T>(a) > compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator>=(N a, T b) {
        return compare_t<T>(a) >= compare_t<T>(b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr bool operator>=(T a, N b) {
        return compare_t<T>(a) >= compare_t<T>(b);
    }

    // Compound assignment: a = a op b with the rules above, rounded to N.
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr N& operator+=(N& a, T b) {
        return a = N(a + b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr N& operator-=(N& a, T b) {
        return a = N(a - b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr N& operator*=(N& a, T b) {
        return a = N(a * b);
    }
    template <class T, hipkb::cpu::detail::if_arithmetic_t<T> = 0>
    friend __host__ __device__ constexpr N& operator/=(N& a, T b) {
        return a = N(a / b);
    }

    // Arithmetic: computed in float and rounded to N once, which is the
    // correctly rounded result for + - * / and sqrt; fma is computed exactly
    // (in double, rounded to odd) and rounded once.
    friend __host__ __device__ constexpr N __hadd(N a, N b) { return a + b; }
    friend __host__ __device__ constexpr N __hsub(N a, N b) { return a - b; }
    friend __host__ __device__ constexpr N __hmul(N a, N b) { return a * b; }
    friend __host__ __device__ constexpr N __hdiv(N a, N b) { return a / b; }
    friend __host__ __device__ inline N __hfma(N a, N b, N c) {
        return N(hipkb::cpu::detail::fma_round_to_odd(wide(a), wide(b), wide(c)));
    }
    friend __host__ __device__ constexpr N __hneg(N a) { return -a; }
    friend __host__ __device__ constexpr N __habs(N a) { return from_bits(static_cast<uint16_t>(a.__x & 0x7fffu)); }

    friend __host__ __device__ constexpr bool __hisnan(N a) { return (a.__x & 0x7fffu) > format::infinity_bits; }
    friend __host__ __device__ constexpr bool __hisinf(N a) { return (a.__x & 0x7fffu) == format::infinity_bits; }

    // Max/min return the other operand when one is NaN (fmaxf/fminf); the
    // _nan forms return NaN when either is.
    friend __host__ __device__ inline N __hmax(N a, N b) { return N(fmaxf(wide(a), wide(b))); }
    friend __host__ __device__ inline N __hmin(N a, N b) { return N(fminf(wide(a), wide(b))); }
    friend __host__ __device__ inline N __hmax_nan(N a, N b) {
        return (__hisnan(a) || __hisnan(b)) ? from_bits(0x7fffu) : __hmax(a, b);
    }
    friend __host__ __device__ inline N __hmin_nan(N a, N b) {
        return (__hisnan(a) || __hisnan(b)) ? from_bits(0x7fffu) : __hmin(a, b);
    }

    // Ordered comparisons (false when either is NaN, __hne included) and the
    // unordered __h*u forms (true when either is NaN).
    friend __host__ __device__ constexpr bool __heq(N a, N b) { return a == b; }
    friend __host__ __device__ constexpr bool __hne(N a, N b) { return !__hisnan(a) && !__hisnan(b) && a != b; }
    friend __host__ __device__ constexpr bool __hlt(N a, N b) { return a < b; }
    friend __host__ __device__ constexpr bool __hle(N a, N b) { return a <= b; }
    friend __host__ __device__ constexpr bool __hgt(N a, N b) { return a > b; }
    friend __host__ __device__ constexpr bool __hge(N a, N b) { return a >= b; }
    friend __host__ __device__ constexpr bool __hequ(N a, N b) { return !__hne(a, b); }
    friend __host__ __device__ constexpr bool __hneu(N a, N b) { return !__heq(a, b); }
    friend __host__ __device__ constexpr bool __hltu(N a, N b) { return !__hge(a, b); }
    friend __host__ __device__ constexpr bool __hleu(N a, N b) { return !__hgt(a, b); }
    friend __host__ __device__ constexpr bool __hgtu(N a, N b) { return !__hle(a, b); }
    friend __host__ __device__ constexpr bool __hgeu(N a, N b) { return !__hlt(a, b); }

    // Math functions: the float function of the value, rounded to N (hrsqrt
    // computed in double and rounded once).
    friend __host__ __device__ inline N hexp(N a) { return N(expf(wide(a))); }
    friend __host__ __device__ inline N hexp2(N a) { return N(exp2f(wide(a))); }
    friend __host__ __device__ inline N hexp10(N a) { return N(powf(10.0f, wide(a))); }
    friend __host__ __device__ inline N hlog(N a) { return N(logf(wide(a))); }
    friend __host__ __device__ inline N hlog2(N a) { return N(log2f(wide(a))); }
    friend __host__ __device__ inline N hlog10(N a) { return N(log10f(wide(a))); }
    friend __host__ __device__ inline N hsqrt(N a) { return N(sqrtf(wide(a))); }
    friend __host__ __device__ inline N hrsqrt(N a) { return N(1.0 / sqrt(static_cast<double>(wide(a)))); }
    friend __host__ __device__ inline N hrcp(N a) { return N(1.0f / wide(a)); }
    friend __host__ __device__ inline N hsin(N a) { return N(sinf(wide(a))); }
    friend __host__ __device__ inline N hcos(N a) { return N(cosf(wide(a))); }
    friend __host__ __device__ inline N htanh(N a) { return N(tanhf(wide(a))); }
    friend __host__ __device__ inline N hceil(N a) { return N(ceilf(wide(a))); }
    friend __host__ __device__ inline N hfloor(N a) { return N(floorf(wide(a))); }
    friend __host__ __device__ inline N htrunc(N a) { return N(truncf(wide(a))); }
    friend __host__ __device__ inline N hrint(N a) { return N(nearbyintf(wide(a))); }
};

// ---------------------------------------------------------------------------
// __half2 and __hip_bfloat162: element-wise
// ---------------------------------------------------------------------------

template <class P, class N, class Raw2>
struct alignas(4) hipkb_narrow_pair {
    N x;
    N y;

    hipkb_narrow_pair() = default;
    __host__ __device__ constexpr hipkb_narrow_pair(N low, N high) : x(low), y(high) {}
    __host__ __device__ constexpr hipkb_narrow_pair(Raw2 raw)
        : x(hipkb::cpu::detail::narrow_from_bits<N>(raw.x)), y(hipkb::cpu::detail::narrow_from_bits<N>(raw.y)) {}
    __host__ __device__ constexpr operator Raw2() const { return Raw2{x.__x, y.__x}; }

private:
    // 1.0 where a comparison holds, 0.0 where it does not, per element.
    static __host__ __device__ constexpr P mask(bool low, bool high) {
        return P(N(low ? 1.0f : 0.0f), N(high ? 1.0f : 0.0f));
    }

    friend __host__ __device__ constexpr P __hadd2(P a, P b) { return P(__hadd(a.x, b.x), __hadd(a.y, b.y)); }
    friend __host__ __device__ constexpr P __hsub2(P a, P b) { return P(__hsub(a.x, b.x), __hsub(a.y, b.y)); }
    friend __host__ __device__ constexpr P __hmul2(P a, P b) { return P(__hmul(a.x, b.x), __hmul(a.y, b.y)); }
    friend __host__ __device__ constexpr P __hdiv2(P a, P b) { return P(__hdiv(a.x, b.x), __hdiv(a.y, b.y)); }
    friend __host__ __device__ constexpr P __h2div(P a, P b) { return __hdiv2(a, b); }
    friend __host__ __device__ inline P __hfma2(P a, P b, P c) {
        return P(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y));
    }
    friend __host__ __device__ constexpr P __hneg2(P a) { return P(__hneg(a.x), __hneg(a.y)); }
    friend __host__ __device__ constexpr P __habs2(P a) { return P(__habs(a.x), __habs(a.y)); }
    friend __host__ __device__ inline P __hmax2(P a, P b) { return P(__hmax(a.x, b.x), __hmax(a.y, b.y)); }
    friend __host__ __device__ inline P __hmin2(P a, P b) { return P(__hmin(a.x, b.x), __hmin(a.y, b.y)); }

    friend __host__ __device__ constexpr P __hisnan2(P a) { return mask(__hisnan(a.x), __hisnan(a.y)); }
    friend __host__ __device__ constexpr P __heq2(P a, P b) { return mask(__heq(a.x, b.x), __heq(a.y, b.y)); }
    friend __host__ __device__ constexpr P __hne2(P a, P b) { return mask(__hne(a.x, b.x), __hne(a.y, b.y)); }
    friend __host__ __device__ constexpr P __hlt2(P a, P b) { return mask(__hlt(a.x, b.x), __hlt(a.y, b.y)); }
    friend __host__ __device__ constexpr P __hle2(P a, P b) { return mask(__hle(a.x, b.x), __hle(a.y, b.y)); }
    friend __host__ __device__ constexpr P __hgt2(P a, P b) { return mask(__hgt(a.x, b.x), __hgt(a.y, b.y)); }
    friend __host__ __device__ constexpr P __hge2(P a, P b) { return mask(__hge(a.x, b.x), __hge(a.y, b.y)); }
    // True when the comparison holds for both elements.
    friend __host__ __device__ constexpr bool __hbeq2(P a, P b) { return __heq(a.x, b.x) && __heq(a.y, b.y); }
    friend __host__ __device__ constexpr bool __hbne2(P a, P b) { return __hne(a.x, b.x) && __hne(a.y, b.y); }
    friend __host__ __device__ constexpr bool __hblt2(P a, P b) { return __hlt(a.x, b.x) && __hlt(a.y, b.y); }
    friend __host__ __device__ constexpr bool __hble2(P a, P b) { return __hle(a.x, b.x) && __hle(a.y, b.y); }
    friend __host__ __device__ constexpr bool __hbgt2(P a, P b) { return __hgt(a.x, b.x) && __hgt(a.y, b.y); }
    friend __host__ __device__ constexpr bool __hbge2(P a, P b) { return __hge(a.x, b.x) && __hge(a.y, b.y); }

    friend __host__ __device__ inline P h2exp(P a) { return P(hexp(a.x), hexp(a.y)); }
    friend __host__ __device__ inline P h2exp2(P a) { return P(hexp2(a.x), hexp2(a.y)); }
    friend __host__ __device__ inline P h2exp10(P a) { return P(hexp10(a.x), hexp10(a.y)); }
    friend __host__ __device__ inline P h2log(P a) { return P(hlog(a.x), hlog(a.y)); }
    friend __host__ __device__ inline P h2log2(P a) { return P(hlog2(a.x), hlog2(a.y)); }
    friend __host__ __device__ inline P h2log10(P a) { return P(hlog10(a.x), hlog10(a.y)); }
    friend __host__ __device__ inline P h2sqrt(P a) { return P(hsqrt(a.x), hsqrt(a.y)); }
    friend __host__ __device__ inline P h2rsqrt(P a) { return P(hrsqrt(a.x), hrsqrt(a.y)); }
    friend __host__ __device__ inline P h2rcp(P a) { return P(hrcp(a.x), hrcp(a.y)); }
    friend __host__ __device__ inline P h2sin(P a) { return P(hsin(a.x), hsin(a.y)); }
    friend __host__ __device__ inline P h2cos(P a) { return P(hcos(a.x), hcos(a.y)); }
    friend __host__ __device__ inline P h2ceil(P a) { return P(hceil(a.x), hceil(a.y)); }
    friend __host__ __device__ inline P h2floor(P a) { return P(hfloor(a.x), hfloor(a.y)); }
    friend __host__ __device__ inline P h2trunc(P a) { return P(htrunc(a.x), htrunc(a.y)); }
    friend __host__ __device__ inline P h2rint(P a) { return P(hrint(a.x), hrint(a.y)); }

    friend __host__ __device__ constexpr float __low2float(P a) { return static_cast<float>(a.x); }
    friend __host__ __device__ constexpr float __high2float(P a) { return static_cast<float>(a.y); }
    friend __host__ __device__ constexpr P __lowhigh2highlow(P a) { return P(a.y, a.x); }

    // Operators: element-wise arithmetic; comparisons true when they hold
    // for both elements.
    friend __host__ __device__ constexpr P operator+(P a, P b) { return __hadd2(a, b); }
    friend __host__ __device__ constexpr P operator-(P a, P b) { return __hsub2(a, b); }
    friend __host__ __device__ constexpr P operator*(P a, P b) { return __hmul2(a, b); }
    friend __host__ __device__ constexpr P operator/(P a, P b) { return __hdiv2(a, b); }
    friend __host__ __device__ constexpr P operator+(P a) { return a; }
    friend __host__ __device__ constexpr P operator-(P a) { return __hneg2(a); }
    friend __host__ __device__ constexpr P& operator+=(P& a, P b) { return a = a + b; }
    friend __host__ __device__ constexpr P& operator-=(P& a, P b) { return a = a - b; }
    friend __host__ __device__ constexpr P& operator*=(P& a, P b) { return a = a * b; }
    friend __host__ __device__ constexpr P& operator/=(P& a, P b) { return a = a / b; }
    friend __host__ __device__ constexpr bool operator==(P a, P b) { return __hbeq2(a, b); }
    friend __host__ __device__ constexpr bool operator!=(P a, P b) { return __hbne2(a, b); }
    friend __host__ __device__ constexpr bool operator<(P a, P b) { return __hblt2(a, b); }
    friend __host__ __device__ constexpr bool operator<=(P a, P b) { return __hble2(a, b); }
    friend __host__ __device__ constexpr bool operator>(P a, P b) { return __hbgt2(a, b); }
    friend __host__ __device__ constexpr bool operator>=(P a, P b) { return __hbge2(a, b); }
};

#endif  // HIPKB_CPU_NARROW_FLOAT_H
