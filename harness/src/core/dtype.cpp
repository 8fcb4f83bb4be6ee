#include <hipkb/core/dtype.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace hipkb {

dtype parse_dtype(std::string_view name) {
    if (name == "fp32" || name == "float32") return dtype::fp32;
    if (name == "fp16" || name == "float16") return dtype::fp16;
    if (name == "bf16" || name == "bfloat16") return dtype::bf16;
    if (name == "int32") return dtype::int32;
    if (name == "int64") return dtype::int64;
    throw std::invalid_argument("unknown dtype '" + std::string(name) +
                                "'; expected one of fp32, fp16, bf16, int32, int64");
}

std::string_view to_string(dtype type) {
    switch (type) {
        case dtype::fp32:
            return "fp32";
        case dtype::fp16:
            return "fp16";
        case dtype::bf16:
            return "bf16";
        case dtype::int32:
            return "int32";
        case dtype::int64:
            return "int64";
    }
    return "?";
}

std::size_t size_of(dtype type) {
    switch (type) {
        case dtype::fp32:
            return 4;
        case dtype::fp16:
            return 2;
        case dtype::bf16:
            return 2;
        case dtype::int32:
            return 4;
        case dtype::int64:
            return 8;
    }
    return 0;
}

bool is_floating(dtype type) { return type == dtype::fp32 || type == dtype::fp16 || type == dtype::bf16; }

float half_to_float(unsigned short bits) {
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

unsigned short float_to_half(float value) {
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

float bf16_to_float(unsigned short bits) { return std::bit_cast<float>(static_cast<std::uint32_t>(bits) << 16); }

unsigned short float_to_bf16(float value) {
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    if ((bits & 0x7FFFFFFFu) > 0x7F800000u) {
        return static_cast<unsigned short>((bits >> 16) | 0x40u);  // keep NaN a NaN
    }
    const std::uint32_t rounded = bits + 0x7FFFu + ((bits >> 16) & 1u);
    return static_cast<unsigned short>(rounded >> 16);
}

}  // namespace hipkb
