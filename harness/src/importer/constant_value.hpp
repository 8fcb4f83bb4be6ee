#pragma once
// The value of a C++ integer constant expression as a HIP program writes its
// sizes: "1 << 20", "1024 * 1024", "(N + 255) / 256", "4096UL".

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hipkb::importer::detail {

// The value of a name, or nothing when it is not a constant.
using constant_lookup = std::function<std::optional<std::int64_t>(std::string_view name)>;

// Integer literals (any suffix), + - * / % << >>, parentheses, unary minus,
// casts to integer types, and names through `lookup`. Nothing when the text
// is anything else.
[[nodiscard]] std::optional<std::int64_t> constant_value(std::string_view text, const constant_lookup& lookup);

}  // namespace hipkb::importer::detail
