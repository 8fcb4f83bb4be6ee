/* hipkb's HIP-on-CUDA layer: HIP's arithmetic on vector types.
 *
 * HIP's float4, int2, ... support element-wise arithmetic (a + b, v * 2.0f,
 * v += w, -v), and HIP code written against AMD uses it. CUDA's vector types
 * are the same plain structs (x, y, z, w; make_float4, ...) without those
 * operators, so this header adds them for the CUDA types.
 *
 * The operators are templates restricted to CUDA's vector types: a
 * non-template operator that user code defines for a vector type (a common
 * habit in CUDA code) is preferred over these, so both kinds of code compile.
 * Covered: + - * / between two vectors of the same type, between a vector
 * and a scalar (either side, converted to the element type), the compound
 * forms, and unary minus. Not covered, so a compile error: integer bitwise
 * and shift operators, comparisons, and the 4-wide 64-bit types (double4,
 * long4, longlong4, ...) that CUDA 13 deprecates in favour of their _16a/_32a
 * variants.
 */
#ifndef HIPKB_HIP_ON_CUDA_HIP_VECTOR_TYPES_H
#define HIPKB_HIP_ON_CUDA_HIP_VECTOR_TYPES_H

#include <cuda_runtime.h>

#include <type_traits>

namespace hipkb::hip_on_cuda::detail {

template <class V>
struct vector_traits {
    static constexpr int size = 0;
};

// clang-format off
template <> struct vector_traits<char1> { using element = signed char; static constexpr int size = 1; };
template <> struct vector_traits<char2> { using element = signed char; static constexpr int size = 2; };
template <> struct vector_traits<char3> { using element = signed char; static constexpr int size = 3; };
template <> struct vector_traits<char4> { using element = signed char; static constexpr int size = 4; };
template <> struct vector_traits<uchar1> { using element = unsigned char; static constexpr int size = 1; };
template <> struct vector_traits<uchar2> { using element = unsigned char; static constexpr int size = 2; };
template <> struct vector_traits<uchar3> { using element = unsigned char; static constexpr int size = 3; };
template <> struct vector_traits<uchar4> { using element = unsigned char; static constexpr int size = 4; };
template <> struct vector_traits<short1> { using element = short; static constexpr int size = 1; };
template <> struct vector_traits<short2> { using element = short; static constexpr int size = 2; };
template <> struct vector_traits<short3> { using element = short; static constexpr int size = 3; };
template <> struct vector_traits<short4> { using element = short; static constexpr int size = 4; };
template <> struct vector_traits<ushort1> { using element = unsigned short; static constexpr int size = 1; };
template <> struct vector_traits<ushort2> { using element = unsigned short; static constexpr int size = 2; };
template <> struct vector_traits<ushort3> { using element = unsigned short; static constexpr int size = 3; };
template <> struct vector_traits<ushort4> { using element = unsigned short; static constexpr int size = 4; };
template <> struct vector_traits<int1> { using element = int; static constexpr int size = 1; };
template <> struct vector_traits<int2> { using element = int; static constexpr int size = 2; };
template <> struct vector_traits<int3> { using element = int; static constexpr int size = 3; };
template <> struct vector_traits<int4> { using element = int; static constexpr int size = 4; };
template <> struct vector_traits<uint1> { using element = unsigned int; static constexpr int size = 1; };
template <> struct vector_traits<uint2> { using element = unsigned int; static constexpr int size = 2; };
template <> struct vector_traits<uint3> { using element = unsigned int; static constexpr int size = 3; };
template <> struct vector_traits<uint4> { using element = unsigned int; static constexpr int size = 4; };
template <> struct vector_traits<long1> { using element = long; static constexpr int size = 1; };
template <> struct vector_traits<long2> { using element = long; static constexpr int size = 2; };
template <> struct vector_traits<long3> { using element = long; static constexpr int size = 3; };
template <> struct vector_traits<ulong1> { using element = unsigned long; static constexpr int size = 1; };
template <> struct vector_traits<ulong2> { using element = unsigned long; static constexpr int size = 2; };
template <> struct vector_traits<ulong3> { using element = unsigned long; static constexpr int size = 3; };
template <> struct vector_traits<longlong1> { using element = long long; static constexpr int size = 1; };
template <> struct vector_traits<longlong2> { using element = long long; static constexpr int size = 2; };
template <> struct vector_traits<longlong3> { using element = long long; static constexpr int size = 3; };
template <> struct vector_traits<ulonglong1> { using element = unsigned long long; static constexpr int size = 1; };
template <> struct vector_traits<ulonglong2> { using element = unsigned long long; static constexpr int size = 2; };
template <> struct vector_traits<ulonglong3> { using element = unsigned long long; static constexpr int size = 3; };
template <> struct vector_traits<float1> { using element = float; static constexpr int size = 1; };
template <> struct vector_traits<float2> { using element = float; static constexpr int size = 2; };
template <> struct vector_traits<float3> { using element = float; static constexpr int size = 3; };
template <> struct vector_traits<float4> { using element = float; static constexpr int size = 4; };
template <> struct vector_traits<double1> { using element = double; static constexpr int size = 1; };
template <> struct vector_traits<double2> { using element = double; static constexpr int size = 2; };
template <> struct vector_traits<double3> { using element = double; static constexpr int size = 3; };
// clang-format on

template <class V>
inline constexpr bool is_vector_v = vector_traits<V>::size > 0;

template <class V>
using enable_if_vector_t = std::enable_if_t<is_vector_v<V>, int>;

template <class V>
using element_t = typename vector_traits<V>::element;

// r = op(a, b) component by component. The cast brings back the element type
// after C++'s integer promotion (char + char is int).
template <class V, class Op>
__host__ __device__ inline V zip(const V& a, const V& b, Op op) {
    using E = element_t<V>;
    constexpr int n = vector_traits<V>::size;
    V r{};
    r.x = static_cast<E>(op(a.x, b.x));
    if constexpr (n >= 2) {
        r.y = static_cast<E>(op(a.y, b.y));
    }
    if constexpr (n >= 3) {
        r.z = static_cast<E>(op(a.z, b.z));
    }
    if constexpr (n >= 4) {
        r.w = static_cast<E>(op(a.w, b.w));
    }
    return r;
}

template <class V>
__host__ __device__ inline V splat(element_t<V> s) {
    constexpr int n = vector_traits<V>::size;
    V r{};
    r.x = s;
    if constexpr (n >= 2) {
        r.y = s;
    }
    if constexpr (n >= 3) {
        r.z = s;
    }
    if constexpr (n >= 4) {
        r.w = s;
    }
    return r;
}

struct add_op {
    template <class T>
    __host__ __device__ auto operator()(T a, T b) const {
        return a + b;
    }
};
struct sub_op {
    template <class T>
    __host__ __device__ auto operator()(T a, T b) const {
        return a - b;
    }
};
struct mul_op {
    template <class T>
    __host__ __device__ auto operator()(T a, T b) const {
        return a * b;
    }
};
struct div_op {
    template <class T>
    __host__ __device__ auto operator()(T a, T b) const {
        return a / b;
    }
};
// Unary: the second operand is ignored.
struct neg_op {
    template <class T>
    __host__ __device__ auto operator()(T a, T) const {
        return -a;
    }
};

}  // namespace hipkb::hip_on_cuda::detail

// Vector op vector.
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator+(const V& a, const V& b) {
    return hipkb::hip_on_cuda::detail::zip(a, b, hipkb::hip_on_cuda::detail::add_op{});
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator-(const V& a, const V& b) {
    return hipkb::hip_on_cuda::detail::zip(a, b, hipkb::hip_on_cuda::detail::sub_op{});
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator*(const V& a, const V& b) {
    return hipkb::hip_on_cuda::detail::zip(a, b, hipkb::hip_on_cuda::detail::mul_op{});
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator/(const V& a, const V& b) {
    return hipkb::hip_on_cuda::detail::zip(a, b, hipkb::hip_on_cuda::detail::div_op{});
}

// Vector op scalar and scalar op vector: the scalar is converted to the
// element type (its parameter is a non-deduced context), as in HIP.
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator+(const V& a, hipkb::hip_on_cuda::detail::element_t<V> s) {
    return a + hipkb::hip_on_cuda::detail::splat<V>(s);
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator+(hipkb::hip_on_cuda::detail::element_t<V> s, const V& a) {
    return hipkb::hip_on_cuda::detail::splat<V>(s) + a;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator-(const V& a, hipkb::hip_on_cuda::detail::element_t<V> s) {
    return a - hipkb::hip_on_cuda::detail::splat<V>(s);
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator-(hipkb::hip_on_cuda::detail::element_t<V> s, const V& a) {
    return hipkb::hip_on_cuda::detail::splat<V>(s) - a;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator*(const V& a, hipkb::hip_on_cuda::detail::element_t<V> s) {
    return a * hipkb::hip_on_cuda::detail::splat<V>(s);
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator*(hipkb::hip_on_cuda::detail::element_t<V> s, const V& a) {
    return hipkb::hip_on_cuda::detail::splat<V>(s) * a;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator/(const V& a, hipkb::hip_on_cuda::detail::element_t<V> s) {
    return a / hipkb::hip_on_cuda::detail::splat<V>(s);
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator/(hipkb::hip_on_cuda::detail::element_t<V> s, const V& a) {
    return hipkb::hip_on_cuda::detail::splat<V>(s) / a;
}

// Compound assignment.
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V& operator+=(V& a, const V& b) {
    return a = a + b;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V& operator-=(V& a, const V& b) {
    return a = a - b;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V& operator*=(V& a, const V& b) {
    return a = a * b;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V& operator/=(V& a, const V& b) {
    return a = a / b;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V& operator+=(V& a, hipkb::hip_on_cuda::detail::element_t<V> s) {
    return a = a + s;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V& operator-=(V& a, hipkb::hip_on_cuda::detail::element_t<V> s) {
    return a = a - s;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V& operator*=(V& a, hipkb::hip_on_cuda::detail::element_t<V> s) {
    return a = a * s;
}
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V& operator/=(V& a, hipkb::hip_on_cuda::detail::element_t<V> s) {
    return a = a / s;
}

// Unary minus, element by element (-0.0f stays a negative zero; unsigned
// elements wrap as they do for scalars).
template <class V, hipkb::hip_on_cuda::detail::enable_if_vector_t<V> = 0>
__host__ __device__ inline V operator-(const V& a) {
    return hipkb::hip_on_cuda::detail::zip(a, a, hipkb::hip_on_cuda::detail::neg_op{});
}

#endif  // HIPKB_HIP_ON_CUDA_HIP_VECTOR_TYPES_H
