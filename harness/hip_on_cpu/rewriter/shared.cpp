#include "shared.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hipkb::cpu_rewrite::detail {

namespace {

bool is_opener(std::string_view s) { return s == "(" || s == "[" || s == "{"; }

bool is_closer(std::string_view s) { return s == ")" || s == "]" || s == "}"; }

bool is_alignment(std::string_view s) { return s == "__align__" || s == "alignas"; }

// Specifiers with a parenthesised operand that say nothing about the type.
bool is_attribute_like(std::string_view s) {
    return is_alignment(s) || s == "__attribute__" || s == "__declspec" || s == "__launch_bounds__";
}

// Specifiers that are not part of the element type of an extern __shared__ array.
bool is_storage_word(std::string_view s) {
    return s == "extern" || s == "__shared__" || s == "__device__" || s == "static";
}

constexpr const char* extern_form =
    "extern __shared__ is supported only as one unsized array, e.g. "
    "`extern __shared__ float smem[];`";

class shared_rewriter {
public:
    shared_rewriter(context& ctx, std::size_t index)
        : ctx_(ctx),
          index_(index),
          lo_(ctx.unit_begin(index)),
          in_directive_(ctx.tok(index).directive != no_directive) {}

    std::size_t run() {
        if (!is_declaration()) return index_ + 1;
        find_bounds();
        bool has_extern = false;
        bool has_static = false;
        int depth = 0;
        for (std::size_t i = start_; i < end_; ++i) {
            const std::string& s = spelling(i);
            if (is_opener(s)) ++depth;
            if (is_closer(s)) --depth;
            if (depth == 0 && s == "extern") has_extern = true;
            if (depth == 0 && s == "static") has_static = true;
        }
        if (has_extern) return rewrite_extern();
        move_alignment_to_front();
        const token& t = ctx_.tok(index_);
        ctx_.edits.push_back({t.begin, t.end, has_static ? "thread_local" : "static thread_local"});
        return index_ + 1;
    }

private:
    context& ctx_;
    std::size_t index_;
    std::size_t lo_;
    bool in_directive_;
    std::size_t start_ = 0;   // first token of the declaration
    std::size_t end_ = 0;     // its terminating ";" (or where it stops without one)
    bool semicolon_ = false;  // whether end_ is a ";"

    const std::string& spelling(std::size_t i) const { return ctx_.tok(i).spelling; }

    bool in_unit(std::size_t i) const { return i < ctx_.tokens().size() && i >= lo_ && ctx_.same_unit(index_, i); }

    // `__shared__` as a macro name, in #if/#ifdef/#undef, after `defined`, or
    // as part of another expression is left alone.
    bool is_declaration() const {
        if (ctx_.scopes[index_] == scope_kind::other_directive) return false;
        if (index_ > lo_ && in_unit(index_ - 1)) {
            const std::string& prev = spelling(index_ - 1);
            if (prev == "." || prev == "->" || prev == "::" || prev == "##" || prev == "#" || prev == "defined") {
                return false;
            }
            if (prev == "(" && index_ > lo_ + 1 && in_unit(index_ - 2) && spelling(index_ - 2) == "defined") {
                return false;
            }
        }
        return !(in_unit(index_ + 1) && (spelling(index_ + 1) == "##" || spelling(index_ + 1) == "("));
    }

    void find_bounds() {
        start_ = index_;
        while (start_ > lo_ && in_unit(start_ - 1)) {
            const std::string& s = spelling(start_ - 1);
            // A lone ':' (labels, `case x:`, access specifiers) never sits among specifiers.
            if (s == ";" || s == "{" || s == "}" || s == ":") break;
            --start_;
        }
        int depth = 0;
        for (end_ = index_ + 1; in_unit(end_); ++end_) {
            const std::string& s = spelling(end_);
            if (is_opener(s)) ++depth;
            if (is_closer(s) && depth-- == 0) break;
            if (depth == 0 && s == ";") {
                semicolon_ = true;
                break;
            }
        }
    }

    // The index just past the parenthesised operand of the specifier at `i`
    // (or past `[[ ... ]]` starting at `i`); `i` itself if there is none.
    std::size_t skip_specifier_group(std::size_t i) const {
        const bool attribute_list = spelling(i) == "[" && i + 1 < end_ && spelling(i + 1) == "[";
        std::size_t k = attribute_list ? i : i + 1;
        if (!attribute_list && (!is_attribute_like(spelling(i)) || k >= end_ || spelling(k) != "(")) return i;
        int depth = 0;
        for (; k < end_; ++k) {
            if (is_opener(spelling(k))) ++depth;
            if (is_closer(spelling(k)) && --depth == 0) return k + 1;
        }
        return i;
    }

    // `alignas(n)` (and `__align__(n)`, which the HIP-on-CPU headers define as
    // alignas) may only start a declaration once `static thread_local` is in
    // it: move those that sit later among the specifiers to the front.
    void move_alignment_to_front() {
        std::size_t k = start_;
        while (k < end_ && is_alignment(spelling(k)) && skip_specifier_group(k) != k) k = skip_specifier_group(k);
        std::string moved;
        std::vector<edit> removals;
        int depth = 0;
        for (; k < end_; ++k) {
            const std::string& s = spelling(k);
            if (depth == 0 && s == "=") break;
            if (depth == 0 && is_alignment(s)) {
                const std::size_t past = skip_specifier_group(k);
                const auto text = ctx_.join(k, past);
                if (past == k || !text) continue;
                moved += *text + " ";
                const std::size_t begin = ctx_.tok(k).begin;
                std::size_t end = ctx_.tok(past - 1).end;
                while (end < ctx_.source.size() && (ctx_.source[end] == ' ' || ctx_.source[end] == '\t')) ++end;
                removals.push_back({begin, end, ctx_.line_padding(begin, end, in_directive_)});
                k = past - 1;
                continue;
            }
            if (is_opener(s)) ++depth;
            if (is_closer(s)) --depth;
        }
        if (moved.empty()) return;
        const std::size_t at = ctx_.tok(start_).begin;
        ctx_.edits.push_back({at, at, moved});
        for (auto& r : removals) ctx_.edits.push_back(std::move(r));
    }

    std::size_t rewrite_extern() {
        const int line = ctx_.tok(index_).line;
        const std::size_t resume = end_ + (semicolon_ ? 1 : 0);
        const std::size_t name = end_ - 3;
        if (end_ < start_ + 3 || spelling(end_ - 1) != "]" || spelling(end_ - 2) != "[" ||
            ctx_.tok(name).kind != token_kind::identifier || is_keyword(spelling(name)) || name <= index_) {
            ctx_.error(line, extern_form);
            return resume;
        }
        if (!single_declarator(name)) {
            ctx_.error(line, extern_form);
            return resume;
        }
        std::string type;
        for (std::size_t k = start_; k < name;) {
            const std::string& s = spelling(k);
            const std::size_t past = skip_specifier_group(k);
            if (past != k) {
                k = past;
                continue;
            }
            const bool linkage = ctx_.tok(k).kind == token_kind::string && k > start_ && spelling(k - 1) == "extern";
            if (is_storage_word(s) || linkage) {
                ++k;
                continue;
            }
            std::size_t run_end = k + 1;
            while (run_end < name && !is_storage_word(spelling(run_end)) &&
                   ctx_.tok(run_end).kind != token_kind::string && skip_specifier_group(run_end) == run_end) {
                ++run_end;
            }
            const auto text = ctx_.join(k, run_end);
            if (!text) {
                ctx_.error(line, extern_form);
                return resume;
            }
            if (!type.empty()) type += ' ';
            type += *text;
            k = run_end;
        }
        if (type.empty()) {
            ctx_.error(line, "extern __shared__ declaration without an element type");
            return resume;
        }
        const std::size_t last = semicolon_ ? end_ : end_ - 1;
        const std::size_t begin = ctx_.tok(start_).begin;
        const std::size_t end = ctx_.tok(last).end;
        const std::string pointer = "::hipkb::cpu::dynamic_shared<" + type + ">()";
        switch (ctx_.scopes[index_]) {
            case scope_kind::function_body:
            case scope_kind::macro_body:
                ctx_.edits.push_back({begin, end,
                                      type + "* " + spelling(name) + " = " + pointer + (semicolon_ ? ";" : "") +
                                          ctx_.line_padding(begin, end, in_directive_)});
                break;
            case scope_kind::namespace_scope: {
                std::string text = starts_line(begin) ? "" : "\n";  // a directive needs a line of its own
                text += "#define " + spelling(name) + " (" + pointer + ")\n";
                text += ctx_.line_directive(ctx_.tok(last).line);
                ctx_.edits.push_back({begin, end, std::move(text)});
                break;
            }
            default:
                ctx_.error(line, "extern __shared__ inside a class body is not supported");
                break;
        }
        return resume;
    }

    // Whether the tokens before the declarator name `name` hold no other
    // declarator: no `,`, `=` or array bound outside brackets and template
    // arguments (the `[[ ]]` of attributes aside).
    bool single_declarator(std::size_t name) const {
        int parens = 0;
        int angles = 0;
        for (std::size_t k = start_; k < name; ++k) {
            const std::string& s = spelling(k);
            if (s == "[" && k + 1 < name && spelling(k + 1) == "[") {
                const std::size_t past = skip_specifier_group(k);
                if (past == k) return false;
                k = past - 1;
                continue;
            }
            if (s == "(") ++parens;
            if (s == ")") --parens;
            if (parens > 0) continue;
            if (s == "<" && k > start_ && ctx_.tok(k - 1).kind == token_kind::identifier) ++angles;
            if (s == ">" && angles > 0) --angles;
            if (s == ">>") angles = angles > 2 ? angles - 2 : 0;
            if (angles > 0) continue;
            if (s == "," || s == "=" || s == ";" || s == "[" || s == "]") return false;
        }
        return true;
    }

    // Whether only blanks precede source offset `at` on its line.
    bool starts_line(std::size_t at) const {
        for (std::size_t p = at; p-- > 0;) {
            const char c = ctx_.source[p];
            if (c == '\n') return true;
            if (c != ' ' && c != '\t') return false;
        }
        return true;
    }
};

}  // namespace

std::size_t rewrite_shared(context& ctx, std::size_t index) { return shared_rewriter(ctx, index).run(); }

}  // namespace hipkb::cpu_rewrite::detail
