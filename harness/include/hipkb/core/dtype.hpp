#pragma once
// Element types a problem's tensors may have.

#include <cstddef>
#include <string>
#include <string_view>

namespace hipkb {

enum class dtype { fp32, fp16, bf16, int32, int64 };

// Throws std::invalid_argument naming the accepted spellings.
[[nodiscard]] dtype parse_dtype(std::string_view name);
[[nodiscard]] std::string_view to_string(dtype type);
[[nodiscard]] std::size_t size_of(dtype type);
[[nodiscard]] bool is_floating(dtype type);

// IEEE half and bfloat16 conversions (round to nearest even), so the host
// side of the harness handles fp16/bf16 tensors without a GPU compiler.
[[nodiscard]] float half_to_float(unsigned short bits);
[[nodiscard]] unsigned short float_to_half(float value);
[[nodiscard]] float bf16_to_float(unsigned short bits);
[[nodiscard]] unsigned short float_to_bf16(float value);

}  // namespace hipkb
