#include <hipkb/generator/kernel_source.hpp>

#include <fmt/core.h>

#include <cctype>
#include <optional>
#include <stdexcept>

namespace hipkb::generator {

namespace {

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// A cursor over C++ source that steps over comments and literals, so braces
// and names inside them are never mistaken for code.
class code_scanner {
public:
    explicit code_scanner(std::string_view text) : m_text(text) {}

    [[nodiscard]] std::size_t position() const { return m_pos; }
    void seek(std::size_t pos) { m_pos = pos; }
    [[nodiscard]] bool at_end() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char current() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    // Moves past any comments, literals and whitespace at the cursor.
    void skip_trivia() {
        while (!at_end()) {
            const std::size_t before = m_pos;
            skip_one_trivia();
            if (m_pos == before) return;
        }
    }

    // Advances by one code character, or past one comment/literal.
    void advance() {
        const std::size_t before = m_pos;
        skip_one_trivia();
        if (m_pos == before) ++m_pos;
    }

    // Reads an identifier at the cursor (empty when there is none).
    std::string_view identifier() {
        const std::size_t start = m_pos;
        if (!at_end() && (std::isalpha(static_cast<unsigned char>(current())) != 0 || current() == '_')) {
            while (!at_end() && is_identifier_char(current())) ++m_pos;
        }
        return m_text.substr(start, m_pos - start);
    }

    // With the cursor on `open`, moves just past the matching `close`.
    // Returns false when the text ends first.
    bool skip_balanced(char open, char close) {
        int depth = 0;
        while (!at_end()) {
            skip_trivia();
            if (at_end()) break;
            const char c = current();
            ++m_pos;
            if (c == open) {
                ++depth;
            } else if (c == close && --depth == 0) {
                return true;
            }
        }
        return false;
    }

private:
    void skip_one_trivia() {
        const char c = current();
        const char next = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : '\0';
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            ++m_pos;
        } else if (c == '/' && next == '/') {
            while (!at_end() && current() != '\n') ++m_pos;
        } else if (c == '/' && next == '*') {
            const std::size_t end = m_text.find("*/", m_pos + 2);
            m_pos = end == std::string_view::npos ? m_text.size() : end + 2;
        } else if (c == 'R' && next == '"' && (m_pos == 0 || !is_identifier_char(m_text[m_pos - 1]))) {
            skip_raw_string();
        } else if (c == '"' || c == '\'') {
            skip_quoted(c);
        } else if (c == '#' && at_line_start()) {
            // Preprocessor lines (with continuations) are not code to scan.
            while (!at_end() && current() != '\n') {
                if (current() == '\\' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') ++m_pos;
                ++m_pos;
            }
        }
    }

    [[nodiscard]] bool at_line_start() const {
        std::size_t i = m_pos;
        while (i > 0 && (m_text[i - 1] == ' ' || m_text[i - 1] == '\t')) --i;
        return i == 0 || m_text[i - 1] == '\n';
    }

    void skip_quoted(char quote) {
        ++m_pos;
        while (!at_end() && current() != quote && current() != '\n') {
            if (current() == '\\') ++m_pos;
            ++m_pos;
        }
        if (!at_end()) ++m_pos;
    }

    void skip_raw_string() {
        const std::size_t open_paren = m_text.find('(', m_pos + 2);
        if (open_paren == std::string_view::npos) {
            m_pos = m_text.size();
            return;
        }
        const std::string closing = fmt::format("){}\"", m_text.substr(m_pos + 2, open_paren - m_pos - 2));
        const std::size_t end = m_text.find(closing, open_paren + 1);
        m_pos = end == std::string_view::npos ? m_text.size() : end + closing.size();
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// With the scanner just past a function name, checks for "( params ) ... {"
// and returns the body's location; nullopt for a call or a declaration.
std::optional<function_location> definition_after_name(code_scanner& scan, std::string_view name) {
    scan.skip_trivia();
    if (scan.current() != '(') return std::nullopt;
    if (!scan.skip_balanced('(', ')')) return std::nullopt;
    // Between ')' and '{' only qualifiers and attributes may stand.
    while (true) {
        scan.skip_trivia();
        const char c = scan.current();
        if (c == '{') break;
        if (c == ';' || c == ',' || c == ')' || c == '=' || c == '\0' || c == '}') return std::nullopt;
        if (c == '(') {
            if (!scan.skip_balanced('(', ')')) return std::nullopt;
        } else if (c == '[') {
            if (!scan.skip_balanced('[', ']')) return std::nullopt;
        } else {
            if (scan.identifier().empty()) scan.advance();
        }
    }
    const std::size_t open = scan.position();
    if (!scan.skip_balanced('{', '}')) return std::nullopt;
    return function_location{std::string(name), open + 1, scan.position() - 1};
}

std::optional<function_location> find_named(std::string_view source, std::string_view name) {
    code_scanner scan(source);
    while (!scan.at_end()) {
        scan.skip_trivia();
        const std::string_view word = scan.identifier();
        if (word.empty()) {
            scan.advance();
            continue;
        }
        if (word != name) continue;
        const std::size_t after = scan.position();
        if (auto found = definition_after_name(scan, name)) return found;
        scan.seek(after);
    }
    return std::nullopt;
}

std::optional<function_location> find_first_global(std::string_view source) {
    code_scanner scan(source);
    bool seen_global = false;
    std::string_view last_word;
    while (!scan.at_end()) {
        scan.skip_trivia();
        const char c = scan.current();
        if (c == '(' && (last_word == "__launch_bounds__" || last_word == "__attribute__" || last_word == "alignas")) {
            if (!scan.skip_balanced('(', ')')) break;
            last_word = {};
            continue;
        }
        if (seen_global && c == '(' && !last_word.empty()) {
            const std::size_t at = scan.position();
            if (auto found = definition_after_name(scan, last_word)) return found;
            scan.seek(at);
            if (!scan.skip_balanced('(', ')')) break;
            continue;
        }
        if (c == ';' || c == '{' || c == '}') seen_global = false;
        const std::string_view word = scan.identifier();
        if (word.empty()) {
            scan.advance();
            continue;
        }
        if (word == "__global__") seen_global = true;
        last_word = word;
    }
    return std::nullopt;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
    return s;
}

}  // namespace

function_location find_function(std::string_view source, std::string_view name, std::string_view source_name) {
    if (name.empty()) {
        if (auto found = find_first_global(source)) return *found;
        throw std::invalid_argument(fmt::format(
            "{}: no __global__ function defined; name the function to rewrite with the 'kernel' setting (--kernel)",
            source_name));
    }
    if (auto found = find_named(source, name)) return *found;
    throw std::invalid_argument(
        fmt::format("{}: no definition of function '{}' (the 'kernel' setting)", source_name, name));
}

std::string replace_body(std::string_view source, const function_location& where, std::string_view new_body) {
    std::string out;
    out.reserve(source.size() + new_body.size());
    out.append(source.substr(0, where.body_begin));
    // Drop blank lines around the new body but keep its first line's indent.
    std::string_view body = new_body;
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back())) != 0) body.remove_suffix(1);
    const std::size_t first_line = body.find_first_not_of(" \t\r\n");
    const std::size_t line_start = first_line == std::string_view::npos ? body.size() : body.rfind('\n', first_line);
    body.remove_prefix(line_start == std::string_view::npos ? 0 : line_start + 1);
    out += '\n';
    out.append(body);
    out += '\n';
    out.append(source.substr(where.body_end));
    return out;
}

std::string body_from_answer(std::string_view code, std::string_view name) {
    if (!name.empty()) {
        if (auto found = find_named(code, name)) {
            return std::string(code.substr(found->body_begin, found->body_end - found->body_begin));
        }
    }
    const std::string_view trimmed = trim(code);
    if (trimmed.size() >= 2 && trimmed.front() == '{' && trimmed.back() == '}') {
        code_scanner scan(trimmed);
        if (scan.skip_balanced('{', '}') && scan.position() == trimmed.size()) {
            return std::string(trimmed.substr(1, trimmed.size() - 2));
        }
    }
    return std::string(code);
}

}  // namespace hipkb::generator
