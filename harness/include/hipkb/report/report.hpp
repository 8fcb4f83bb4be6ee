#pragma once
// Reports of a results document: a compact terminal summary, and report.md
// (fits a CI job summary), report.json (the results with their summary) and
// report.html (tables and plots, self-contained, opens offline).

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace hipkb::report {

// A table per problem and the headline numbers (compiled, correct, faster,
// skipped, fast_1, fast_2, geomean), with a clear line when GPU runs were
// skipped and why. Computes the summary if `results` has none.
[[nodiscard]] std::string terminal_summary(const nlohmann::json& results);

// Writes report.md, report.json and report.html into `out_dir` (created if
// needed), each atomically. Uses the results' summary, computing it with the
// default options if absent.
void write_report(const nlohmann::json& results, const std::filesystem::path& out_dir);

// The Markdown report (what report.md holds).
[[nodiscard]] std::string render_markdown(const nlohmann::json& results);

// The HTML report (what report.html holds); runs gnuplot for the plots and
// says in the page why a plot is missing when it cannot.
[[nodiscard]] std::string render_html(const nlohmann::json& results);

}  // namespace hipkb::report
