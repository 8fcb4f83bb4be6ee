#pragma once
// IEEE half and bfloat16 conversions (round to nearest even), so the host
// side of the harness handles fp16/bf16 tensors without a GPU compiler.
// Header-only because goldens use them too: a golden is a plain C++ module
// that links nothing of hipkb, and it gets fp16/bf16 tensors as their raw
// 16-bit patterns (the same bytes the reference sees), converting each
// element with these functions. The float-to-half directions also run in
// GPU kernels (the device input generator), so they use integer arithmetic
// only and compile as C++17 (nvcc's dialect here).

#include <hipkb/core/host_device.hpp>

#include <cstdint>
#include <cstring>

namespace hipkb {

// A float's bits and back, on either side of a HIP/CUDA compile.
HIPKB_HOST_DEVICE inline std::uint32_t float_bits(float value) {
#if defined(__CUDA_ARCH__) || defined(__HIP_DEVICE_COMPILE__)
    return __float_as_uint(value);
#else
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
#endif
}

HIPKB_HOST_DEVICE inline float float_from_bits(std::uint32_t bits) {
#if defined(__CUDA_ARCH__) || defined(__HIP_DEVICE_COMPILE__)
    return __uint_as_float(bits);
#else
    float value = 0.0f;
    std::memcpy(&value, &bits, sizeof value);
    return value;
#endif
}

[[nodiscard]] HIPKB_HOST_DEVICE inline float half_to_float(unsigned short bits) {
    const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000u) << 16;
    const std::uint32_t exponent = (bits >> 10) & 0x1Fu;
    std::uint32_t mantissa = bits & 0x3FFu;
    std::uint32_t out = 0;
    if (exponent == 0x1F) {
        out = sign | 0x7F800000u | (mantissa << 13);
    } else if (exponent != 0) {
        out = sign | ((exponent + 112u) << 23) | (mantissa << 13);
    } else if (mantissa != 0) {
        // Subnormal half: normalise into a float.
        std::uint32_t e = 113;
        while ((mantissa & 0x400u) == 0) {
            mantissa <<= 1;
            --e;
        }
        out = sign | (e << 23) | ((mantissa & 0x3FFu) << 13);
    } else {
        out = sign;
    }
    return float_from_bits(out);
}

[[nodiscard]] HIPKB_HOST_DEVICE inline unsigned short float_to_half(float value) {
    const std::uint32_t bits = float_bits(value);
    const std::uint32_t sign = (bits >> 16) & 0x8000u;
    const std::uint32_t abs = bits & 0x7FFFFFFFu;
    if (abs >= 0x7F800000u) {  // Inf or NaN
        return static_cast<unsigned short>(sign | 0x7C00u | (abs > 0x7F800000u ? 0x200u : 0u));
    }
    if (abs >= 0x477FF000u) {  // rounds to beyond the largest half
        return static_cast<unsigned short>(sign | 0x7C00u);
    }
    if (abs < 0x38800000u) {  // subnormal or zero in half
        // The value in units of 2^-24 (the smallest half subnormal), rounded
        // to nearest even: the significand m (with its hidden bit) times
        // 2^(exponent - 126), i.e. m shifted right by 126 - exponent.
        const std::uint32_t exponent = abs >> 23;
        const std::uint32_t shift = 126u - exponent;
        if (exponent == 0 || shift > 24) return static_cast<unsigned short>(sign);  // below half of 2^-24
        const std::uint32_t significand = (abs & 0x7FFFFFu) | 0x800000u;
        std::uint32_t scaled = significand >> shift;
        const std::uint32_t rest = significand & ((1u << shift) - 1u);
        const std::uint32_t halfway = 1u << (shift - 1u);
        if (rest > halfway || (rest == halfway && (scaled & 1u) != 0)) ++scaled;
        return static_cast<unsigned short>(sign | scaled);
    }
    const std::uint32_t rounded = abs + 0xFFFu + ((abs >> 13) & 1u) - (112u << 23);
    return static_cast<unsigned short>(sign | (rounded >> 13));
}

[[nodiscard]] HIPKB_HOST_DEVICE inline float bf16_to_float(unsigned short bits) {
    return float_from_bits(static_cast<std::uint32_t>(bits) << 16);
}

[[nodiscard]] HIPKB_HOST_DEVICE inline unsigned short float_to_bf16(float value) {
    const std::uint32_t bits = float_bits(value);
    if ((bits & 0x7FFFFFFFu) > 0x7F800000u) {
        return static_cast<unsigned short>((bits >> 16) | 0x40u);  // keep NaN a NaN
    }
    const std::uint32_t rounded = bits + 0x7FFFu + ((bits >> 16) & 1u);
    return static_cast<unsigned short>(rounded >> 16);
}

}  // namespace hipkb
