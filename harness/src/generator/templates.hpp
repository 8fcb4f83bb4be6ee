#pragma once
// The built-in prompt templates and the embedded entry-point header.

#include <optional>
#include <string_view>

namespace hipkb::generator::detail {

// The text of a built-in template ("whole_file", "function_body"), in the
// template file format; nullopt for other names.
[[nodiscard]] std::optional<std::string_view> builtin_template(std::string_view name);

// harness/include/hipkb/entry.h as it was when the library was built.
[[nodiscard]] std::string_view entry_header_text();

}  // namespace hipkb::generator::detail
