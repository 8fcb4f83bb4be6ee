#pragma once
// The built-in prompt templates and the embedded entry-point header.

#include <optional>
#include <string_view>

namespace hipkb::generator::detail {

// The text of a built-in template ("whole_file", "function_body",
// "from_description"), in the template file format; nullopt for other names.
[[nodiscard]] std::optional<std::string_view> builtin_template(std::string_view name);

// The prompt `hipkb describe` sends, in the template file format
// (placeholders: problem, language_name, language, reference_file,
// reference_source).
[[nodiscard]] std::string_view describe_template();

// harness/include/hipkb/entry.h as it was when the library was built.
[[nodiscard]] std::string_view entry_header_text();

}  // namespace hipkb::generator::detail
