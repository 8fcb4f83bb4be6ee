#include <hipkb/generate/toml.hpp>

#include <fmt/core.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace hipkb::generator {

namespace {

using json = nlohmann::json;

bool is_bare_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

class toml_parser {
public:
    toml_parser(std::string_view text, std::string_view source) : m_text(text), m_source(source) {}

    json parse_document() {
        json root = json::object();
        json* table = &root;
        while (true) {
            skip_blank_lines();
            if (at_end()) break;
            if (peek() == '[') {
                table = &parse_table_header(root);
            } else {
                parse_key_value(*table);
            }
            end_of_line();
        }
        return root;
    }

private:
    [[noreturn]] void fail(std::string_view what) const {
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < m_pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw toml_error(fmt::format("{}:{}:{}: {}", m_source, line, column, what));
    }

    [[nodiscard]] bool at_end() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }
    [[nodiscard]] bool starts_with(std::string_view s) const { return m_text.substr(m_pos).starts_with(s); }

    void skip_spaces() {
        while (!at_end() && (peek() == ' ' || peek() == '\t')) ++m_pos;
    }
    void skip_comment() {
        if (peek() == '#') {
            while (!at_end() && peek() != '\n') ++m_pos;
        }
    }
    // Inside arrays, newlines and comments are whitespace.
    void skip_space_newlines_comments() {
        while (!at_end()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++m_pos;
            } else if (c == '#') {
                skip_comment();
            } else {
                break;
            }
        }
    }
    void skip_blank_lines() { skip_space_newlines_comments(); }

    void end_of_line() {
        skip_spaces();
        skip_comment();
        if (at_end()) return;
        if (peek() == '\r') ++m_pos;
        if (peek() != '\n') fail("expected the end of the line");
        ++m_pos;
    }

    std::vector<std::string> parse_key() {
        std::vector<std::string> parts;
        while (true) {
            skip_spaces();
            if (peek() == '"') {
                parts.push_back(parse_basic_string());
            } else if (peek() == '\'') {
                parts.push_back(parse_literal_string());
            } else {
                const std::size_t start = m_pos;
                while (!at_end() && is_bare_key_char(peek())) ++m_pos;
                if (m_pos == start) fail("expected a key");
                parts.emplace_back(m_text.substr(start, m_pos - start));
            }
            skip_spaces();
            if (peek() != '.') break;
            ++m_pos;
        }
        return parts;
    }

    static std::string joined(const std::vector<std::string>& parts) {
        std::string out;
        for (const auto& part : parts) {
            if (!out.empty()) out += '.';
            out += part;
        }
        return out;
    }

    // Walks (creating) the tables named by all but the last part of `parts`.
    json& descend(json& table, const std::vector<std::string>& parts, std::size_t count) {
        json* current = &table;
        for (std::size_t i = 0; i < count; ++i) {
            json& next = (*current)[parts[i]];
            if (next.is_null()) next = json::object();
            if (!next.is_object()) fail(fmt::format("key '{}' is already a value, not a table", parts[i]));
            current = &next;
        }
        return *current;
    }

    json& parse_table_header(json& root) {
        ++m_pos;  // '['
        if (peek() == '[') fail("arrays of tables ([[...]]) are not supported");
        const std::vector<std::string> parts = parse_key();
        if (peek() != ']') fail("expected ']' to close the table header");
        ++m_pos;
        const std::string name = joined(parts);
        for (const auto& seen : m_defined_tables) {
            if (seen == name) fail(fmt::format("table [{}] is defined twice", name));
        }
        m_defined_tables.push_back(name);
        return descend(root, parts, parts.size());
    }

    void parse_key_value(json& table) {
        const std::vector<std::string> parts = parse_key();
        if (peek() != '=') fail(fmt::format("expected '=' after key '{}'", joined(parts)));
        ++m_pos;
        skip_spaces();
        json& parent = descend(table, parts, parts.size() - 1);
        if (parent.contains(parts.back())) fail(fmt::format("key '{}' is defined twice", joined(parts)));
        parent[parts.back()] = parse_value();
    }

    json parse_value() {
        const char c = peek();
        if (starts_with("\"\"\"")) return parse_multiline_basic_string();
        if (starts_with("'''")) return parse_multiline_literal_string();
        if (c == '"') return parse_basic_string();
        if (c == '\'') return parse_literal_string();
        if (c == '[') return parse_array();
        if (c == '{') return parse_inline_table();
        if (starts_with("true") && !is_bare_key_char(peek(4))) {
            m_pos += 4;
            return true;
        }
        if (starts_with("false") && !is_bare_key_char(peek(5))) {
            m_pos += 5;
            return false;
        }
        return parse_number();
    }

    std::uint32_t parse_hex_escape(int digits) {
        std::uint32_t code = 0;
        for (int i = 0; i < digits; ++i) {
            const char h = peek();
            std::uint32_t v = 0;
            if (h >= '0' && h <= '9') {
                v = static_cast<std::uint32_t>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                v = static_cast<std::uint32_t>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                v = static_cast<std::uint32_t>(h - 'A' + 10);
            } else {
                fail("expected a hex digit in a unicode escape");
            }
            code = code * 16 + v;
            ++m_pos;
        }
        return code;
    }

    void parse_escape(std::string& out) {
        ++m_pos;  // backslash
        const char e = peek();
        ++m_pos;
        switch (e) {
            case 'b': out += '\b'; break;
            case 't': out += '\t'; break;
            case 'n': out += '\n'; break;
            case 'f': out += '\f'; break;
            case 'r': out += '\r'; break;
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case 'u': append_utf8(out, parse_hex_escape(4)); break;
            case 'U': append_utf8(out, parse_hex_escape(8)); break;
            default: --m_pos; fail(fmt::format("unknown escape '\\{}'", e));
        }
    }

    std::string parse_basic_string() {
        ++m_pos;  // "
        std::string out;
        while (true) {
            if (at_end() || peek() == '\n') fail("unterminated string");
            const char c = peek();
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (c == '\\') {
                parse_escape(out);
            } else {
                out += c;
                ++m_pos;
            }
        }
    }

    std::string parse_literal_string() {
        ++m_pos;  // '
        const std::size_t start = m_pos;
        while (!at_end() && peek() != '\'' && peek() != '\n') ++m_pos;
        if (peek() != '\'') fail("unterminated literal string");
        std::string out(m_text.substr(start, m_pos - start));
        ++m_pos;
        return out;
    }

    void skip_first_newline() {
        if (peek() == '\n') {
            ++m_pos;
        } else if (peek() == '\r' && peek(1) == '\n') {
            m_pos += 2;
        }
    }

    std::string parse_multiline_basic_string() {
        m_pos += 3;
        skip_first_newline();
        std::string out;
        while (true) {
            if (at_end()) fail("unterminated multi-line string");
            if (starts_with("\"\"\"")) {
                // Up to two quotes right before the closing delimiter belong to the string.
                std::size_t quotes = 0;
                while (peek(quotes) == '"') ++quotes;
                if (quotes > 5) fail("too many quotes at the end of a multi-line string");
                out.append(quotes - 3, '"');
                m_pos += quotes;
                return out;
            }
            if (peek() == '\\') {
                // A backslash at the end of a line trims the newline and the
                // whitespace that follows it.
                std::size_t look = m_pos + 1;
                while (look < m_text.size() && (m_text[look] == ' ' || m_text[look] == '\t')) ++look;
                if (look < m_text.size() && (m_text[look] == '\n' || m_text[look] == '\r')) {
                    m_pos = look;
                    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++m_pos;
                    continue;
                }
                parse_escape(out);
                continue;
            }
            out += peek();
            ++m_pos;
        }
    }

    std::string parse_multiline_literal_string() {
        m_pos += 3;
        skip_first_newline();
        const std::size_t end = m_text.find("'''", m_pos);
        if (end == std::string_view::npos) fail("unterminated multi-line literal string");
        std::string out(m_text.substr(m_pos, end - m_pos));
        m_pos = end + 3;
        while (peek() == '\'') {
            out += '\'';
            ++m_pos;
        }
        return out;
    }

    json parse_array() {
        ++m_pos;  // [
        json array = json::array();
        while (true) {
            skip_space_newlines_comments();
            if (peek() == ']') {
                ++m_pos;
                return array;
            }
            array.push_back(parse_value());
            skip_space_newlines_comments();
            if (peek() == ',') {
                ++m_pos;
            } else if (peek() != ']') {
                fail("expected ',' or ']' in an array");
            }
        }
    }

    json parse_inline_table() {
        ++m_pos;  // {
        json table = json::object();
        skip_spaces();
        if (peek() == '}') {
            ++m_pos;
            return table;
        }
        while (true) {
            parse_key_value(table);
            skip_spaces();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return table;
            }
            fail("expected ',' or '}' in an inline table");
        }
    }

    json parse_number() {
        const std::size_t start = m_pos;
        while (!at_end()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}' || c == '#') break;
            ++m_pos;
        }
        std::string token(m_text.substr(start, m_pos - start));
        if (token.empty()) {
            m_pos = start;
            fail("expected a value");
        }
        if (token.find(':') != std::string::npos ||
            (token.size() >= 10 && token[4] == '-' && token[7] == '-')) {
            m_pos = start;
            fail("dates and times are not supported");
        }
        std::string digits;
        for (const char c : token) {
            if (c != '_') digits += c;
        }
        std::string_view body = digits;
        bool negative = false;
        if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
            negative = body[0] == '-';
            body.remove_prefix(1);
        }
        if (body == "inf") return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        if (body == "nan") return std::numeric_limits<double>::quiet_NaN();
        int base = 10;
        if (body.starts_with("0x")) base = 16;
        if (body.starts_with("0o")) base = 8;
        if (body.starts_with("0b")) base = 2;
        if (base != 10) body.remove_prefix(2);
        const bool is_float = base == 10 && body.find_first_of(".eE") != std::string_view::npos;
        try {
            std::size_t used = 0;
            const std::string text(body);
            if (text.empty()) throw std::invalid_argument("empty");
            if (is_float) {
                const double value = std::stod(text, &used);
                if (used != text.size()) throw std::invalid_argument("trailing");
                return negative ? -value : value;
            }
            const long long value = std::stoll(text, &used, base);
            if (used != text.size()) throw std::invalid_argument("trailing");
            return negative ? -value : value;
        } catch (const std::exception&) {
            m_pos = start;
            fail(fmt::format("expected a value (string, number, boolean, array or table), got '{}'", token));
        }
    }

    std::string_view m_text;
    std::string_view m_source;
    std::size_t m_pos = 0;
    std::vector<std::string> m_defined_tables;
};

}  // namespace

nlohmann::json parse_toml(std::string_view text, std::string_view source) {
    toml_parser parser(text, source);
    return parser.parse_document();
}

}  // namespace hipkb::generator
