#pragma once
// How numbers and text are shown in every report format, in one place so
// that the terminal, Markdown and HTML reports agree.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace hipkb::report::detail {

// 1234.5 -> "1.23 us"; three significant digits in the largest unit >= 1.
[[nodiscard]] std::string format_time_ns(double ns);
// 0.1234 -> "12.3%".
[[nodiscard]] std::string format_fraction(double fraction);
// 0.052 -> "+5.2%" (a relative change).
[[nodiscard]] std::string format_change(double change);
// 1.2345 -> "1.23x".
[[nodiscard]] std::string format_speedup(double speedup);
// 3.4e12 -> "3.40 T" (for FLOP/s and bytes/s).
[[nodiscard]] std::string format_rate(double per_second);
// 0.01234 -> "0.0123"; tiny p-values in scientific notation.
[[nodiscard]] std::string format_p_value(double p);

// The same for JSON fields that may be null or absent: "-" then.
[[nodiscard]] std::string time_or_dash(const nlohmann::json& value);
[[nodiscard]] std::string speedup_or_dash(const nlohmann::json& value);
[[nodiscard]] std::string fraction_or_dash(const nlohmann::json& value);

// A string field, or `fallback` when absent, null or not a string.
[[nodiscard]] std::string text_of(const nlohmann::json& object, const char* key, std::string_view fallback = "");

// Escaping for the output formats.
[[nodiscard]] std::string html_escape(std::string_view text);
// Makes text safe inside a Markdown table cell: no "|" splits, no line breaks.
[[nodiscard]] std::string markdown_cell(std::string_view text);

// The current time, UTC, as 2024-05-01T12:00:00Z.
[[nodiscard]] std::string utc_now();

// `text` with every byte that is not part of valid UTF-8 replaced by '?'
// (compiler logs may hold anything; JSON output must be UTF-8).
[[nodiscard]] std::string valid_utf8(std::string_view text);

// Display width in a terminal: UTF-8 code points.
[[nodiscard]] std::size_t display_width(std::string_view text);

}  // namespace hipkb::report::detail
