#include "scan.hpp"

#include <algorithm>
#include <array>

namespace hipkb::cpu_rewrite::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

bool is_hspace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

bool is_encoding_prefix(std::string_view s) { return s == "u8" || s == "u" || s == "U" || s == "L"; }

bool is_raw_prefix(std::string_view s) { return s == "R" || s == "u8R" || s == "uR" || s == "UR" || s == "LR"; }

bool is_raw_delimiter_char(char c) {
    return c != ' ' && c != '(' && c != ')' && c != '\\' && c != '\t' && c != '\v' && c != '\f' && c != '\n' &&
           c != '\r' && c != '"';
}

constexpr auto punct3 = std::to_array<std::string_view>({"<=>", "<<=", ">>=", "->*", "..."});
constexpr auto punct2 =
    std::to_array<std::string_view>({"::", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&",
                                     "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##", ".*"});

// A token being read: `pos` is the next logical character (never the start of
// a splice), `end` one past the last character taken.
struct cursor {
    std::size_t pos;
    std::size_t end;
    std::string text;
};

class lexer {
public:
    explicit lexer(std::string_view source) : src_(source) {
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < src_.size(); ++i) {
            if (src_[i] == '\n') line_starts_.push_back(i + 1);
        }
    }

    scan_result run() {
        std::size_t p = 0;
        while (true) {
            p = skip_splices(p);
            if (p >= src_.size()) break;
            const char c = src_[p];
            if (c == '\n') {
                end_directive(p);
                at_line_start_ = true;
                ++p;
            } else if (is_hspace(c)) {
                ++p;
            } else if (c == '/' && at(next(p)) == '/') {
                p = line_comment(p);
            } else if (c == '/' && at(next(p)) == '*') {
                p = block_comment(p);
            } else {
                p = lex_token(p);
            }
        }
        end_directive(src_.size());
        find_define_bodies();
        return std::move(out_);
    }

private:
    std::string_view src_;
    std::vector<std::size_t> line_starts_;
    scan_result out_;
    int directive_ = no_directive;
    bool at_line_start_ = true;

    char at(std::size_t p) const { return p < src_.size() ? src_[p] : '\0'; }

    // Length of a backslash-newline splice starting at p (GCC and Clang also
    // accept horizontal space between the two), 0 when there is none.
    std::size_t splice_length(std::size_t p) const {
        if (at(p) != '\\') return 0;
        std::size_t q = p + 1;
        while (q < src_.size() && is_hspace(src_[q])) ++q;
        return at(q) == '\n' ? q + 1 - p : 0;
    }

    std::size_t skip_splices(std::size_t p) const {
        while (const std::size_t n = splice_length(p)) p += n;
        return p;
    }

    std::size_t next(std::size_t p) const { return skip_splices(p + 1); }

    int line_of(std::size_t p) const {
        const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), p);
        return static_cast<int>(it - line_starts_.begin());
    }

    char peek(const cursor& c, int ahead) const {
        std::size_t p = c.pos;
        for (int i = 0; i < ahead && p < src_.size(); ++i) p = next(p);
        return at(p);
    }

    void take(cursor& c) const {
        c.text += src_[c.pos];
        c.end = c.pos + 1;
        c.pos = skip_splices(c.pos + 1);
    }

    std::size_t line_comment(std::size_t p) {
        std::size_t q = p;
        while (true) {
            q = skip_splices(q);
            if (q >= src_.size() || src_[q] == '\n') break;
            ++q;
        }
        out_.comments.push_back({p, q});
        return q;
    }

    std::size_t block_comment(std::size_t p) {
        std::size_t q = next(next(p));
        std::size_t end = src_.size();
        while (true) {
            q = skip_splices(q);
            if (q >= src_.size()) break;
            if (src_[q] == '*' && at(next(q)) == '/') {
                end = next(q) + 1;
                break;
            }
            ++q;
        }
        out_.comments.push_back({p, end});
        return end;
    }

    void end_directive(std::size_t p) {
        if (directive_ == no_directive) return;
        auto& d = out_.directives[static_cast<std::size_t>(directive_)];
        d.end = p;
        d.end_token = out_.tokens.size();
        directive_ = no_directive;
    }

    void ud_suffix(cursor& c) const {
        if (c.pos < src_.size() && is_ident_start(src_[c.pos])) {
            while (c.pos < src_.size() && is_ident_char(src_[c.pos])) take(c);
        }
    }

    // An ordinary string or character literal from its opening quote; an
    // unterminated one stops at the end of the line.
    void lex_quoted(cursor& c, char quote) const {
        take(c);
        while (c.pos < src_.size() && src_[c.pos] != '\n') {
            const char x = src_[c.pos];
            take(c);
            if (x == '\\') {
                if (c.pos < src_.size() && src_[c.pos] != '\n') take(c);
            } else if (x == quote) {
                ud_suffix(c);
                return;
            }
        }
    }

    // A raw string from its opening quote: no splices and no escapes inside.
    // Returns false (and reads nothing) when the delimiter is malformed.
    bool lex_raw(cursor& c) const {
        std::size_t q = c.pos + 1;
        std::string delimiter;
        while (q < src_.size() && delimiter.size() <= 16 && is_raw_delimiter_char(src_[q])) delimiter += src_[q++];
        if (at(q) != '(' || delimiter.size() > 16) return false;
        const std::string close = ")" + delimiter + "\"";
        const std::size_t found = src_.find(close, q + 1);
        const std::size_t stop = found == std::string_view::npos ? src_.size() : found + close.size();
        c.text.append(src_.substr(c.pos, stop - c.pos));
        c.end = stop;
        c.pos = skip_splices(stop);
        ud_suffix(c);
        return true;
    }

    void lex_number(cursor& c) const {
        take(c);
        while (c.pos < src_.size()) {
            const char x = src_[c.pos];
            if (is_ident_char(x) || x == '.') {
                take(c);
                const char sign = at(c.pos);
                if ((x == 'e' || x == 'E' || x == 'p' || x == 'P') && (sign == '+' || sign == '-')) take(c);
            } else if (x == '\'' && is_ident_char(peek(c, 1))) {
                take(c);
                take(c);
            } else {
                break;
            }
        }
    }

    void lex_header_name(cursor& c) const {
        take(c);
        while (c.pos < src_.size() && src_[c.pos] != '\n') {
            const char x = src_[c.pos];
            take(c);
            if (x == '>') return;
        }
    }

    void lex_punct(cursor& c) const {
        std::array<char, 4> ahead{};
        for (int i = 0; i < 4; ++i) ahead[static_cast<std::size_t>(i)] = peek(c, i);
        int length = 1;
        if (ahead[0] == '>' && ahead[1] == '>' && ahead[2] == '>') {
            // ">>>>" reads as ">" ">>>": a template argument list closed
            // right before the launch chevrons.
            length = ahead[3] == '>' ? 1 : 3;
        } else if (ahead[0] == '<' && ahead[1] == '<' && ahead[2] == '<') {
            length = 3;
        } else {
            const std::string_view three(ahead.data(), 3);
            const std::string_view two(ahead.data(), 2);
            if (std::find(punct3.begin(), punct3.end(), three) != punct3.end()) {
                length = 3;
            } else if (std::find(punct2.begin(), punct2.end(), two) != punct2.end()) {
                length = 2;
            }
        }
        for (int i = 0; i < length; ++i) take(c);
    }

    bool header_name_expected() const {
        if (directive_ == no_directive) return false;
        const auto& d = out_.directives[static_cast<std::size_t>(directive_)];
        return out_.tokens.size() == d.first_token + 2 &&
               (d.name == "include" || d.name == "include_next" || d.name == "import");
    }

    std::size_t lex_token(std::size_t p) {
        cursor c{p, p, {}};
        token_kind kind = token_kind::punct;
        bool raw = false;
        const char ch = src_[p];
        if (is_ident_start(ch)) {
            while (c.pos < src_.size() && is_ident_char(src_[c.pos])) take(c);
            const char after = at(c.pos);
            kind = token_kind::identifier;
            if (after == '"' && is_raw_prefix(c.text) && lex_raw(c)) {
                kind = token_kind::string;
                raw = true;
            } else if ((after == '"' && (is_encoding_prefix(c.text) || is_raw_prefix(c.text))) ||
                       (after == '\'' && is_encoding_prefix(c.text))) {
                kind = after == '"' ? token_kind::string : token_kind::character;
                lex_quoted(c, after);
            }
        } else if (is_digit(ch) || (ch == '.' && is_digit(peek(c, 1)))) {
            kind = token_kind::number;
            lex_number(c);
        } else if (ch == '"' || ch == '\'') {
            kind = ch == '"' ? token_kind::string : token_kind::character;
            lex_quoted(c, ch);
        } else if (ch == '<' && header_name_expected()) {
            kind = token_kind::header_name;
            lex_header_name(c);
        } else if (ch == '\\' || ch == '`' || ch == '@' || static_cast<unsigned char>(ch) < 0x20) {
            kind = token_kind::other;
            take(c);
        } else {
            lex_punct(c);
        }

        if (at_line_start_ && c.text == "#" && directive_ == no_directive) {
            directive_ = static_cast<int>(out_.directives.size());
            directive_info d;
            d.begin = p;
            d.first_token = out_.tokens.size();
            out_.directives.push_back(d);
        } else if (directive_ != no_directive && kind == token_kind::identifier) {
            auto& d = out_.directives[static_cast<std::size_t>(directive_)];
            if (out_.tokens.size() == d.first_token + 1) d.name = c.text;
        }
        at_line_start_ = false;
        out_.tokens.push_back(token{kind, p, c.end, line_of(p), directive_, std::move(c.text), raw});
        return c.pos;
    }

    void find_define_bodies() {
        auto& tokens = out_.tokens;
        for (auto& d : out_.directives) {
            d.body_token = d.end_token;
            if (d.name != "define") continue;
            const std::size_t name = d.first_token + 2;
            if (name >= d.end_token) continue;
            std::size_t body = name + 1;
            if (body < d.end_token && tokens[body].spelling == "(" && tokens[body].begin == tokens[name].end) {
                while (body < d.end_token && tokens[body].spelling != ")") ++body;
                if (body < d.end_token) ++body;
            }
            d.body_token = body;
        }
    }
};

constexpr auto keywords = std::to_array<std::string_view>({
    "alignas",     "alignof",   "and",        "and_eq",    "asm",      "auto",         "bitand",
    "bitor",       "bool",      "break",      "case",      "catch",    "char",         "char8_t",
    "char16_t",    "char32_t",  "class",      "compl",     "concept",  "const",        "consteval",
    "constexpr",   "constinit", "const_cast", "continue",  "co_await", "co_return",    "co_yield",
    "decltype",    "default",   "delete",     "do",        "double",   "dynamic_cast", "else",
    "enum",        "explicit",  "export",     "extern",    "false",    "float",        "for",
    "friend",      "goto",      "if",         "inline",    "int",      "long",         "mutable",
    "namespace",   "new",       "noexcept",   "not",       "not_eq",   "nullptr",      "operator",
    "or",          "or_eq",     "private",    "protected", "public",   "register",     "reinterpret_cast",
    "requires",    "return",    "short",      "signed",    "sizeof",   "static",       "static_assert",
    "static_cast", "struct",    "switch",     "template",  "this",     "thread_local", "throw",
    "true",        "try",       "typedef",    "typeid",    "typename", "union",        "unsigned",
    "using",       "virtual",   "void",       "volatile",  "wchar_t",  "while",        "xor",
    "xor_eq",
});

}  // namespace

scan_result scan_source(std::string_view source) { return lexer(source).run(); }

bool is_keyword(std::string_view text) { return std::find(keywords.begin(), keywords.end(), text) != keywords.end(); }

}  // namespace hipkb::cpu_rewrite::detail
