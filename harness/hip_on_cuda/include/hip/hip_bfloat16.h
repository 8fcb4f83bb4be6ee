/* hipkb's HIP-on-CUDA layer: HIP's older struct hip_bfloat16.
 *
 * Unlike __hip_bfloat16 (<hip/hip_bf16.h>, an alias of CUDA's
 * __nv_bfloat16), hip_bfloat16 is a plain struct holding the 16 bits in
 * `data`, usable on host and device. CUDA has no such struct, so this is a
 * small implementation of its contract:
 *   - hip_bfloat16(float) is explicit and rounds to nearest even; NaN stays a
 *     (quiet) NaN with its sign; hip_bfloat16(float, hip_bfloat16::truncate)
 *     drops the low 16 bits instead.
 *   - it converts implicitly to float, exactly;
 *   - + - * / (and their compound forms, unary minus) compute in float and
 *     round back; comparisons compare the float values.
 */
#ifndef HIPKB_HIP_ON_CUDA_HIP_BFLOAT16_H
#define HIPKB_HIP_ON_CUDA_HIP_BFLOAT16_H

#include <hip/hip_runtime_api.h>

#include <cstdint>
#include <cstring>

struct hip_bfloat16 {
    std::uint16_t data;

    // HIP's name for the tag; clang's -Wshadow notes that POSIX also has a
    // truncate(), which is harmless inside this struct's scope.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wshadow"
#endif
    enum truncate_t { truncate };
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

    // Trivial, so hip_bfloat16 can live in __shared__ arrays and unions.
    hip_bfloat16() = default;
    __host__ __device__ explicit hip_bfloat16(float value) : data(round_bits(value)) {}
    __host__ __device__ hip_bfloat16(float value, truncate_t) : data(truncate_bits(value)) {}

    __host__ __device__ operator float() const {
        const std::uint32_t bits = static_cast<std::uint32_t>(data) << 16;
        float value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }

    static __host__ __device__ hip_bfloat16 round_to_bfloat16(float value) { return hip_bfloat16(value); }

private:
    static __host__ __device__ std::uint32_t float_bits(float value) {
        std::uint32_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        return bits;
    }
    static __host__ __device__ std::uint16_t truncate_bits(float value) {
        return static_cast<std::uint16_t>(float_bits(value) >> 16);
    }
    static __host__ __device__ std::uint16_t round_bits(float value) {
        const std::uint32_t bits = float_bits(value);
        if ((bits & 0x7fffffffu) > 0x7f800000u) {
            // NaN: keep sign and top payload bits, force the quiet bit so the
            // truncated payload cannot become zero (which would read as inf).
            return static_cast<std::uint16_t>((bits >> 16) | 0x0040u);
        }
        // Round half to even on bit 16; carries into the exponent are right
        // (the largest finite values round up to infinity).
        const std::uint32_t rounding = 0x7fffu + ((bits >> 16) & 1u);
        return static_cast<std::uint16_t>((bits + rounding) >> 16);
    }
};

__host__ __device__ inline hip_bfloat16 operator+(hip_bfloat16 a, hip_bfloat16 b) {
    return hip_bfloat16(static_cast<float>(a) + static_cast<float>(b));
}
__host__ __device__ inline hip_bfloat16 operator-(hip_bfloat16 a, hip_bfloat16 b) {
    return hip_bfloat16(static_cast<float>(a) - static_cast<float>(b));
}
__host__ __device__ inline hip_bfloat16 operator*(hip_bfloat16 a, hip_bfloat16 b) {
    return hip_bfloat16(static_cast<float>(a) * static_cast<float>(b));
}
__host__ __device__ inline hip_bfloat16 operator/(hip_bfloat16 a, hip_bfloat16 b) {
    return hip_bfloat16(static_cast<float>(a) / static_cast<float>(b));
}
__host__ __device__ inline hip_bfloat16 operator-(hip_bfloat16 a) {
    a.data = static_cast<std::uint16_t>(a.data ^ 0x8000u);
    return a;
}
__host__ __device__ inline hip_bfloat16& operator+=(hip_bfloat16& a, hip_bfloat16 b) { return a = a + b; }
__host__ __device__ inline hip_bfloat16& operator-=(hip_bfloat16& a, hip_bfloat16 b) { return a = a - b; }
__host__ __device__ inline hip_bfloat16& operator*=(hip_bfloat16& a, hip_bfloat16 b) { return a = a * b; }
__host__ __device__ inline hip_bfloat16& operator/=(hip_bfloat16& a, hip_bfloat16 b) { return a = a / b; }
__host__ __device__ inline bool operator==(hip_bfloat16 a, hip_bfloat16 b) {
    return static_cast<float>(a) == static_cast<float>(b);
}
__host__ __device__ inline bool operator!=(hip_bfloat16 a, hip_bfloat16 b) {
    return static_cast<float>(a) != static_cast<float>(b);
}
__host__ __device__ inline bool operator<(hip_bfloat16 a, hip_bfloat16 b) {
    return static_cast<float>(a) < static_cast<float>(b);
}
__host__ __device__ inline bool operator<=(hip_bfloat16 a, hip_bfloat16 b) {
    return static_cast<float>(a) <= static_cast<float>(b);
}
__host__ __device__ inline bool operator>(hip_bfloat16 a, hip_bfloat16 b) {
    return static_cast<float>(a) > static_cast<float>(b);
}
__host__ __device__ inline bool operator>=(hip_bfloat16 a, hip_bfloat16 b) {
    return static_cast<float>(a) >= static_cast<float>(b);
}

#endif  // HIPKB_HIP_ON_CUDA_HIP_BFLOAT16_H
