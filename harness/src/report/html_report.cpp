// report.html: one self-contained file (inline CSS and SVG, no script, no
// external resource), so that it opens offline and as a CI artifact.
#include <hipkb/report/report.hpp>

#include <hipkb/report/summary.hpp>

#include "detail/format.hpp"
#include "detail/plots.hpp"
#include "detail/report_tables.hpp"

#include <fmt/core.h>

namespace hipkb::report {

namespace {

using json = nlohmann::json;
using detail::html_escape;

constexpr std::size_t row_limit = 5000;

constexpr const char* style = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1200px;
       padding: 0 1rem; color: #1d1d1f; background: #fff; }
h1 { margin-bottom: .2rem; }
.meta { color: #666; font-size: .9rem; }
.warning { background: #fff4e5; border-left: 4px solid #f0a020; padding: .6rem 1rem; margin: 1rem 0; }
.cards { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.card { border: 1px solid #ddd; border-radius: 8px; padding: .7rem 1.1rem; min-width: 9rem; }
.card .value { font-size: 1.6rem; font-weight: 600; }
.card .label { color: #666; font-size: .85rem; }
figure { margin: 1.5rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #444; font-size: .9rem; max-width: 60rem; }
.missing { color: #a33; font-style: italic; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .85rem; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; vertical-align: top; }
th { background: #f5f5f7; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { color: #555; font-size: .9rem; }
)";

std::string table_html(const detail::report_table& table) {
    if (table.rows.empty()) return {};
    std::string out = fmt::format("<section><h2>{}</h2>\n", html_escape(table.title));
    if (!table.note.empty()) out += fmt::format("<p class=\"note\">{}</p>\n", html_escape(table.note));
    out += "<table>\n<thead><tr>";
    for (const auto& column : table.columns) out += fmt::format("<th>{}</th>", html_escape(column.header));
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            const bool number = table.columns[i].alignment == detail::align::right;
            out += fmt::format("<td{}>{}</td>", number ? " class=\"num\"" : "", html_escape(row[i]));
        }
        out += "</tr>\n";
    }
    out += "</tbody></table>\n";
    if (table.omitted > 0) out += fmt::format("<p class=\"note\">{} more rows in report.json.</p>\n", table.omitted);
    return out + "</section>\n";
}

std::string card(const std::string& value, const std::string& label) {
    return fmt::format("<div class=\"card\"><div class=\"value\">{}</div><div class=\"label\">{}</div></div>",
                       html_escape(value), html_escape(label));
}

std::string cards_html(const json& results) {
    const json& overall = results["summary"]["overall"];
    const json& counts = results["summary"]["counts"];
    std::string out = "<div class=\"cards\">";
    out += card(detail::fraction_or_dash(overall["fast_p"].value("0", json())), "correct (fast_0)");
    out += card(detail::fraction_or_dash(overall["fast_p"].value("1", json())), "fast_1");
    out += card(detail::fraction_or_dash(overall["fast_p"].value("2", json())), "fast_2");
    out += card(detail::speedup_or_dash(overall["geomean_speedup"]), "geomean speedup (correct)");
    out += card(fmt::format("{}/{}", counts["compiled"].get<long long>(), counts["candidates"].get<long long>()),
                "compiled");
    out += card(std::to_string(counts["problems"].get<long long>()), "problems");
    return out + "</div>\n";
}

std::string figures_html(const json& results) {
    std::string out = "<section><h2>Plots</h2>\n";
    for (const detail::figure& fig : detail::draw_figures(results)) {
        out += fmt::format("<figure id=\"{}\">\n", fig.id);
        if (!fig.svg.empty()) {
            out += fig.svg + "\n";
        } else {
            out += fmt::format("<p class=\"missing\">{}: not drawn ({})</p>\n", html_escape(fig.title),
                               html_escape(fig.missing));
        }
        out += fmt::format("<figcaption><strong>{}.</strong> {}</figcaption>\n</figure>\n", html_escape(fig.title),
                           html_escape(fig.caption));
    }
    return out + "</section>\n";
}

}  // namespace

std::string render_html(const json& input) {
    const json results = has_summary(input) ? input : with_summary(input);
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>hipkb report</title>\n<style>";
    out += style;
    out += "</style>\n</head>\n<body>\n<h1>hipkb report</h1>\n";
    out += fmt::format("<p class=\"meta\">Created {} by {}; results schema {} v{}.</p>\n",
                       html_escape(detail::text_of(results, "created", "-")),
                       html_escape(detail::text_of(results, "generator", "-")),
                       html_escape(detail::text_of(results, "schema")), results.value("schema_version", 0));
    for (const std::string& warning : detail::warnings(results)) {
        out += fmt::format("<div class=\"warning\">{}</div>\n", html_escape(warning));
    }
    out += "<p>";
    for (const std::string& line : detail::headline(results)) out += html_escape(line) + "<br>\n";
    out += "</p>\n";
    out += cards_html(results);
    out += figures_html(results);
    out += table_html(detail::metrics_table(results));
    out += table_html(detail::vendor_metrics_table(results));
    out += table_html(detail::pass_at_k_table(results));
    out += table_html(detail::problems_table(results, row_limit));
    out += table_html(detail::candidates_table(results, row_limit));
    out += table_html(detail::failures_table(results, row_limit));
    out += table_html(detail::machines_table(results));
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace hipkb::report
