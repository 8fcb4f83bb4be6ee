#pragma once
// The one reader of JSON input (spec files, generator configs, result files):
// every failure names the file and the place, "results/x.json:12:7: ..." for
// syntax errors and "results/x.json: benchmarks[3].real_time: expected a
// number, got the string \"fast\"" for fields. Callers that promise their own
// error type (spec_error, settings_error) catch json_input_error and rethrow
// its message.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hipkb {

// Bad JSON input: text that is not JSON, or a field that is missing or of the
// wrong kind. The message names the file, the place and what was expected.
class json_input_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses `text`; `source` names it in errors. Throws json_input_error with
// "source:line:column: ..." and a hint when the text looks truncated.
// With `allow_non_finite`, the bare tokens NaN, Infinity and inf that some
// writers (Google Benchmark among them) emit for non-finite numbers are read
// as null instead of failing the whole file.
[[nodiscard]] nlohmann::json parse_json_text(std::string_view text, const std::string& source,
                                             bool allow_non_finite = false);

// Reads and parses a file (see parse_json_text).
[[nodiscard]] nlohmann::json read_json_file(const std::filesystem::path& file, bool allow_non_finite = false);

// A place inside a JSON document, for error messages: the source file and a
// path such as "benchmarks[3].name".
struct json_place {
    std::string source;
    std::string path;

    [[nodiscard]] json_place key(std::string_view name) const;
    [[nodiscard]] json_place index(std::size_t i) const;
    // "source: path", or just "source" at the top of the document.
    [[nodiscard]] std::string describe() const;
};

// "a string", "the number 3", "null", ...: what a value is, for error messages.
[[nodiscard]] std::string kind_of(const nlohmann::json& value);

// Throws json_input_error "<source>: <path>: expected <what>, got <kind>".
[[noreturn]] void throw_expected(const json_place& place, std::string_view what, const nlohmann::json& got);

// The kinds a field can be required to have. An integer may be written as an
// integral float (3.0): some writers print counts that way.
enum class json_kind { string, number, integer, boolean, array, object };

// "a string", "an integer", "true or false", ...
[[nodiscard]] std::string_view describe_kind(json_kind kind);

[[nodiscard]] bool has_kind(const nlohmann::json& value, json_kind kind);

// Whether a required field may hold null instead of a value of its kind.
enum class json_null { rejected, allowed };

// The field `key` of `object`, which must be there and of `kind` (or null,
// when allowed). Throws json_input_error naming the place otherwise:
// "<place>: missing field \"key\" (a string)" or, through throw_expected,
// "<place>.key: expected a string, got the number 3".
const nlohmann::json& required_field(const nlohmann::json& object, std::string_view key, json_kind kind,
                                     const json_place& place, json_null null = json_null::rejected);

// Typed required fields (see required_field).
[[nodiscard]] std::string required_string(const nlohmann::json& object, std::string_view key, const json_place& place);
[[nodiscard]] double required_number(const nlohmann::json& object, std::string_view key, const json_place& place);
[[nodiscard]] long long required_integer(const nlohmann::json& object, std::string_view key, const json_place& place);
const nlohmann::json& required_array(const nlohmann::json& object, std::string_view key, const json_place& place);
const nlohmann::json& required_object(const nlohmann::json& object, std::string_view key, const json_place& place);

// Typed optional fields of an object: absent or null gives nullopt; a value
// of another kind throws json_input_error naming the place.
[[nodiscard]] std::optional<std::string> optional_string(const nlohmann::json& object, std::string_view key,
                                                         const json_place& place);
[[nodiscard]] std::optional<double> optional_number(const nlohmann::json& object, std::string_view key,
                                                    const json_place& place);
[[nodiscard]] std::optional<long long> optional_integer(const nlohmann::json& object, std::string_view key,
                                                        const json_place& place);
[[nodiscard]] std::optional<bool> optional_bool(const nlohmann::json& object, std::string_view key,
                                                const json_place& place);

}  // namespace hipkb
