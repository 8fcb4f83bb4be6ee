#include "rewrite.hpp"

#include "context.hpp"
#include "launch.hpp"
#include "scan.hpp"
#include "scope.hpp"
#include "shared.hpp"

#include <algorithm>

namespace hipkb::cpu_rewrite {

namespace {

using namespace detail;

// The source with the edits applied; edits that overlap an earlier one
// become errors (the passes avoid them, so this is a safety net).
std::string apply_edits(context& ctx) {
    std::stable_sort(ctx.edits.begin(), ctx.edits.end(), [](const edit& a, const edit& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::string out;
    out.reserve(ctx.source.size() + ctx.source.size() / 4);
    std::size_t pos = 0;
    for (const edit& e : ctx.edits) {
        if (e.begin < pos) {
            ctx.error(1, "internal error: overlapping rewrites");
            continue;
        }
        out.append(ctx.source.substr(pos, e.begin - pos));
        out += e.text;
        pos = e.end;
    }
    out.append(ctx.source.substr(pos));
    return out;
}

}  // namespace

rewrite_result rewrite_hip_source(std::string_view source, const std::string& file_name) {
    constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
    if (source.substr(0, utf8_bom.size()) == utf8_bom) source.remove_prefix(utf8_bom.size());

    const scan_result scan = scan_source(source);
    const std::vector<scope_kind> scopes = compute_scopes(scan);
    context ctx{source, scan, scopes, file_name, {}, {}};
    for (std::size_t i = 0; i < scan.tokens.size();) {
        const token& t = scan.tokens[i];
        if (t.kind == token_kind::punct && t.spelling == "<<<") {
            i = rewrite_launch(ctx, i);
        } else if (t.kind == token_kind::identifier && t.spelling == "__shared__") {
            i = rewrite_shared(ctx, i);
        } else {
            ++i;
        }
    }
    const std::string body = apply_edits(ctx);

    rewrite_result result;
    result.text = ctx.line_directive(1);
    std::stable_sort(ctx.errors.begin(), ctx.errors.end(),
                     [](const diagnostic& a, const diagnostic& b) { return a.line < b.line; });
    for (const diagnostic& d : ctx.errors) {
        std::string located = file_name + ":" + std::to_string(d.line) + ": " + d.message;
        result.text += ctx.line_directive(d.line);
        result.text += "#error \"hipkb hip-on-cpu: " + escape_string_literal(located) + "\"\n";
        result.errors.push_back(std::move(located));
    }
    if (!ctx.errors.empty()) result.text += ctx.line_directive(1);
    result.text += body;
    return result;
}

}  // namespace hipkb::cpu_rewrite
