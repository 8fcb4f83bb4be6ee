#include "launch.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hipkb::cpu_rewrite::detail {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

bool is_opener(std::string_view s) { return s == "(" || s == "[" || s == "{"; }

bool is_closer(std::string_view s) { return s == ")" || s == "]" || s == "}"; }

std::string_view opener_of(std::string_view closer) {
    if (closer == ")") return "(";
    if (closer == "]") return "[";
    return "{";
}

int angle_closes(std::string_view s) {
    if (s == ">") return 1;
    if (s == ">>") return 2;
    if (s == ">>>") return 3;
    return 0;
}

int angle_opens(std::string_view s) {
    if (s == "<") return 1;
    if (s == "<<") return 2;
    return 0;
}

class launch_rewriter {
public:
    launch_rewriter(context& ctx, std::size_t chevrons)
        : ctx_(ctx),
          chevrons_(chevrons),
          lo_(ctx.unit_begin(chevrons)),
          in_directive_(ctx.tok(chevrons).directive != no_directive) {}

    std::size_t run() {
        const int line = ctx_.tok(chevrons_).line;
        if (chevrons_ > lo_ && ctx_.same_unit(chevrons_, chevrons_ - 1) && ctx_.is(chevrons_ - 1, "operator")) {
            return chevrons_ + 1;  // `operator<<<T>(...)`: a call of a template operator<<
        }
        const std::size_t close = find_config_end();
        if (close == npos) return chevrons_ + 1;
        const std::size_t lparen = close + 1;
        if (lparen >= ctx_.tokens().size() || !ctx_.same_unit(chevrons_, lparen) || !ctx_.is(lparen, "(")) {
            ctx_.error(line, "expected '(' with the kernel arguments after '>>>'");
            return chevrons_ + 1;
        }
        const std::size_t rparen = find_args_end(lparen);
        if (rparen == npos) {
            ctx_.error(line, "unbalanced parentheses in the kernel arguments after '>>>'");
            return chevrons_ + 1;
        }
        const std::size_t start = chevrons_ > lo_ ? operand_start(chevrons_ - 1) : npos;
        if (start == npos) {
            ctx_.error(line, "no kernel name before '<<<'");
            return chevrons_ + 1;
        }
        if (ctx_.tok(start).begin < ctx_.edited_up_to()) {
            ctx_.error(line, "a launch inside the kernel expression of another launch is not supported");
            return chevrons_ + 1;
        }
        if (close == chevrons_ + 1) {
            ctx_.error(line, "empty launch configuration between '<<<' and '>>>'");
            return chevrons_ + 1;
        }
        const auto config = ctx_.join(chevrons_ + 1, close);
        const auto kernel = ctx_.join(start, chevrons_);
        if (!config || !kernel) {
            ctx_.error(line, "a raw string literal spanning lines cannot be part of a launch configuration or kernel");
            return chevrons_ + 1;
        }
        const std::size_t begin = ctx_.tok(start).begin;
        const std::size_t end = ctx_.tok(lparen).end;
        // The configuration goes through make_launch_config, whose parameters
        // (dim3, size_t, hipStream_t) accept what a GPU launch accepts, a
        // literal 0 stream included.
        std::string text = "::hipkb::cpu::launch(::hipkb::cpu::make_launch_config(" + *config +
                           "), [&](auto... hipkb_launch_args_) { " + *kernel + "(hipkb_launch_args_...); }";
        if (rparen != lparen + 1) text += ", ";
        text += ctx_.line_padding(begin, end, in_directive_);
        ctx_.edits.push_back({begin, end, std::move(text)});
        return lparen + 1;  // the arguments stay in place and may hold launches themselves
    }

private:
    context& ctx_;
    std::size_t chevrons_;
    std::size_t lo_;
    bool in_directive_;

    bool in_unit(std::size_t i) const { return i < ctx_.tokens().size() && i >= lo_ && ctx_.same_unit(chevrons_, i); }

    const std::string& spelling(std::size_t i) const { return ctx_.tok(i).spelling; }

    bool is_name(std::size_t i) const {
        const token& t = ctx_.tok(i);
        return t.kind == token_kind::identifier && (!is_keyword(t.spelling) || t.spelling == "this");
    }

    // The ">>>" that ends the configuration: the first one outside brackets.
    std::size_t find_config_end() {
        const int line = ctx_.tok(chevrons_).line;
        int depth = 0;
        for (std::size_t i = chevrons_ + 1; i < ctx_.tokens().size(); ++i) {
            if (!ctx_.same_unit(chevrons_, i)) {
                if (!in_directive_) {
                    ctx_.error(line, "a preprocessor directive inside a launch configuration is not supported");
                    return npos;
                }
                break;
            }
            const std::string& s = spelling(i);
            if (is_opener(s)) {
                ++depth;
            } else if (is_closer(s)) {
                if (depth == 0) break;
                --depth;
            } else if (depth == 0 && s == ";") {
                break;
            } else if (depth == 0 && s == ">>>") {
                return i;
            }
        }
        ctx_.error(line, "'<<<' without a matching '>>>'");
        return npos;
    }

    // The ")" that closes the argument list opened at `lparen`. Directive
    // lines between the arguments of a launch outside directives are kept.
    std::size_t find_args_end(std::size_t lparen) const {
        std::vector<std::string_view> open;
        for (std::size_t i = lparen; i < ctx_.tokens().size(); ++i) {
            if (!ctx_.same_unit(chevrons_, i)) {
                if (!in_directive_) continue;
                return npos;
            }
            const std::string& s = spelling(i);
            if (is_opener(s)) {
                open.push_back(s);
            } else if (is_closer(s)) {
                if (open.empty() || open.back() != opener_of(s)) return npos;
                open.pop_back();
                if (open.empty()) return i;
            } else if (s == ";" && (open.back() == "(" || open.back() == "[")) {
                return npos;  // a statement ended inside the argument list
            }
        }
        return npos;
    }

    // The opening bracket of the closing one at `close`, or npos.
    std::size_t match_back(std::size_t close) const {
        std::vector<std::string_view> closers;
        for (std::size_t i = close + 1; i-- > lo_;) {
            if (!in_unit(i)) return npos;
            const std::string& s = spelling(i);
            if (is_closer(s)) {
                closers.push_back(s);
            } else if (is_opener(s)) {
                if (closers.empty() || opener_of(closers.back()) != s) return npos;
                closers.pop_back();
                if (closers.empty()) return i;
            }
        }
        return npos;
    }

    // The "<" that opens the template argument list closed at `close`.
    std::size_t match_angles_back(std::size_t close) const {
        int depth = 0;
        for (std::size_t i = close + 1; i-- > lo_;) {
            if (!in_unit(i)) return npos;
            const std::string& s = spelling(i);
            if (is_closer(s)) {
                i = match_back(i);
                if (i == npos) return npos;
                continue;
            }
            if (is_opener(s) || s == ";") return npos;
            depth += angle_closes(s) - angle_opens(s);
            if (depth < 0) return npos;
            if (depth == 0) return i;
        }
        return npos;
    }

    // The first token of the kernel expression that ends at token `pos`:
    // an id-expression (with `::`, `template`, template arguments, `.`,
    // `->`, subscripts, `##` in macros), or a parenthesised expression
    // optionally called through a name, e.g. `(k)` or `NAME(k<T, 4>)`.
    std::size_t operand_start(std::size_t pos) const {
        if (pos == npos || !in_unit(pos)) return npos;
        const std::string& s = spelling(pos);
        if (s == ")") {
            const std::size_t open = match_back(pos);
            if (open == npos) return npos;
            if (open > lo_ && in_unit(open - 1) && (is_name(open - 1) || angle_closes(spelling(open - 1)) > 0)) {
                const std::size_t callee = operand_start(open - 1);
                if (callee != npos) return callee;
            }
            return open;
        }
        if (s == "]") {
            const std::size_t open = match_back(pos);
            return open == npos || open == 0 ? npos : operand_start(open - 1);
        }
        if (angle_closes(s) > 0) {
            const std::size_t open = match_angles_back(pos);
            if (open == npos || open == 0 || !in_unit(open - 1) || !is_name(open - 1)) return npos;
            return name_start(open - 1);
        }
        return is_name(pos) ? name_start(pos) : npos;
    }

    // The first token of the qualified or member name ending with the name `pos`.
    std::size_t name_start(std::size_t pos) const {
        if (pos == 0 || !in_unit(pos - 1)) return pos;
        std::size_t p = pos - 1;
        if (spelling(p) == "template" && p > 0 && in_unit(p - 1) && spelling(p - 1) == "::") --p;
        const std::string& s = spelling(p);
        if (s == "::") {
            if (p > 0 && in_unit(p - 1) && (is_name(p - 1) || angle_closes(spelling(p - 1)) > 0)) {
                return operand_start(p - 1);
            }
            return p;  // a leading `::`
        }
        if (s == "." || s == "->" || s == "##") return p > 0 ? operand_start(p - 1) : npos;
        return pos;
    }
};

}  // namespace

std::size_t rewrite_launch(context& ctx, std::size_t chevrons) {
    if (ctx.scopes[chevrons] == scope_kind::other_directive) return chevrons + 1;
    return launch_rewriter(ctx, chevrons).run();
}

}  // namespace hipkb::cpu_rewrite::detail
