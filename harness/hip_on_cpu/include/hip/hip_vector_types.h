/* hipkb's HIP-on-CPU layer: HIP's vector types (float4, int2, uchar4, ...).
 *
 * Each public name (char1..4, uchar1..4, short1..4, ushort1..4, int1..4,
 * uint1..4, long1..4, ulong1..4, longlong1..4, ulonglong1..4, float1..4,
 * double1..4) is an alias of one specialisation of
 * hipkb::cpu::detail::vec<Element, Count>, as HIP's own are aliases of
 * HIP_vector_type<T, N>. Each is a plain aggregate struct with the members
 * x, y, z, w (as many as the count), so that
 *   - `float4 v{1, 2, 3, 4};`, `float4 v = {...};` and `float4 v{};` work,
 *     and `float4 v;` leaves it uninitialised (trivial default constructor;
 *     arrays of them can be static thread_local or block-shared storage);
 *   - sizeof, offsetof and reinterpret_cast<float4*>(p) work as on a GPU;
 *   - they are trivially copyable and standard-layout.
 *
 * Layout is HIP's on AMD GPUs: element-aligned for the 1- and 3-wide types
 * (float3: size 12, alignment 4), and for the 2- and 4-wide types aligned to
 * their size (float2: 8, float4: 16, char4: 4, short4: 8, double2: 16,
 * double4: 32, long4: 32). The static_asserts below pin every one.
 *
 * Arithmetic, as HIP provides it (the operators are templates found by
 * argument-dependent lookup; a non-template operator that code defines for
 * a vector type itself wins over them):
 *   - element-wise + - * / between two vectors of the same type, and
 *     between a vector and a scalar on either side (the scalar converts to
 *     the element type);
 *   - for integer elements also % & | ^ << >> (vector-vector and with a
 *     scalar) and unary ~;
 *   - the compound assignments of all of those, unary + and -, ++ and --;
 *   - == and != (true when all / not all elements compare equal).
 * Integer + - * and << wrap modulo 2^bits for signed elements too, as GPU
 * integer arithmetic does (no signed-overflow undefined behaviour); / % and
 * >> behave as the scalar operators on the element type.
 *
 * make_<type>(...) builds each type from its elements.
 */
#ifndef HIPKB_CPU_HIP_VECTOR_TYPES_H
#define HIPKB_CPU_HIP_VECTOR_TYPES_H

#include <hipkb_cpu/qualifiers.h>

#include <stddef.h>

#include <type_traits>

namespace hipkb::cpu::detail {

// Alignment of HIP's vector types on AMD: 2- and 4-wide types are aligned to
// their size (a power of two for every element type here); 1- and 3-wide
// types to their element.
template <class T, int N>
inline constexpr size_t vec_alignment = (N == 2 || N == 4) ? sizeof(T) * N : alignof(T);

template <class T, int N>
struct vec;

template <class T>
struct alignas(vec_alignment<T, 1>) vec<T, 1> {
    T x;
};

template <class T>
struct alignas(vec_alignment<T, 2>) vec<T, 2> {
    T x;
    T y;
};

template <class T>
struct alignas(vec_alignment<T, 3>) vec<T, 3> {
    T x;
    T y;
    T z;
};

template <class T>
struct alignas(vec_alignment<T, 4>) vec<T, 4> {
    T x;
    T y;
    T z;
    T w;
};

// The scalar parameter of vector-scalar operators: not deduced, so any
// scalar that converts to the element type is accepted.
template <class T>
struct identity {
    using type = T;
};
template <class T>
using scalar_t = typename identity<T>::type;

template <class T>
using if_integral_t = std::enable_if_t<std::is_integral_v<T>, int>;

// The type + - * << are computed in: for integers the unsigned form of the
// promoted element type, so results wrap instead of overflowing.
template <class T, bool = std::is_integral_v<T>>
struct wrap {
    using type = T;
};
template <class T>
struct wrap<T, true> {
    using type = std::make_unsigned_t<decltype(+T{})>;
};
template <class T>
using wrap_t = typename wrap<T>::type;

// r[i] = op(a[i], b[i]) for each element.
template <class T, int N, class Op>
__host__ __device__ constexpr vec<T, N> zip(const vec<T, N>& a, const vec<T, N>& b, Op op) {
    vec<T, N> r{};
    r.x = op(a.x, b.x);
    if constexpr (N >= 2) {
        r.y = op(a.y, b.y);
    }
    if constexpr (N >= 3) {
        r.z = op(a.z, b.z);
    }
    if constexpr (N >= 4) {
        r.w = op(a.w, b.w);
    }
    return r;
}

template <class T, int N>
__host__ __device__ constexpr vec<T, N> splat(T s) {
    vec<T, N> r{};
    r.x = s;
    if constexpr (N >= 2) {
        r.y = s;
    }
    if constexpr (N >= 3) {
        r.z = s;
    }
    if constexpr (N >= 4) {
        r.w = s;
    }
    return r;
}

// Element operations; each casts back to the element type after C++'s
// integer promotion.
struct add_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(static_cast<wrap_t<T>>(a) + static_cast<wrap_t<T>>(b));
    }
};
struct sub_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(static_cast<wrap_t<T>>(a) - static_cast<wrap_t<T>>(b));
    }
};
struct mul_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(static_cast<wrap_t<T>>(a) * static_cast<wrap_t<T>>(b));
    }
};
struct div_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(a / b);
    }
};
struct mod_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(a % b);
    }
};
struct and_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(a & b);
    }
};
struct or_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(a | b);
    }
};
struct xor_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(a ^ b);
    }
};
struct shl_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(static_cast<wrap_t<T>>(a) << b);
    }
};
struct shr_op {
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T b) const {
        return static_cast<T>(a >> b);
    }
};
struct neg_op {  // unary: the second operand is ignored
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T) const {
        if constexpr (std::is_integral_v<T>) {
            return static_cast<T>(wrap_t<T>{0} - static_cast<wrap_t<T>>(a));
        } else {
            return -a;
        }
    }
};
struct not_op {  // unary
    template <class T>
    __host__ __device__ constexpr T operator()(T a, T) const {
        return static_cast<T>(~a);
    }
};

// ---------------------------------------------------------------------------
// Operators (found by argument-dependent lookup on vec)
// ---------------------------------------------------------------------------

// + - * / : vector-vector, vector-scalar, scalar-vector.
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator+(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, add_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator+(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), add_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator+(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, add_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator-(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, sub_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator-(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), sub_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator-(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, sub_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator*(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, mul_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator*(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), mul_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator*(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, mul_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator/(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, div_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator/(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), div_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator/(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, div_op{});
}

// % & | ^ << >> : integer elements only.
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator%(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, mod_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator%(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), mod_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator%(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, mod_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator&(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, and_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator&(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), and_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator&(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, and_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator|(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, or_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator|(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), or_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator|(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, or_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator^(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, xor_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator^(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), xor_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator^(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, xor_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator<<(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, shl_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator<<(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), shl_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator<<(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, shl_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator>>(const vec<T, N>& a, const vec<T, N>& b) {
    return zip(a, b, shr_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator>>(const vec<T, N>& a, scalar_t<T> s) {
    return zip(a, splat<T, N>(s), shr_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator>>(scalar_t<T> s, const vec<T, N>& a) {
    return zip(splat<T, N>(s), a, shr_op{});
}

// Compound assignment, with a vector or a scalar on the right.
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator+=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a + b;
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator+=(vec<T, N>& a, scalar_t<T> s) {
    return a = a + s;
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator-=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a - b;
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator-=(vec<T, N>& a, scalar_t<T> s) {
    return a = a - s;
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator*=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a * b;
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator*=(vec<T, N>& a, scalar_t<T> s) {
    return a = a * s;
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator/=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a / b;
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator/=(vec<T, N>& a, scalar_t<T> s) {
    return a = a / s;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator%=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a % b;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator%=(vec<T, N>& a, scalar_t<T> s) {
    return a = a % s;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator&=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a & b;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator&=(vec<T, N>& a, scalar_t<T> s) {
    return a = a & s;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator|=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a | b;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator|=(vec<T, N>& a, scalar_t<T> s) {
    return a = a | s;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator^=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a ^ b;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator^=(vec<T, N>& a, scalar_t<T> s) {
    return a = a ^ s;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator<<=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a << b;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator<<=(vec<T, N>& a, scalar_t<T> s) {
    return a = a << s;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator>>=(vec<T, N>& a, const vec<T, N>& b) {
    return a = a >> b;
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N>& operator>>=(vec<T, N>& a, scalar_t<T> s) {
    return a = a >> s;
}

// Unary operators; -v of unsigned elements wraps as it does for scalars.
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator+(const vec<T, N>& a) {
    return a;
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator-(const vec<T, N>& a) {
    return zip(a, a, neg_op{});
}
template <class T, int N, if_integral_t<T> = 0>
__host__ __device__ constexpr vec<T, N> operator~(const vec<T, N>& a) {
    return zip(a, a, not_op{});
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator++(vec<T, N>& a) {
    return a += T{1};
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N>& operator--(vec<T, N>& a) {
    return a -= T{1};
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator++(vec<T, N>& a, int) {
    const vec<T, N> old = a;
    a += T{1};
    return old;
}
template <class T, int N>
__host__ __device__ constexpr vec<T, N> operator--(vec<T, N>& a, int) {
    const vec<T, N> old = a;
    a -= T{1};
    return old;
}

// Equality of all elements.
template <class T, int N>
__host__ __device__ constexpr bool operator==(const vec<T, N>& a, const vec<T, N>& b) {
    bool equal = a.x == b.x;
    if constexpr (N >= 2) {
        equal = equal && a.y == b.y;
    }
    if constexpr (N >= 3) {
        equal = equal && a.z == b.z;
    }
    if constexpr (N >= 4) {
        equal = equal && a.w == b.w;
    }
    return equal;
}
template <class T, int N>
__host__ __device__ constexpr bool operator!=(const vec<T, N>& a, const vec<T, N>& b) {
    return !(a == b);
}

}  // namespace hipkb::cpu::detail

// ---------------------------------------------------------------------------
// The public type names
// ---------------------------------------------------------------------------

// clang-format off
using char1 = hipkb::cpu::detail::vec<signed char, 1>;
using char2 = hipkb::cpu::detail::vec<signed char, 2>;
using char3 = hipkb::cpu::detail::vec<signed char, 3>;
using char4 = hipkb::cpu::detail::vec<signed char, 4>;

using uchar1 = hipkb::cpu::detail::vec<unsigned char, 1>;
using uchar2 = hipkb::cpu::detail::vec<unsigned char, 2>;
using uchar3 = hipkb::cpu::detail::vec<unsigned char, 3>;
using uchar4 = hipkb::cpu::detail::vec<unsigned char, 4>;

using short1 = hipkb::cpu::detail::vec<short, 1>;
using short2 = hipkb::cpu::detail::vec<short, 2>;
using short3 = hipkb::cpu::detail::vec<short, 3>;
using short4 = hipkb::cpu::detail::vec<short, 4>;

using ushort1 = hipkb::cpu::detail::vec<unsigned short, 1>;
using ushort2 = hipkb::cpu::detail::vec<unsigned short, 2>;
using ushort3 = hipkb::cpu::detail::vec<unsigned short, 3>;
using ushort4 = hipkb::cpu::detail::vec<unsigned short, 4>;

using int1 = hipkb::cpu::detail::vec<int, 1>;
using int2 = hipkb::cpu::detail::vec<int, 2>;
using int3 = hipkb::cpu::detail::vec<int, 3>;
using int4 = hipkb::cpu::detail::vec<int, 4>;

using uint1 = hipkb::cpu::detail::vec<unsigned int, 1>;
using uint2 = hipkb::cpu::detail::vec<unsigned int, 2>;
using uint3 = hipkb::cpu::detail::vec<unsigned int, 3>;
using uint4 = hipkb::cpu::detail::vec<unsigned int, 4>;

using long1 = hipkb::cpu::detail::vec<long, 1>;
using long2 = hipkb::cpu::detail::vec<long, 2>;
using long3 = hipkb::cpu::detail::vec<long, 3>;
using long4 = hipkb::cpu::detail::vec<long, 4>;

using ulong1 = hipkb::cpu::detail::vec<unsigned long, 1>;
using ulong2 = hipkb::cpu::detail::vec<unsigned long, 2>;
using ulong3 = hipkb::cpu::detail::vec<unsigned long, 3>;
using ulong4 = hipkb::cpu::detail::vec<unsigned long, 4>;

using longlong1 = hipkb::cpu::detail::vec<long long, 1>;
using longlong2 = hipkb::cpu::detail::vec<long long, 2>;
using longlong3 = hipkb::cpu::detail::vec<long long, 3>;
using longlong4 = hipkb::cpu::detail::vec<long long, 4>;

using ulonglong1 = hipkb::cpu::detail::vec<unsigned long long, 1>;
using ulonglong2 = hipkb::cpu::detail::vec<unsigned long long, 2>;
using ulonglong3 = hipkb::cpu::detail::vec<unsigned long long, 3>;
using ulonglong4 = hipkb::cpu::detail::vec<unsigned long long, 4>;

using float1 = hipkb::cpu::detail::vec<float, 1>;
using float2 = hipkb::cpu::detail::vec<float, 2>;
using float3 = hipkb::cpu::detail::vec<float, 3>;
using float4 = hipkb::cpu::detail::vec<float, 4>;

using double1 = hipkb::cpu::detail::vec<double, 1>;
using double2 = hipkb::cpu::detail::vec<double, 2>;
using double3 = hipkb::cpu::detail::vec<double, 3>;
using double4 = hipkb::cpu::detail::vec<double, 4>;
// clang-format on

// ---------------------------------------------------------------------------
// make_<type>
// ---------------------------------------------------------------------------

// clang-format off
__host__ __device__ constexpr char1 make_char1(signed char x) { return char1{x}; }
__host__ __device__ constexpr char2 make_char2(signed char x, signed char y) { return char2{x, y}; }
__host__ __device__ constexpr char3 make_char3(signed char x, signed char y, signed char z) { return char3{x, y, z}; }
__host__ __device__ constexpr char4 make_char4(signed char x, signed char y, signed char z, signed char w) { return char4{x, y, z, w}; }

__host__ __device__ constexpr uchar1 make_uchar1(unsigned char x) { return uchar1{x}; }
__host__ __device__ constexpr uchar2 make_uchar2(unsigned char x, unsigned char y) { return uchar2{x, y}; }
__host__ __device__ constexpr uchar3 make_uchar3(unsigned char x, unsigned char y, unsigned char z) { return uchar3{x, y, z}; }
__host__ __device__ constexpr uchar4 make_uchar4(unsigned char x, unsigned char y, unsigned char z, unsigned char w) { return uchar4{x, y, z, w}; }

__host__ __device__ constexpr short1 make_short1(short x) { return short1{x}; }
__host__ __device__ constexpr short2 make_short2(short x, short y) { return short2{x, y}; }
__host__ __device__ constexpr short3 make_short3(short x, short y, short z) { return short3{x, y, z}; }
__host__ __device__ constexpr short4 make_short4(short x, short y, short z, short w) { return short4{x, y, z, w}; }

__host__ __device__ constexpr ushort1 make_ushort1(unsigned short x) { return ushort1{x}; }
__host__ __device__ constexpr ushort2 make_ushort2(unsigned short x, unsigned short y) { return ushort2{x, y}; }
__host__ __device__ constexpr ushort3 make_ushort3(unsigned short x, unsigned short y, unsigned short z) { return ushort3{x, y, z}; }
__host__ __device__ constexpr ushort4 make_ushort4(unsigned short x, unsigned short y, unsigned short z, unsigned short w) { return ushort4{x, y, z, w}; }

__host__ __device__ constexpr int1 make_int1(int x) { return int1{x}; }
__host__ __device__ constexpr int2 make_int2(int x, int y) { return int2{x, y}; }
__host__ __device__ constexpr int3 make_int3(int x, int y, int z) { return int3{x, y, z}; }
__host__ __device__ constexpr int4 make_int4(int x, int y, int z, int w) { return int4{x, y, z, w}; }

__host__ __device__ constexpr uint1 make_uint1(unsigned int x) { return uint1{x}; }
__host__ __device__ constexpr uint2 make_uint2(unsigned int x, unsigned int y) { return uint2{x, y}; }
__host__ __device__ constexpr uint3 make_uint3(unsigned int x, unsigned int y, unsigned int z) { return uint3{x, y, z}; }
__host__ __device__ constexpr uint4 make_uint4(unsigned int x, unsigned int y, unsigned int z, unsigned int w) { return uint4{x, y, z, w}; }

__host__ __device__ constexpr long1 make_long1(long x) { return long1{x}; }
__host__ __device__ constexpr long2 make_long2(long x, long y) { return long2{x, y}; }
__host__ __device__ constexpr long3 make_long3(long x, long y, long z) { return long3{x, y, z}; }
__host__ __device__ constexpr long4 make_long4(long x, long y, long z, long w) { return long4{x, y, z, w}; }

__host__ __device__ constexpr ulong1 make_ulong1(unsigned long x) { return ulong1{x}; }
__host__ __device__ constexpr ulong2 make_ulong2(unsigned long x, unsigned long y) { return ulong2{x, y}; }
__host__ __device__ constexpr ulong3 make_ulong3(unsigned long x, unsigned long y, unsigned long z) { return ulong3{x, y, z}; }
__host__ __device__ constexpr ulong4 make_ulong4(unsigned long x, unsigned long y, unsigned long z, unsigned long w) { return ulong4{x, y, z, w}; }

__host__ __device__ constexpr longlong1 make_longlong1(long long x) { return longlong1{x}; }
__host__ __device__ constexpr longlong2 make_longlong2(long long x, long long y) { return longlong2{x, y}; }
__host__ __device__ constexpr longlong3 make_longlong3(long long x, long long y, long long z) { return longlong3{x, y, z}; }
__host__ __device__ constexpr longlong4 make_longlong4(long long x, long long y, long long z, long long w) { return longlong4{x, y, z, w}; }

__host__ __device__ constexpr ulonglong1 make_ulonglong1(unsigned long long x) { return ulonglong1{x}; }
__host__ __device__ constexpr ulonglong2 make_ulonglong2(unsigned long long x, unsigned long long y) { return ulonglong2{x, y}; }
__host__ __device__ constexpr ulonglong3 make_ulonglong3(unsigned long long x, unsigned long long y, unsigned long long z) { return ulonglong3{x, y, z}; }
__host__ __device__ constexpr ulonglong4 make_ulonglong4(unsigned long long x, unsigned long long y, unsigned long long z, unsigned long long w) { return ulonglong4{x, y, z, w}; }

__host__ __device__ constexpr float1 make_float1(float x) { return float1{x}; }
__host__ __device__ constexpr float2 make_float2(float x, float y) { return float2{x, y}; }
__host__ __device__ constexpr float3 make_float3(float x, float y, float z) { return float3{x, y, z}; }
__host__ __device__ constexpr float4 make_float4(float x, float y, float z, float w) { return float4{x, y, z, w}; }

__host__ __device__ constexpr double1 make_double1(double x) { return double1{x}; }
__host__ __device__ constexpr double2 make_double2(double x, double y) { return double2{x, y}; }
__host__ __device__ constexpr double3 make_double3(double x, double y, double z) { return double3{x, y, z}; }
__host__ __device__ constexpr double4 make_double4(double x, double y, double z, double w) { return double4{x, y, z, w}; }
// clang-format on

// ---------------------------------------------------------------------------
// Layout: HIP's on AMD GPUs (LP64: long is 64-bit)
// ---------------------------------------------------------------------------

// clang-format off
static_assert(sizeof(char1) == 1 && alignof(char1) == 1, "char1 layout");
static_assert(sizeof(char2) == 2 && alignof(char2) == 2, "char2 layout");
static_assert(sizeof(char3) == 3 && alignof(char3) == 1, "char3 layout");
static_assert(sizeof(char4) == 4 && alignof(char4) == 4, "char4 layout");
static_assert(sizeof(uchar1) == 1 && alignof(uchar1) == 1, "uchar1 layout");
static_assert(sizeof(uchar2) == 2 && alignof(uchar2) == 2, "uchar2 layout");
static_assert(sizeof(uchar3) == 3 && alignof(uchar3) == 1, "uchar3 layout");
static_assert(sizeof(uchar4) == 4 && alignof(uchar4) == 4, "uchar4 layout");
static_assert(sizeof(short1) == 2 && alignof(short1) == 2, "short1 layout");
static_assert(sizeof(short2) == 4 && alignof(short2) == 4, "short2 layout");
static_assert(sizeof(short3) == 6 && alignof(short3) == 2, "short3 layout");
static_assert(sizeof(short4) == 8 && alignof(short4) == 8, "short4 layout");
static_assert(sizeof(ushort1) == 2 && alignof(ushort1) == 2, "ushort1 layout");
static_assert(sizeof(ushort2) == 4 && alignof(ushort2) == 4, "ushort2 layout");
static_assert(sizeof(ushort3) == 6 && alignof(ushort3) == 2, "ushort3 layout");
static_assert(sizeof(ushort4) == 8 && alignof(ushort4) == 8, "ushort4 layout");
static_assert(sizeof(int1) == 4 && alignof(int1) == 4, "int1 layout");
static_assert(sizeof(int2) == 8 && alignof(int2) == 8, "int2 layout");
static_assert(sizeof(int3) == 12 && alignof(int3) == 4, "int3 layout");
static_assert(sizeof(int4) == 16 && alignof(int4) == 16, "int4 layout");
static_assert(sizeof(uint1) == 4 && alignof(uint1) == 4, "uint1 layout");
static_assert(sizeof(uint2) == 8 && alignof(uint2) == 8, "uint2 layout");
static_assert(sizeof(uint3) == 12 && alignof(uint3) == 4, "uint3 layout");
static_assert(sizeof(uint4) == 16 && alignof(uint4) == 16, "uint4 layout");
static_assert(sizeof(long1) == 8 && alignof(long1) == 8, "long1 layout");
static_assert(sizeof(long2) == 16 && alignof(long2) == 16, "long2 layout");
static_assert(sizeof(long3) == 24 && alignof(long3) == 8, "long3 layout");
static_assert(sizeof(long4) == 32 && alignof(long4) == 32, "long4 layout");
static_assert(sizeof(ulong1) == 8 && alignof(ulong1) == 8, "ulong1 layout");
static_assert(sizeof(ulong2) == 16 && alignof(ulong2) == 16, "ulong2 layout");
static_assert(sizeof(ulong3) == 24 && alignof(ulong3) == 8, "ulong3 layout");
static_assert(sizeof(ulong4) == 32 && alignof(ulong4) == 32, "ulong4 layout");
static_assert(sizeof(longlong1) == 8 && alignof(longlong1) == 8, "longlong1 layout");
static_assert(sizeof(longlong2) == 16 && alignof(longlong2) == 16, "longlong2 layout");
static_assert(sizeof(longlong3) == 24 && alignof(longlong3) == 8, "longlong3 layout");
static_assert(sizeof(longlong4) == 32 && alignof(longlong4) == 32, "longlong4 layout");
static_assert(sizeof(ulonglong1) == 8 && alignof(ulonglong1) == 8, "ulonglong1 layout");
static_assert(sizeof(ulonglong2) == 16 && alignof(ulonglong2) == 16, "ulonglong2 layout");
static_assert(sizeof(ulonglong3) == 24 && alignof(ulonglong3) == 8, "ulonglong3 layout");
static_assert(sizeof(ulonglong4) == 32 && alignof(ulonglong4) == 32, "ulonglong4 layout");
static_assert(sizeof(float1) == 4 && alignof(float1) == 4, "float1 layout");
static_assert(sizeof(float2) == 8 && alignof(float2) == 8, "float2 layout");
static_assert(sizeof(float3) == 12 && alignof(float3) == 4, "float3 layout");
static_assert(sizeof(float4) == 16 && alignof(float4) == 16, "float4 layout");
static_assert(sizeof(double1) == 8 && alignof(double1) == 8, "double1 layout");
static_assert(sizeof(double2) == 16 && alignof(double2) == 16, "double2 layout");
static_assert(sizeof(double3) == 24 && alignof(double3) == 8, "double3 layout");
static_assert(sizeof(double4) == 32 && alignof(double4) == 32, "double4 layout");
// clang-format on

static_assert(std::is_trivial_v<float4> && std::is_standard_layout_v<float4>, "float4 is a plain struct");
static_assert(std::is_trivial_v<int3> && std::is_standard_layout_v<int3>, "int3 is a plain struct");
static_assert(std::is_aggregate_v<double2> && std::is_aggregate_v<uchar4>, "vector types are aggregates");

#endif  // HIPKB_CPU_HIP_VECTOR_TYPES_H
