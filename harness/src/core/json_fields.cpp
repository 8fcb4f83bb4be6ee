#include <hipkb/core/json_fields.hpp>

#include <hipkb/core/atomic_file.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <utility>
#include <vector>

namespace hipkb {

namespace {

using json = nlohmann::json;

// Where a non-finite token was replaced: from `at` (in the rewritten text)
// on, positions are `shift` bytes off from the original.
struct rewrite {
    std::size_t at;
    long shift;
};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Replaces bare NaN/Infinity tokens outside strings by null. Google Benchmark
// writes such tokens for counters that divide by zero; rejecting the whole
// file for one counter would lose every other measurement in it.
std::string replace_non_finite(std::string_view text, std::vector<rewrite>& rewrites) {
    static constexpr std::array<std::string_view, 8> tokens = {"-Infinity", "Infinity", "-NaN", "NaN",
                                                               "-nan",      "nan",      "-inf", "inf"};
    std::string out;
    out.reserve(text.size());
    bool in_string = false;
    long shift = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (in_string) {
            out.push_back(c);
            if (c == '\\' && i + 1 < text.size()) {
                out.push_back(text[i + 1]);
                i += 2;
                continue;
            }
            in_string = c != '"';
            ++i;
            continue;
        }
        if (c == '"') {
            in_string = true;
            out.push_back(c);
            ++i;
            continue;
        }
        const bool at_word_start = i == 0 || !is_word_char(text[i - 1]);
        bool replaced = false;
        if (at_word_start) {
            for (const std::string_view token : tokens) {
                const std::size_t end = i + token.size();
                if (text.substr(i, token.size()) == token && (end >= text.size() || !is_word_char(text[end]))) {
                    out += "null";
                    const long delta = static_cast<long>(token.size()) - 4;
                    if (delta != 0) {
                        shift += delta;
                        rewrites.push_back({out.size(), shift});
                    }
                    i = end;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) {
            out.push_back(c);
            ++i;
        }
    }
    return out;
}

std::size_t original_position(std::size_t position, const std::vector<rewrite>& rewrites) {
    long shift = 0;
    for (const rewrite& r : rewrites) {
        if (r.at > position) {
            break;
        }
        shift = r.shift;
    }
    const long mapped = static_cast<long>(position) + shift;
    return mapped < 0 ? 0 : static_cast<std::size_t>(mapped);
}

// The part of nlohmann's message after its "[json.exception...] parse error
// at line L, column C: " prefix; we print our own location.
std::string short_reason(const std::string& what) {
    const std::size_t syntax = what.find("syntax error");
    if (syntax != std::string::npos) {
        return what.substr(syntax);
    }
    const std::size_t colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

[[noreturn]] void throw_parse_error(std::string_view text, const std::string& source, const json::parse_error& error,
                                    const std::vector<rewrite>& rewrites) {
    // `byte` counts from 1 and points at the last character read.
    const std::size_t read = error.byte == 0 ? 0 : original_position(error.byte - 1, rewrites);
    const std::size_t position = std::min(read, text.size());
    const std::size_t line =
        1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(position), '\n'));
    const std::size_t line_start = text.rfind('\n', position == 0 ? 0 : position - 1);
    const std::size_t column =
        line_start == std::string_view::npos || position == 0 ? position + 1 : position - line_start;
    std::string message = fmt::format("{}:{}:{}: not valid JSON: {}", source, line, column, short_reason(error.what()));
    const bool hit_end =
        error.byte >= text.size() || short_reason(error.what()).find("end of input") != std::string::npos;
    if (hit_end) {
        message += " (the file ends early: is it truncated?)";
    }
    throw json_input_error(message);
}

}  // namespace

json parse_json_text(std::string_view text, const std::string& source, bool allow_non_finite) {
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; })) {
        throw json_input_error(fmt::format("{}: the file is empty; expected a JSON document", source));
    }
    try {
        return json::parse(text);
    } catch (const json::parse_error& error) {
        if (!allow_non_finite) {
            throw_parse_error(text, source, error, {});
        }
    }
    std::vector<rewrite> rewrites;
    const std::string cleaned = replace_non_finite(text, rewrites);
    try {
        return json::parse(cleaned);
    } catch (const json::parse_error& error) {
        throw_parse_error(text, source, error, rewrites);
    }
}

json read_json_file(const std::filesystem::path& file, bool allow_non_finite) {
    std::string text;
    try {
        text = hipkb::read_file(file);
    } catch (const std::exception& error) {
        throw json_input_error(error.what());
    }
    return parse_json_text(text, file.string(), allow_non_finite);
}

json_place json_place::key(std::string_view name) const {
    return {source, path.empty() ? std::string(name) : fmt::format("{}.{}", path, name)};
}

json_place json_place::index(std::size_t i) const { return {source, fmt::format("{}[{}]", path, i)}; }

std::string json_place::describe() const { return path.empty() ? source : fmt::format("{}: {}", source, path); }

std::string kind_of(const json& value) {
    switch (value.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        case json::value_t::string:
            return fmt::format("the string \"{}\"", value.get<std::string>());
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return fmt::format("the number {}", value.dump());
        case json::value_t::object:
            return "an object";
        case json::value_t::array:
            return "an array";
        default:
            return "a value of another kind";
    }
}

void throw_expected(const json_place& place, std::string_view what, const json& got) {
    throw json_input_error(fmt::format("{}: expected {}, got {}", place.describe(), what, kind_of(got)));
}

std::string_view describe_kind(json_kind kind) {
    switch (kind) {
        case json_kind::string:
            return "a string";
        case json_kind::number:
            return "a number";
        case json_kind::integer:
            return "an integer";
        case json_kind::boolean:
            return "true or false";
        case json_kind::array:
            return "an array";
        case json_kind::object:
            return "an object";
    }
    return "a value";
}

namespace {

// The integer a value holds, also when written as an integral float.
std::optional<long long> integer_in(const json& value) {
    if (value.is_number_integer()) return value.get<long long>();
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (std::isfinite(d) && std::fabs(d) < 9.0e18 && d == std::floor(d)) return static_cast<long long>(d);
    }
    return std::nullopt;
}

// The field, or nullptr when it is absent or null.
const json* present(const json& object, std::string_view key) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        return nullptr;
    }
    return &*found;
}

// The field when present and of `kind`; nullptr when absent or null.
const json* optional_field(const json& object, std::string_view key, json_kind kind, const json_place& place) {
    const json* value = present(object, key);
    if (value != nullptr && !has_kind(*value, kind)) throw_expected(place.key(key), describe_kind(kind), *value);
    return value;
}

}  // namespace

bool has_kind(const json& value, json_kind kind) {
    switch (kind) {
        case json_kind::string:
            return value.is_string();
        case json_kind::number:
            return value.is_number();
        case json_kind::integer:
            return integer_in(value).has_value();
        case json_kind::boolean:
            return value.is_boolean();
        case json_kind::array:
            return value.is_array();
        case json_kind::object:
            return value.is_object();
    }
    return false;
}

const json& required_field(const json& object, std::string_view key, json_kind kind, const json_place& place,
                           json_null null) {
    const bool null_allowed = null == json_null::allowed;
    const std::string what = fmt::format("{}{}", describe_kind(kind), null_allowed ? " or null" : "");
    const auto found = object.find(key);
    if (found == object.end()) {
        throw json_input_error(fmt::format("{}: missing field \"{}\" ({})", place.describe(), key, what));
    }
    if (!(found->is_null() && null_allowed) && !has_kind(*found, kind)) throw_expected(place.key(key), what, *found);
    return *found;
}

std::string required_string(const json& object, std::string_view key, const json_place& place) {
    return required_field(object, key, json_kind::string, place).get<std::string>();
}

double required_number(const json& object, std::string_view key, const json_place& place) {
    return required_field(object, key, json_kind::number, place).get<double>();
}

long long required_integer(const json& object, std::string_view key, const json_place& place) {
    return *integer_in(required_field(object, key, json_kind::integer, place));
}

const json& required_array(const json& object, std::string_view key, const json_place& place) {
    return required_field(object, key, json_kind::array, place);
}

const json& required_object(const json& object, std::string_view key, const json_place& place) {
    return required_field(object, key, json_kind::object, place);
}

std::optional<std::string> optional_string(const json& object, std::string_view key, const json_place& place) {
    const json* value = optional_field(object, key, json_kind::string, place);
    return value ? std::optional(value->get<std::string>()) : std::nullopt;
}

std::optional<double> optional_number(const json& object, std::string_view key, const json_place& place) {
    const json* value = optional_field(object, key, json_kind::number, place);
    return value ? std::optional(value->get<double>()) : std::nullopt;
}

std::optional<long long> optional_integer(const json& object, std::string_view key, const json_place& place) {
    const json* value = optional_field(object, key, json_kind::integer, place);
    return value ? integer_in(*value) : std::nullopt;
}

std::optional<bool> optional_bool(const json& object, std::string_view key, const json_place& place) {
    const json* value = optional_field(object, key, json_kind::boolean, place);
    return value ? std::optional(value->get<bool>()) : std::nullopt;
}

}  // namespace hipkb
