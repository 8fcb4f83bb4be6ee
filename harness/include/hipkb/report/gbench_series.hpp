#pragma once
// The rows of a Google Benchmark file grouped into one series per benchmark
// run: its repetitions, the statistics Google Benchmark computed over them,
// and whether it failed. Both the results collector and `compare` work on
// series, never on raw rows.

#include <hipkb/report/gbench.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hipkb::report {

struct gbench_series {
    std::string name;  // the run name, e.g. "019_relu/reference/repeats:5/manual_time"
    std::size_t first_row = 0;
    std::size_t row_count = 0;    // rows of the file that belong to this series
    std::vector<double> real_ns;  // one value per repetition, file order
    std::vector<double> cpu_ns;
    std::map<std::string, double> real_aggregates_ns;  // "mean", "median", "stddev", "min", "max", ...
    std::map<std::string, double> cpu_aggregates_ns;
    std::optional<double> real_cv;                                            // the "cv" aggregate, as a ratio
    std::map<std::string, std::vector<double>> counters;                      // per repetition
    std::map<std::string, std::map<std::string, double>> aggregate_counters;  // aggregate name -> counters
    bool error_occurred = false;
    std::string error_message;
    bool skipped = false;
    std::string skip_message;
    std::string label;

    // Has a time at all (BigO/RMS-only series have none).
    [[nodiscard]] bool has_time() const;
    // Median over repetitions; when the file holds only aggregates
    // (--benchmark_report_aggregates_only), the "median" aggregate, else "mean".
    [[nodiscard]] std::optional<double> median_ns(bool cpu = false) const;
    // Coefficient of variation of the repetitions (sample stddev / mean);
    // the "cv" aggregate, or stddev/mean aggregates, when only those exist.
    [[nodiscard]] std::optional<double> cv() const;
    // A counter's median over repetitions, or from the median/mean aggregate.
    [[nodiscard]] std::optional<double> counter(const std::string& counter_name) const;
};

// Groups rows by run name, in order of first appearance.
[[nodiscard]] std::vector<gbench_series> group_series(const gbench_file& file);

}  // namespace hipkb::report
