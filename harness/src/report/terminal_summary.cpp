#include <hipkb/report/report.hpp>

#include <hipkb/report/summary.hpp>

#include "detail/format.hpp"
#include "detail/report_tables.hpp"

#include <fmt/core.h>

namespace hipkb::report {

namespace {

using json = nlohmann::json;

// Enough rows to see the shape of a run; the rest is in report.md.
constexpr std::size_t problem_rows = 30;

// "3 ok, 2 failed, 1 crashed, 1 not_run": how the candidate runs ended
// (failed: a non-zero exit, e.g. for a wrong result).
std::string status_counts(const json& counts) {
    std::string out;
    bool only_ok = true;
    for (const auto& [status, n] : counts["status"].items()) {
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n.get<long long>(), status);
        only_ok = only_ok && status == "ok";
    }
    return only_ok ? std::string{} : out;
}

}  // namespace

std::string terminal_summary(const json& input) {
    const json results = has_summary(input) ? input : with_summary(input);
    std::string out;
    const detail::report_table problems = detail::problems_table(results, problem_rows);
    detail::text_table table(problems.columns);
    for (const auto& row : problems.rows) table.add_row(row);
    out += table.plain();
    if (problems.omitted > 0) out += fmt::format("... and {} more problems (see report.md)\n", problems.omitted);
    out += "\n";
    for (const std::string& line : detail::headline(results)) out += line + "\n";
    const json& overall = results["summary"]["overall"];
    if (overall.value("vendor_problems", 0) > 0) {
        out += fmt::format("Over the vendor baseline ({} problems with one): fast_1 {}, geomean {}.\n",
                           overall["vendor_problems"].get<long long>(),
                           detail::fraction_or_dash(overall["fast_p_over_vendor"].value("1", json())),
                           detail::speedup_or_dash(overall["geomean_vendor_speedup"]));
    }
    const std::string other = status_counts(results["summary"]["counts"]);
    if (!other.empty()) out += fmt::format("Candidate runs: {}.\n", other);
    const json& by_model = results["summary"]["by_model"];
    if (by_model.size() > 1) {
        for (const auto& [model, group] : by_model.items()) {
            out += fmt::format("  {}: fast_1 {}, fast_2 {}, geomean {}\n", model,
                               detail::fraction_or_dash(group["fast_p"].value("1", json())),
                               detail::fraction_or_dash(group["fast_p"].value("2", json())),
                               detail::speedup_or_dash(group["geomean_speedup"]));
        }
    }
    for (const std::string& warning : detail::warnings(results)) out += "WARNING: " + warning + "\n";
    return out;
}

}  // namespace hipkb::report
