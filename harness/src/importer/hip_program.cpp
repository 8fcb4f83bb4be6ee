#include "hip_program.hpp"

#include <algorithm>

namespace hipkb::importer::detail {

namespace {

using cpu_rewrite::detail::no_directive;
using cpu_rewrite::detail::scan_result;

bool is(const token& t, std::string_view spelling) {
    return (t.kind == token_kind::punct || t.kind == token_kind::identifier) && t.spelling == spelling;
}

// The index of the token that closes the bracket opened at `open`.
std::size_t matching_close(const std::vector<token>& tokens, std::size_t open, std::size_t limit) {
    const std::string opener = tokens[open].spelling;
    const std::string closer = opener == "(" ? ")" : opener == "{" ? "}" : opener == "[" ? "]" : ">>>";
    int depth = 0;
    for (std::size_t i = open; i < limit; ++i) {
        if (tokens[i].directive != no_directive) continue;
        if (is(tokens[i], opener)) ++depth;
        if (is(tokens[i], closer) && --depth == 0) return i;
    }
    return limit;
}

// Splits [first, last) at the commas outside brackets.
std::vector<token_range> split_commas(const std::vector<token>& tokens, token_range range) {
    std::vector<token_range> parts;
    if (range.first >= range.last) return parts;
    int depth = 0;
    std::size_t start = range.first;
    for (std::size_t i = range.first; i < range.last; ++i) {
        const token& t = tokens[i];
        if (is(t, "(") || is(t, "[") || is(t, "{")) ++depth;
        if (is(t, ")") || is(t, "]") || is(t, "}")) --depth;
        if (depth == 0 && is(t, ",")) {
            parts.push_back({start, i});
            start = i + 1;
        }
    }
    parts.push_back({start, range.last});
    return parts;
}

parameter read_parameter(const std::vector<token>& tokens, token_range range) {
    parameter param;
    bool seen_star = false;
    std::vector<std::string> type_words;
    std::size_t end = range.last;
    // A default argument is not part of the type.
    for (std::size_t i = range.first; i < range.last; ++i) {
        if (is(tokens[i], "=")) end = i;
    }
    std::size_t name_at = end;
    for (std::size_t i = end; i-- > range.first;) {
        if (tokens[i].kind == token_kind::identifier) {
            name_at = i;
            break;
        }
    }
    for (std::size_t i = range.first; i < end; ++i) {
        const token& t = tokens[i];
        if (is(t, "*") || is(t, "&")) {
            seen_star = seen_star || is(t, "*");
            continue;
        }
        if (t.kind != token_kind::identifier) continue;
        if (t.spelling == "const") {
            if (!seen_star) param.pointee_const = true;
            continue;
        }
        if (t.spelling == "__restrict__" || t.spelling == "__restrict" || t.spelling == "restrict" ||
            t.spelling == "volatile") {
            continue;
        }
        if (i == name_at && type_words.size() > 0) {
            param.name = t.spelling;
            continue;
        }
        type_words.push_back(t.spelling);
    }
    param.pointer = seen_star;
    if (!param.pointer) param.pointee_const = false;
    for (const std::string& word : type_words) param.base_type += (param.base_type.empty() ? "" : " ") + word;
    return param;
}

// The top-level statements of a body: each ends at ';' or at the '}' that
// closes a compound statement.
std::vector<token_range> statements_of(const std::vector<token>& tokens, token_range body) {
    std::vector<token_range> statements;
    std::size_t start = body.first;
    int parens = 0;
    int braces = 0;
    for (std::size_t i = body.first; i < body.last; ++i) {
        const token& t = tokens[i];
        if (t.directive != no_directive) {
            if (i == start) ++start;
            continue;
        }
        if (is(t, "(")) ++parens;
        if (is(t, ")")) --parens;
        if (is(t, "{")) ++braces;
        const bool closes_block = is(t, "}") && --braces == 0 && parens == 0;
        const bool next_is_semicolon = i + 1 < body.last && is(tokens[i + 1], ";");
        if ((parens == 0 && braces == 0 && is(t, ";")) || (closes_block && !next_is_semicolon)) {
            statements.push_back({start, i + 1});
            start = i + 1;
        }
    }
    return statements;
}

std::size_t statement_holding(const std::vector<token_range>& statements, std::size_t at) {
    for (std::size_t s = 0; s < statements.size(); ++s) {
        if (statements[s].first <= at && at < statements[s].last) return s;
    }
    return statements.size();
}

// Launches in one host function: `k<<<config>>>(args)` and
// `hipLaunchKernelGGL(k, grid, block, shared, stream, args...)`.
void find_launches(hip_program& program, std::size_t function) {
    const function_item& host = program.functions[function];
    const std::vector<token>& tokens = program.tokens;
    for (std::size_t i = host.body.first; i < host.body.last; ++i) {
        const token& t = tokens[i];
        if (t.directive != no_directive) continue;
        launch_site launch;
        launch.function = function;
        launch.statement = statement_holding(host.statements, i);
        if (is(t, "<<<") && i > host.body.first && tokens[i - 1].kind == token_kind::identifier) {
            const std::size_t close = matching_close(tokens, i, host.body.last);
            if (close + 1 >= host.body.last || !is(tokens[close + 1], "(")) continue;
            const std::size_t args_close = matching_close(tokens, close + 1, host.body.last);
            launch.kernel = tokens[i - 1].spelling;
            launch.config = split_commas(tokens, {i + 1, close});
            launch.args = split_commas(tokens, {close + 2, args_close});
        } else if (is(t, ">") && i + 1 < host.body.last && is(tokens[i + 1], "<<<")) {
            launch.kernel = "<template>";  // k<T><<<...>>>: a template kernel
        } else if (t.kind == token_kind::identifier && t.spelling == "hipLaunchKernelGGL" && i + 1 < host.body.last &&
                   is(tokens[i + 1], "(")) {
            const std::size_t close = matching_close(tokens, i + 1, host.body.last);
            std::vector<token_range> parts = split_commas(tokens, {i + 2, close});
            if (parts.size() < 5) continue;
            const token_range name = parts[0];
            launch.kernel = name.last - name.first == 1 ? tokens[name.first].spelling : "<template>";
            launch.config.assign(parts.begin() + 1, parts.begin() + 5);
            launch.args.assign(parts.begin() + 5, parts.end());
        } else {
            continue;
        }
        program.launches.push_back(std::move(launch));
    }
}

// The name a kept declaration introduces, for telling top-level names from
// host locals.
void add_declared_name(hip_program& program, token_range head) {
    const std::vector<token>& tokens = program.tokens;
    for (std::size_t i = head.first; i < head.last; ++i) {
        const token& t = tokens[i];
        if (is(t, "struct") || is(t, "class") || is(t, "union") || is(t, "enum")) {
            if (i + 1 < head.last && tokens[i + 1].kind == token_kind::identifier) {
                program.top_level_names.push_back(tokens[i + 1].spelling);
            }
            return;
        }
        if ((is(t, "=") || is(t, "[") || is(t, "(") || is(t, "{") || is(t, ";")) && i > head.first &&
            tokens[i - 1].kind == token_kind::identifier) {
            program.top_level_names.push_back(tokens[i - 1].spelling);
            if (is(t, "=")) {
                std::size_t end = i + 1;
                while (end < head.last && !is(tokens[end], ";") && !is(tokens[end], ",")) ++end;
                program.constants[tokens[i - 1].spelling] = program.text({i + 1, end});
            }
            return;
        }
    }
}

// One top-level item from its first to its last token: a function, a
// declaration or a block.
void read_item(hip_program& program, token_range item, std::size_t body_open, std::size_t begin_offset) {
    const std::vector<token>& tokens = program.tokens;
    const token_range head{item.first, body_open < item.last ? body_open : item.last};
    bool kernel = false;
    bool device = false;
    bool templated = false;
    bool has_assignment = false;
    std::size_t open_paren = head.last;
    for (std::size_t i = head.first; i < head.last; ++i) {
        const token& t = tokens[i];
        kernel = kernel || is(t, "__global__");
        device = device || is(t, "__device__");
        templated = templated || is(t, "template");
        has_assignment = has_assignment || is(t, "=");
        if (is(t, "(") && open_paren == head.last && i > head.first && tokens[i - 1].kind == token_kind::identifier) {
            // __launch_bounds__(256) and __attribute__((...)) come before the name.
            if (is(tokens[i - 1], "__launch_bounds__") || is(tokens[i - 1], "__attribute__")) {
                i = matching_close(tokens, i, head.last);
                continue;
            }
            open_paren = i;
        }
    }
    const bool aggregate = is(tokens[item.first], "struct") || is(tokens[item.first], "class") ||
                           is(tokens[item.first], "union") || is(tokens[item.first], "enum") ||
                           is(tokens[item.first], "namespace") || is(tokens[item.first], "typedef") ||
                           is(tokens[item.first], "using");
    const bool function = open_paren < head.last && !has_assignment && !aggregate;
    const bool definition = function && body_open < item.last;
    const bool host = function && !kernel && !device;
    const std::size_t end_offset = tokens[item.last - 1].end;
    if (!host) {
        program.kept.push_back({begin_offset, end_offset, false});
        if (!function) add_declared_name(program, {item.first, item.last});
    }
    if (!definition) return;
    function_item fn;
    fn.name = tokens[open_paren - 1].spelling;
    fn.kernel = kernel;
    fn.device = device && !kernel;
    fn.templated = templated;
    const std::size_t close_paren = matching_close(tokens, open_paren, head.last);
    for (const token_range range : split_commas(tokens, {open_paren + 1, close_paren})) {
        parameter param = read_parameter(tokens, range);
        if (param.base_type == "void" && !param.pointer) continue;  // f(void)
        fn.params.push_back(std::move(param));
    }
    fn.body = {body_open + 1, item.last - 1};
    fn.statements = statements_of(tokens, fn.body);
    program.functions.push_back(std::move(fn));
    if (host) find_launches(program, program.functions.size() - 1);
    if (!host) program.top_level_names.push_back(program.functions.back().name);
}

}  // namespace

std::string hip_program::text(token_range range) const {
    if (range.first >= range.last) return {};
    return source.substr(tokens[range.first].begin, tokens[range.last - 1].end - tokens[range.first].begin);
}

const function_item* hip_program::function_named(std::string_view name) const {
    const auto at = std::find_if(functions.begin(), functions.end(),
                                 [&](const function_item& f) { return f.name == name && (f.kernel || f.device); });
    return at == functions.end() ? nullptr : &*at;
}

hip_program read_hip_program(std::string source) {
    hip_program program;
    program.source = std::move(source);
    scan_result scan = cpu_rewrite::detail::scan_source(program.source);
    program.tokens = std::move(scan.tokens);
    const std::vector<token>& tokens = program.tokens;

    for (const auto& directive : scan.directives) {
        if (directive.name == "define" && directive.first_token + 2 < directive.end_token) {
            const token& name = tokens[directive.first_token + 2];
            program.top_level_names.push_back(name.spelling);
            const bool function_like = directive.first_token + 3 < directive.end_token &&
                                       is(tokens[directive.first_token + 3], "(") &&
                                       tokens[directive.first_token + 3].begin == name.end;
            if (!function_like)
                program.constants[name.spelling] = program.text({directive.first_token + 3, directive.end_token});
        }
    }
    std::size_t next_directive = 0;
    std::size_t previous_end = 0;
    std::size_t item_first = tokens.size();
    std::size_t body_open = tokens.size();
    int braces = 0;
    int parens = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const token& t = tokens[i];
        if (t.directive != no_directive) {
            // A directive between items is an item of its own.
            if (item_first == tokens.size() && static_cast<std::size_t>(t.directive) >= next_directive) {
                const auto& directive = scan.directives[static_cast<std::size_t>(t.directive)];
                const bool include = directive.name == "include";
                program.kept.push_back({include ? directive.begin : previous_end, directive.end, include});
                previous_end = directive.end;
                next_directive = static_cast<std::size_t>(t.directive) + 1;
            }
            continue;
        }
        if (item_first == tokens.size()) {
            item_first = i;
            body_open = tokens.size();
        }
        if (is(t, "(")) ++parens;
        if (is(t, ")")) --parens;
        if (is(t, "{") && parens == 0 && braces++ == 0 && body_open == tokens.size()) body_open = i;
        bool ends = false;
        if (is(t, "}") && parens == 0 && --braces == 0) {
            // A function or namespace ends at its brace; a struct or an
            // initializer at the ';' after it.
            const bool semicolon_follows = i + 1 < tokens.size() && is(tokens[i + 1], ";");
            ends = !semicolon_follows;
        }
        if (is(t, ";") && parens == 0 && braces == 0) ends = true;
        if (ends) {
            read_item(program, {item_first, i + 1}, body_open, previous_end);
            previous_end = t.end;
            item_first = tokens.size();
        }
    }
    return program;
}

}  // namespace hipkb::importer::detail
