#pragma once
// Reading JSON files so that every failure names the file and the place:
// "results/x.json:12:7: ..." for syntax errors, "results/x.json:
// benchmarks[3].real_time: expected a number, got a string" for fields.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hipkb::report::detail {

// Parses `text`; `source` names it in errors. Throws input_error with
// "source:line:column: ..." and a hint when the text looks truncated.
// With `allow_non_finite`, the bare tokens NaN, Infinity and inf that some
// writers (Google Benchmark among them) emit for non-finite numbers are read
// as null instead of failing the whole file.
[[nodiscard]] nlohmann::json parse_json_text(std::string_view text, const std::string& source,
                                             bool allow_non_finite = false);

// Reads and parses a file (see parse_json_text).
[[nodiscard]] nlohmann::json read_json_file(const std::filesystem::path& file, bool allow_non_finite = false);

// A place inside a JSON document, for error messages: the source file and a
// path such as "benchmarks[3]".
struct json_place {
    std::string source;
    std::string path;

    [[nodiscard]] json_place key(std::string_view name) const;
    [[nodiscard]] json_place index(std::size_t i) const;
    [[nodiscard]] std::string describe() const;
};

// "a string", "a number", "null", ...: what a value is, for error messages.
[[nodiscard]] std::string kind_of(const nlohmann::json& value);

// Throws input_error "<source>: <path>: expected <what>, got <kind>".
[[noreturn]] void throw_expected(const json_place& place, std::string_view what, const nlohmann::json& got);

// Typed optional fields of an object: absent or null gives nullopt; a value
// of another type throws input_error naming the place.
[[nodiscard]] std::optional<std::string> optional_string(const nlohmann::json& object, std::string_view key,
                                                         const json_place& place);
[[nodiscard]] std::optional<double> optional_number(const nlohmann::json& object, std::string_view key,
                                                    const json_place& place);
[[nodiscard]] std::optional<long long> optional_integer(const nlohmann::json& object, std::string_view key,
                                                        const json_place& place);
[[nodiscard]] std::optional<bool> optional_bool(const nlohmann::json& object, std::string_view key,
                                                const json_place& place);

}  // namespace hipkb::report::detail
