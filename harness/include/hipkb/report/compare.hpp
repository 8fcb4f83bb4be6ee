#pragma once
// `hipkb compare OLD NEW`: pairs the benchmarks of two sets of results by
// name, reports the change of each median time with a Mann-Whitney U test
// over the repetitions (or, with too few repetitions for that test to
// reach alpha, against the noise the old side recorded), and the
// geometric-mean change over all pairs.

#include <hipkb/report/mann_whitney.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb::report {

// With too few repetitions for the U test to reach alpha, a change counts
// only beyond this many times the old side's coefficient of variation: the
// CV is that of single repetitions, so the noise of a median of several is
// well inside it, and a change of three times a repetition's spread is not
// noise.
inline constexpr double noise_cv_factor = 3.0;

struct compare_options {
    double alpha = 0.05;  // a U test with p < alpha is significant
    // Fail on a significant slowdown larger than this many percent, or on a
    // candidate that was correct and is not any more. Unset: never fail.
    std::optional<double> fail_on_regression_pct;
    bool cpu_time = false;  // compare cpu_time instead of real_time (Google Benchmark files only)
};

// How a row's change was judged.
enum class decision_rule {
    none,             // no change to judge (a side failed, was skipped or has no time)
    u_test,           // Mann-Whitney U test, p < alpha
    median_vs_noise,  // |change| > noise_cv_factor x the old side's CV
};
[[nodiscard]] const char* to_string(decision_rule rule);

// One side's view of a benchmark.
struct compared_series {
    enum class state { ok, failed, skipped, no_time };
    state status = state::no_time;
    std::string message;  // why it failed or was skipped
    std::vector<double> samples_ns;
    std::optional<double> median_ns;
    std::optional<double> cv;     // of single repetitions: stddev / mean (as recorded, else from samples_ns)
    std::optional<bool> correct;  // candidates from results JSON
};

struct benchmark_delta {
    std::string name;
    compared_series old_side;
    compared_series new_side;
    std::optional<double> change;  // new / old - 1
    std::optional<u_test_result> u_test;
    decision_rule rule = decision_rule::none;
    // median_vs_noise: the change beyond which it is not noise
    // (noise_cv_factor x the old CV); nullopt when the old side has no CV.
    std::optional<double> noise_bound;
    bool significant = false;  // by the row's rule
    std::string verdict;       // "faster", "slower", "no significant change", "not tested", "now failing", ...
    std::string note;          // repetition warnings, failure messages
    bool slowdown_regression = false;
    bool correctness_regression = false;
};

struct comparison {
    std::vector<std::string> old_sources;
    std::vector<std::string> new_sources;
    compare_options options;
    std::vector<benchmark_delta> deltas;  // in the order of the old side
    std::vector<std::string> only_old;
    std::vector<std::string> only_new;
    std::optional<double> geomean_change;  // exp(mean(log(new/old))) - 1
    std::size_t geomean_pairs = 0;
    // The two sides ran on a different device, driver or hipkb version;
    // each says what differs. The command prints them to stderr as well.
    std::vector<std::string> warnings;

    [[nodiscard]] std::size_t slowdown_regressions() const;
    [[nodiscard]] std::size_t correctness_regressions() const;
    // True when --fail-on-regression is set and something regressed.
    [[nodiscard]] bool failed() const;
};

// Loads both sides (each: Google Benchmark JSON or results JSON files, or
// folders of them) and compares them. Throws input_error on bad input.
[[nodiscard]] comparison compare_paths(const std::vector<std::filesystem::path>& old_paths,
                                       const std::vector<std::filesystem::path>& new_paths,
                                       const compare_options& options = {});

// The process exit code: 0, or 1 when failed().
[[nodiscard]] int exit_code(const comparison& result);

// Renderings: an aligned table for terminals, Markdown for CI summaries,
// and JSON ("schema": "hipkb.compare") for machines.
[[nodiscard]] std::string render_comparison_text(const comparison& result);
[[nodiscard]] std::string render_comparison_markdown(const comparison& result);
[[nodiscard]] nlohmann::json comparison_to_json(const comparison& result);

}  // namespace hipkb::report
