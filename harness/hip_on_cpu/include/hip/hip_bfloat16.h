/* hipkb's HIP-on-CPU layer: HIP's older struct hip_bfloat16.
 *
 * hip_bfloat16 is a plain trivial struct holding the 16 bits in `data`
 * (unlike __hip_bfloat16 of <hip/hip_bf16.h>). HIP's contract:
 *   - hip_bfloat16(float) is explicit and rounds to nearest even;
 *     hip_bfloat16(float, hip_bfloat16::truncate) drops the low 16 bits
 *     (rounds toward zero); round_to_bfloat16(f) / round_to_bfloat16(f,
 *     truncate) are the same as static functions, and `b = f;` assigns a
 *     float rounded to nearest even;
 *   - it converts implicitly to float, exactly;
 *   - + - * / (and their compound forms) compute in float and round back,
 *     unary minus flips the sign bit, ++/-- add/subtract one, comparisons
 *     compare the float values. Mixed with float (b + 1.0f) the built-in
 *     float operators apply, giving float.
 * A NaN stays a NaN in both conversions. HIP's own header keeps a signaling
 * NaN signaling (setting the lowest bit); this one, like __float2bfloat16
 * and hipkb's HIP-on-CUDA hip_bfloat16, returns a quiet NaN with the same
 * sign. Not provided: HIP's std::isinf/std::isnan/std::iszero overloads
 * (adding to namespace std is not ours to do; isnan(b) and isinf(b) already
 * work through the float conversion) and operator<< on std::ostream.
 */
#ifndef HIPKB_CPU_HIP_BFLOAT16_H
#define HIPKB_CPU_HIP_BFLOAT16_H

#include <hipkb_cpu/float_bits.h>
#include <hipkb_cpu/narrow_float.h>
#include <hipkb_cpu/qualifiers.h>

#include <stdint.h>

#include <type_traits>

// Its operators come from hipkb_narrow_float_ops (<hipkb_cpu/narrow_float.h>),
// the same as __hip_bfloat16's with another __hip_bfloat16.
struct hip_bfloat16 : hipkb_narrow_float_ops<hip_bfloat16> {
    uint16_t data;

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

    hip_bfloat16() = default;
    __host__ __device__ constexpr explicit hip_bfloat16(float value)
        : data(hipkb::cpu::detail::float_to_bf16_rn(value)) {}
    __host__ __device__ constexpr explicit hip_bfloat16(float value, truncate_t)
        : data(hipkb::cpu::detail::float_to_bf16_rz(value)) {}

    __host__ __device__ constexpr operator float() const { return hipkb::cpu::detail::bf16_to_float(data); }

    __host__ __device__ constexpr hip_bfloat16& operator=(const float& value) {
        data = hipkb::cpu::detail::float_to_bf16_rn(value);
        return *this;
    }

    static __host__ __device__ constexpr hip_bfloat16 round_to_bfloat16(float value) { return hip_bfloat16(value); }
    static __host__ __device__ constexpr hip_bfloat16 round_to_bfloat16(float value, truncate_t) {
        return hip_bfloat16(value, truncate);
    }
};

static_assert(sizeof(hip_bfloat16) == 2 && alignof(hip_bfloat16) == 2, "hip_bfloat16 layout");
static_assert(std::is_trivial_v<hip_bfloat16> && std::is_standard_layout_v<hip_bfloat16>,
              "hip_bfloat16 is a trivial, standard-layout struct as in HIP");

#endif  // HIPKB_CPU_HIP_BFLOAT16_H
