#include <toml.hpp>

#include <fmt/core.h>
#include <toml++/toml.h>

#include <sstream>
#include <string>
#include <type_traits>

namespace hipkb::generator {

namespace {

using json = nlohmann::json;

template <typename T>
std::string rfc3339(const T& value) {
    std::ostringstream out;
    out << value;
    return std::move(out).str();
}

json to_json(const toml::node& node) {
    return node.visit([](const auto& n) -> json {
        using node_type = std::remove_cvref_t<decltype(n)>;
        if constexpr (std::is_same_v<node_type, toml::table>) {
            json object = json::object();
            for (const auto& [key, child] : n) object[std::string(key.str())] = to_json(child);
            return object;
        } else if constexpr (std::is_same_v<node_type, toml::array>) {
            json array = json::array();
            for (const auto& child : n) array.push_back(to_json(child));
            return array;
        } else if constexpr (std::is_same_v<node_type, toml::value<toml::date>> ||
                             std::is_same_v<node_type, toml::value<toml::time>> ||
                             std::is_same_v<node_type, toml::value<toml::date_time>>) {
            return rfc3339(n.get());
        } else {
            // std::string, std::int64_t, double and bool map one to one.
            return n.get();
        }
    });
}

}  // namespace

json parse_toml(std::string_view text, std::string_view source) {
    try {
        return to_json(toml::parse(text, source));
    } catch (const toml::parse_error& error) {
        const toml::source_position where = error.source().begin;
        throw toml_error(fmt::format("{}:{}:{}: {}", source, where.line, where.column, error.description()));
    }
}

}  // namespace hipkb::generator
