#include <hipkb/report/report.hpp>

#include <hipkb/report/summary.hpp>

#include "detail/format.hpp"
#include "detail/report_tables.hpp"

#include <fmt/core.h>

namespace hipkb::report {

namespace {

using json = nlohmann::json;

// GitHub caps a job summary at 1 MiB; these limits keep report.md far below
// that for thousands of candidates (report.json and report.html have all).
constexpr std::size_t candidate_rows = 200;
constexpr std::size_t failure_rows = 50;
constexpr std::size_t problem_rows = 300;

std::string section(const detail::report_table& table) {
    if (table.rows.empty()) return {};
    std::string out = fmt::format("## {}\n\n", table.title);
    if (!table.note.empty()) out += table.note + "\n\n";
    detail::text_table rendered(table.columns);
    for (const auto& row : table.rows) {
        std::vector<std::string> cells;
        cells.reserve(row.size());
        for (const std::string& cell : row) cells.push_back(detail::markdown_cell(cell));
        rendered.add_row(std::move(cells));
    }
    out += rendered.markdown();
    if (table.omitted > 0) out += fmt::format("\n{} more rows in report.json and report.html.\n", table.omitted);
    return out + "\n";
}

}  // namespace

std::string render_markdown(const json& input) {
    const json results = has_summary(input) ? input : with_summary(input);
    std::string out = "# hipkb report\n\n";
    for (const std::string& warning : detail::warnings(results)) {
        out += fmt::format("> **Warning:** {}\n\n", detail::markdown_cell(warning));
    }
    for (const std::string& line : detail::headline(results)) out += line + "  \n";
    out += "\n";
    out += section(detail::metrics_table(results));
    out += section(detail::vendor_metrics_table(results));
    out += section(detail::pass_at_k_table(results));
    out += section(detail::problems_table(results, problem_rows));
    out += section(detail::candidates_table(results, candidate_rows));
    out += section(detail::failures_table(results, failure_rows));
    out += section(detail::machines_table(results));
    out += fmt::format("Results schema {} v{}; created {} by {}.\n", detail::text_of(results, "schema"),
                       results.value("schema_version", 0), detail::text_of(results, "created", "-"),
                       detail::text_of(results, "generator", "-"));
    return out;
}

}  // namespace hipkb::report
