#pragma once
// The part of TOML a generator config needs, read into JSON so that JSON and
// TOML configs go through one validation path.
//
// Supported: comments, [table] and [a.b] headers, bare/quoted/dotted keys,
// basic and literal strings (single- and multi-line), integers (with _,
// 0x/0o/0b), floats (inf, nan), booleans, arrays (multi-line, trailing comma)
// and inline tables. Not supported (an error says so): dates and times, and
// arrays of tables ([[x]]).

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string_view>

namespace hipkb::generator {

class toml_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses `text`; `source` names it in errors ("gen.toml:3:7: ...").
[[nodiscard]] nlohmann::json parse_toml(std::string_view text, std::string_view source);

}  // namespace hipkb::generator
