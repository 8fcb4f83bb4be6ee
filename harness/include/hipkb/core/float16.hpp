#pragma once
// IEEE half and bfloat16 conversions (round to nearest even), so the host
// side of the harness handles fp16/bf16 tensors without a GPU compiler.
// Header-only because goldens use them too: a golden is a plain C++ module
// that links nothing of hipkb, and it gets fp16/bf16 tensors as their raw
// 16-bit patterns (the same bytes the reference sees), converting each
// element with these functions.

#include <bit>
#include <cmath>
#include <cstdint>

namespace hipkb {

[[nodiscard]] inline float half_to_float(unsigned short bits) {
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
    return std::bit_cast<float>(out);
}

[[nodiscard]] inline unsigned short float_to_half(float value) {
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    const std::uint32_t sign = (bits >> 16) & 0x8000u;
    const std::uint32_t abs = bits & 0x7FFFFFFFu;
    if (abs >= 0x7F800000u) {  // Inf or NaN
        return static_cast<unsigned short>(sign | 0x7C00u | (abs > 0x7F800000u ? 0x200u : 0u));
    }
    if (abs >= 0x477FF000u) {  // rounds to beyond the largest half
        return static_cast<unsigned short>(sign | 0x7C00u);
    }
    if (abs < 0x38800000u) {  // subnormal or zero in half
        const float magnitude = std::bit_cast<float>(abs);
        // 2^-24 is the smallest half subnormal; rounding via float arithmetic is exact here.
        const auto scaled = static_cast<std::uint32_t>(std::nearbyint(magnitude * 16777216.0f));
        return static_cast<unsigned short>(sign | scaled);
    }
    const std::uint32_t rounded = abs + 0xFFFu + ((abs >> 13) & 1u) - (112u << 23);
    return static_cast<unsigned short>(sign | (rounded >> 13));
}

[[nodiscard]] inline float bf16_to_float(unsigned short bits) {
    return std::bit_cast<float>(static_cast<std::uint32_t>(bits) << 16);
}

[[nodiscard]] inline unsigned short float_to_bf16(float value) {
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    if ((bits & 0x7FFFFFFFu) > 0x7F800000u) {
        return static_cast<unsigned short>((bits >> 16) | 0x40u);  // keep NaN a NaN
    }
    const std::uint32_t rounded = bits + 0x7FFFu + ((bits >> 16) & 1u);
    return static_cast<unsigned short>(rounded >> 16);
}

}  // namespace hipkb
