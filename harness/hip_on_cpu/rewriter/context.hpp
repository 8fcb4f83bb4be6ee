// What the rewrite passes share: the scanned source, the scopes, and the
// edits and errors they collect; plus the helpers that turn source ranges
// into replacement text without moving any later line.
#ifndef HIPKB_CPU_REWRITE_CONTEXT_HPP
#define HIPKB_CPU_REWRITE_CONTEXT_HPP

#include "scan.hpp"
#include "scope.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb::cpu_rewrite::detail {

// Replace source bytes [begin, end) by `text` (begin == end inserts).
struct edit {
    std::size_t begin;
    std::size_t end;
    std::string text;
};

struct diagnostic {
    int line;
    std::string message;
};

struct context {
    std::string_view source;
    const scan_result& scan;
    const std::vector<scope_kind>& scopes;
    std::string file_name;
    std::vector<edit> edits;
    std::vector<diagnostic> errors;

    const std::vector<token>& tokens() const { return scan.tokens; }
    const token& tok(std::size_t i) const { return scan.tokens[i]; }
    bool is(std::size_t i, std::string_view spelling) const {
        return i < scan.tokens.size() && scan.tokens[i].spelling == spelling;
    }

    void error(int line, std::string message) { errors.push_back({line, std::move(message)}); }

    // Whether token `i` belongs to the same piece of code as token `anchor`:
    // the same #define body, or (outside directives) code outside directives.
    bool same_unit(std::size_t anchor, std::size_t i) const;

    // The first token of the unit of `anchor` (0 outside directives).
    std::size_t unit_begin(std::size_t anchor) const;

    // The end offset of the last edit recorded so far (0 if none).
    std::size_t edited_up_to() const { return edits.empty() ? 0 : edits.back().end; }

    // Tokens [first, last) on one line: their spellings joined, one space
    // where the source had whitespace or a comment between two of them.
    // Empty when a raw string among them spans lines (it cannot be joined).
    std::optional<std::string> join(std::size_t first, std::size_t last) const;

    // What keeps the lines after a replaced source range [begin, end) in
    // place: as many newlines as the range held, as backslash-newlines when
    // the range is inside a directive.
    std::string line_padding(std::size_t begin, std::size_t end, bool in_directive) const;

    // A #line directive (with its newline) that numbers the next line `line`.
    std::string line_directive(int line) const;
};

// `text` escaped for the inside of a C++ string literal.
std::string escape_string_literal(std::string_view text);

}  // namespace hipkb::cpu_rewrite::detail

#endif  // HIPKB_CPU_REWRITE_CONTEXT_HPP
