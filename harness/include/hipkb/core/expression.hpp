#pragma once
// Integer expressions over named dims, as used in spec shapes, flops and bytes.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace hipkb {

using dim_values = std::map<std::string, std::int64_t, std::less<>>;

// Evaluates `+ - * /` (integer division), unary minus, parentheses, integer
// literals and dim names. Throws std::invalid_argument naming the expression
// and the position of the problem (unknown name, division by zero, syntax).
[[nodiscard]] std::int64_t evaluate(std::string_view expression, const dim_values& dims);

}  // namespace hipkb
