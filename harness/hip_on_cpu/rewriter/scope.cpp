#include "scope.hpp"

#include <algorithm>
#include <string_view>

namespace hipkb::cpu_rewrite::detail {

namespace {

bool is_access_specifier(std::string_view s) { return s == "public" || s == "private" || s == "protected"; }

bool is_class_key(std::string_view s) { return s == "class" || s == "struct" || s == "union" || s == "enum"; }

// Names that take a parenthesised operand inside a class head without making
// it a function declarator.
bool is_head_operator(std::string_view s) {
    return s == "alignas" || s == "__align__" || s == "__attribute__" || s == "__declspec" || s == "decltype" ||
           s == "alignof" || s == "sizeof" || s == "noexcept";
}

// The tokens of the declaration or statement that the `{` at `brace` opens,
// in source order, without tokens of directives.
std::vector<const token*> brace_head(const std::vector<token>& tokens, std::size_t brace) {
    std::vector<const token*> head;
    int depth = 0;
    for (std::size_t i = brace; i-- > 0;) {
        const token& t = tokens[i];
        if (t.directive != no_directive) continue;
        const std::string& s = t.spelling;
        if (s == ")" || s == "]") {
            ++depth;
        } else if (s == "(" || s == "[") {
            if (depth == 0) break;
            --depth;
        } else if (depth == 0 && (s == ";" || s == "{" || s == "}")) {
            break;
        } else if (depth == 0 && s == ":" && i > 0 && is_access_specifier(tokens[i - 1].spelling)) {
            break;
        }
        head.push_back(&t);
    }
    std::reverse(head.begin(), head.end());
    return head;
}

// Index just past a `template < ... >` prefix starting at `k`, or `k`.
std::size_t skip_template_prefix(const std::vector<const token*>& head, std::size_t k) {
    while (k + 1 < head.size() && head[k]->spelling == "template" && head[k + 1]->spelling == "<") {
        int angles = 0;
        int parens = 0;
        std::size_t i = k + 1;
        for (; i < head.size(); ++i) {
            const std::string& s = head[i]->spelling;
            if (s == "(" || s == "[") ++parens;
            if (s == ")" || s == "]") --parens;
            if (parens > 0) continue;
            if (s == "<") ++angles;
            if (s == ">") --angles;
            if (s == ">>") angles -= 2;
            if (s == ">>>") angles -= 3;
            if (angles <= 0) break;
        }
        k = i + 1;
    }
    return k;
}

bool is_class_head(const std::vector<const token*>& head) {
    bool key_seen = false;
    int parens = 0;
    int angles = 0;
    for (std::size_t k = skip_template_prefix(head, 0); k < head.size(); ++k) {
        const std::string& s = head[k]->spelling;
        if (!key_seen) {
            key_seen = is_class_key(s);
            continue;
        }
        if (s == "(") {
            if (parens == 0 && angles == 0 && !is_head_operator(head[k - 1]->spelling)) return false;
            ++parens;
        } else if (s == ")") {
            --parens;
        } else if (parens == 0) {
            if (s == "<" && head[k - 1]->kind == token_kind::identifier) ++angles;
            if (s == ">" && angles > 0) --angles;
            if (s == ">>") angles = std::max(0, angles - 2);
            if (s == ">>>") angles = std::max(0, angles - 3);
            if (s == "=" && angles == 0) return false;
        }
    }
    return key_seen;
}

scope_kind classify_brace(const std::vector<token>& tokens, std::size_t brace) {
    const std::vector<const token*> head = brace_head(tokens, brace);
    if (head.size() >= 2 && head.back()->kind == token_kind::string && head[head.size() - 2]->spelling == "extern") {
        return scope_kind::namespace_scope;  // extern "C" { ... }
    }
    for (const token* t : head) {
        if (t->spelling == "namespace") return scope_kind::namespace_scope;
    }
    return is_class_head(head) ? scope_kind::class_body : scope_kind::function_body;
}

}  // namespace

std::vector<scope_kind> compute_scopes(const scan_result& scan) {
    const std::vector<token>& tokens = scan.tokens;
    std::vector<scope_kind> kinds(tokens.size(), scope_kind::namespace_scope);
    std::vector<scope_kind> braces;
    int macro_depth = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const token& t = tokens[i];
        if (t.directive != no_directive) {
            const directive_info& d = scan.directives[static_cast<std::size_t>(t.directive)];
            if (i == d.first_token) macro_depth = 0;
            if (d.name != "define" || i < d.body_token) {
                kinds[i] = scope_kind::other_directive;
                continue;
            }
            if (t.spelling == "}" && macro_depth > 0) --macro_depth;
            kinds[i] = macro_depth > 0 ? scope_kind::function_body : scope_kind::macro_body;
            if (t.spelling == "{") ++macro_depth;
            continue;
        }
        const scope_kind current = braces.empty() ? scope_kind::namespace_scope : braces.back();
        kinds[i] = current;
        if (t.spelling == "{") {
            braces.push_back(current == scope_kind::function_body ? scope_kind::function_body
                                                                  : classify_brace(tokens, i));
        } else if (t.spelling == "}" && !braces.empty()) {
            braces.pop_back();
        }
    }
    return kinds;
}

}  // namespace hipkb::cpu_rewrite::detail
