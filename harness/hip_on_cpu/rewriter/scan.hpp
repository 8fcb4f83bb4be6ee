// The tokenizer of the HIP-on-CPU rewriter: one pass over the source that
// yields tokens with their byte ranges and lines, the comments it skipped and
// the preprocessor directives (one logical line each) the tokens belong to.
//
// It follows the C++ translation phases closely enough for the rewrite:
// backslash-newline splices anywhere (not inside raw strings), comments,
// string and character literals with their prefixes and user-defined
// suffixes, raw strings, pp-numbers with digit separators, and header names
// after #include. Two punctuators are added to C++'s: "<<<" and ">>>".
#ifndef HIPKB_CPU_REWRITE_SCAN_HPP
#define HIPKB_CPU_REWRITE_SCAN_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb::cpu_rewrite::detail {

enum class token_kind { identifier, number, punct, string, character, header_name, other };

inline constexpr int no_directive = -1;

struct token {
    token_kind kind;
    std::size_t begin;     // byte offset of the first character
    std::size_t end;       // one past the last character
    int line;              // 1-based line of `begin`
    int directive;         // index into scan_result::directives, or no_directive
    std::string spelling;  // the text with splices removed (raw strings: as written)
    bool raw_string = false;
};

struct directive_info {
    std::size_t begin = 0;        // offset of the '#'
    std::size_t end = 0;          // offset of the newline that ends it (or the source size)
    std::size_t first_token = 0;  // index of the '#' token
    std::size_t end_token = 0;    // one past its last token
    std::string name;             // "define", "ifdef", ... ; empty for a null directive
    std::size_t body_token = 0;   // #define only: first token of the replacement list
};

struct comment_span {
    std::size_t begin;
    std::size_t end;
};

struct scan_result {
    std::vector<token> tokens;
    std::vector<directive_info> directives;
    std::vector<comment_span> comments;  // in source order
};

scan_result scan_source(std::string_view source);

// Whether `text` is a C++ keyword (and so cannot name a kernel).
bool is_keyword(std::string_view text);

}  // namespace hipkb::cpu_rewrite::detail

#endif  // HIPKB_CPU_REWRITE_SCAN_HPP
