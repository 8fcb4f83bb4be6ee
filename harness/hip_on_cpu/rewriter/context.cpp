#include "context.hpp"

#include <algorithm>
#include <cstdio>

namespace hipkb::cpu_rewrite::detail {

bool context::same_unit(std::size_t anchor, std::size_t i) const {
    const token& a = tok(anchor);
    const token& t = tok(i);
    if (a.directive == no_directive) return t.directive == no_directive;
    return t.directive == a.directive && i >= unit_begin(anchor);
}

std::size_t context::unit_begin(std::size_t anchor) const {
    const token& a = tok(anchor);
    if (a.directive == no_directive) return 0;
    return scan.directives[static_cast<std::size_t>(a.directive)].body_token;
}

std::optional<std::string> context::join(std::size_t first, std::size_t last) const {
    std::string text;
    for (std::size_t i = first; i < last; ++i) {
        const token& t = tok(i);
        if (t.raw_string && t.spelling.find('\n') != std::string::npos) return std::nullopt;
        if (i > first && t.begin > tok(i - 1).end) text += ' ';
        text += t.spelling;
    }
    return text;
}

std::string context::line_padding(std::size_t begin, std::size_t end, bool in_directive) const {
    const auto newlines = std::count(source.begin() + static_cast<std::ptrdiff_t>(begin),
                                     source.begin() + static_cast<std::ptrdiff_t>(end), '\n');
    std::string padding;
    for (std::ptrdiff_t i = 0; i < newlines; ++i) padding += in_directive ? "\\\n" : "\n";
    return padding;
}

std::string context::line_directive(int line) const {
    return "#line " + std::to_string(line) + " \"" + escape_string_literal(file_name) + "\"\n";
}

std::string escape_string_literal(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7f) {
            char octal[8];
            std::snprintf(octal, sizeof octal, "\\%03o", static_cast<unsigned>(u));
            out += octal;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace hipkb::cpu_rewrite::detail
