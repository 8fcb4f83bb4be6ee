#pragma once
// Element types a problem's tensors may have.

#include <hipkb/core/float16.hpp>  // the fp16/bf16 conversions

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

}  // namespace hipkb
