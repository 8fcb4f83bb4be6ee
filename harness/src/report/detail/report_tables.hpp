#pragma once
// The content of a report, independent of its format: the terminal summary,
// report.md and report.html all render these tables and lines.

#include "text_table.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hipkb::report::detail {

struct report_table {
    std::string title;
    std::string note;  // one sentence under the title
    std::vector<text_table::column> columns;
    std::vector<std::vector<std::string>> rows;  // plain text, unescaped
    std::size_t omitted = 0;                     // rows left out by the limit
};

// KernelBench's table: fast_p at each threshold, per group (all, model, run, level).
[[nodiscard]] report_table metrics_table(const nlohmann::json& results);
// pass@k and fast_p@k per group; no rows when no problem has several samples.
// fast_p and the geomean over each problem's best vendor baseline; no rows
// when no problem has one.
[[nodiscard]] report_table vendor_metrics_table(const nlohmann::json& results);
[[nodiscard]] report_table pass_at_k_table(const nlohmann::json& results);
[[nodiscard]] report_table problems_table(const nlohmann::json& results, std::size_t limit);
[[nodiscard]] report_table candidates_table(const nlohmann::json& results, std::size_t limit);
// Candidates that did not compile or were wrong, with the first errors.
[[nodiscard]] report_table failures_table(const nlohmann::json& results, std::size_t limit);
[[nodiscard]] report_table machines_table(const nlohmann::json& results);

// "12 problems, 30 candidates: ..." and the headline metrics.
[[nodiscard]] std::vector<std::string> headline(const nlohmann::json& results);
// Things a reader must not miss: GPU runs skipped (and why), benches not
// run, result files that could not be read.
[[nodiscard]] std::vector<std::string> warnings(const nlohmann::json& results);

}  // namespace hipkb::report::detail
