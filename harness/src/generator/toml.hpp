#pragma once
// TOML generator configs, read into JSON so that JSON and TOML configs go
// through one validation path. Parsing is toml++ (full TOML 1.0); this is
// only the conversion: tables become objects, arrays (and arrays of tables)
// become arrays, integers stay integers, floats (inf and nan included) stay
// floats, and dates, times and date-times become their RFC 3339 text
// ("1979-05-27T07:32:00Z"), since JSON has no such type.

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
