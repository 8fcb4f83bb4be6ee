// compare: pairing, deltas, U tests, the geometric-mean change, regressions,
// and the exit codes of `hipkb compare` itself.
#include <hipkb/report/compare.hpp>
#include <hipkb/report/input_error.hpp>
#include <hipkb/report/results.hpp>

#include <hipkb/core/process.hpp>

#include "report_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace hipkb::report {
namespace {

using json = nlohmann::json;

std::filesystem::path input(const std::string& name) { return test::fixtures() / "compare" / name; }

const benchmark_delta& delta_named(const comparison& result, const std::string& name) {
    for (const benchmark_delta& d : result.deltas) {
        if (d.name == name) return d;
    }
    throw std::runtime_error("no delta " + name);
}

TEST(Compare, PairsByNameWithoutBenchmarkOptions) {
    const comparison result = compare_paths({input("base.json")}, {input("slower.json")});
    // "BM_kernel/repeats:10" in both files pairs as "BM_kernel".
    ASSERT_EQ(result.deltas.size(), 2U);
    EXPECT_EQ(result.only_old, (std::vector<std::string>{"BM_gone"}));
    EXPECT_EQ(result.only_new, (std::vector<std::string>{"BM_new"}));
    const benchmark_delta& kernel = delta_named(result, "BM_kernel");
    // Medians 104.5 and 125.4: +20%.
    EXPECT_NEAR(*kernel.change, 0.2, 1e-12);
    ASSERT_TRUE(kernel.u_test);
    // 10 vs 10, every new value above every old one: exact p = 2/C(20,10) = 2/184756.
    EXPECT_NEAR(kernel.u_test->p_value, 2.0 / 184756.0, 1e-15);
    EXPECT_TRUE(kernel.significant);
    EXPECT_EQ(kernel.verdict, "slower");
    const benchmark_delta& other = delta_named(result, "BM_other");
    EXPECT_DOUBLE_EQ(*other.change, 0.0);
    EXPECT_DOUBLE_EQ(other.u_test->p_value, 1.0);
    EXPECT_EQ(other.verdict, "no significant change");
    // Geometric mean of the ratios 1.2 and 1.0: sqrt(1.2) - 1.
    EXPECT_NEAR(*result.geomean_change, std::sqrt(1.2) - 1.0, 1e-12);
    // No threshold: never failed.
    EXPECT_FALSE(result.failed());
    EXPECT_EQ(exit_code(result), 0);
}

TEST(Compare, ThresholdDecidesTheRegression) {
    compare_options options;
    options.fail_on_regression_pct = 10.0;
    const comparison ten = compare_paths({input("base.json")}, {input("slower.json")}, options);
    EXPECT_EQ(exit_code(ten), 1);
    // 10 vs 10 repetitions: the U test can reach alpha, so it decides.
    EXPECT_EQ(delta_named(ten, "BM_kernel").rule, decision_rule::u_test);
    EXPECT_TRUE(delta_named(ten, "BM_kernel").slowdown_regression);
    options.fail_on_regression_pct = 25.0;
    EXPECT_EQ(exit_code(compare_paths({input("base.json")}, {input("slower.json")}, options)), 0);
}

TEST(Compare, TooFewRepetitionsFallBackToTheMedianAgainstTheNoise) {
    compare_options options;
    options.fail_on_regression_pct = 5.0;
    const comparison result = compare_paths({input("base_two_reps.json")}, {input("slower_two_reps.json")}, options);
    const benchmark_delta& kernel = delta_named(result, "BM_kernel");
    EXPECT_NEAR(*kernel.change, 0.5, 0.01);
    // 2 vs 2: the smallest possible p is 1/3, so the U test cannot decide;
    // +50% against an old CV of 0.70% (100 and 101 ns) is far beyond 3 x CV.
    EXPECT_NE(kernel.note.find("smallest possible p is 0.333"), std::string::npos) << kernel.note;
    EXPECT_EQ(kernel.rule, decision_rule::median_vs_noise);
    ASSERT_TRUE(kernel.old_side.cv);
    EXPECT_NEAR(*kernel.old_side.cv, 0.7071067811865476 / 100.5, 1e-12);
    EXPECT_NEAR(*kernel.noise_bound, 3.0 * 0.7071067811865476 / 100.5, 1e-12);
    EXPECT_TRUE(kernel.significant);
    EXPECT_EQ(kernel.verdict, "slower");
    EXPECT_TRUE(kernel.slowdown_regression);
    EXPECT_EQ(exit_code(result), 1);

    const comparison single = compare_paths({input("base.json")}, {input("slower.json")}, options);
    const auto gone = std::find(single.only_old.begin(), single.only_old.end(), "BM_gone");
    EXPECT_NE(gone, single.only_old.end());
}

TEST(Compare, NowFailingIsACorrectnessRegression) {
    compare_options options;
    options.fail_on_regression_pct = 50.0;
    const comparison result = compare_paths({input("base.json")}, {input("now_failing.json")}, options);
    const benchmark_delta& kernel = delta_named(result, "BM_kernel");
    EXPECT_EQ(kernel.verdict, "now failing");
    EXPECT_TRUE(kernel.correctness_regression);
    EXPECT_NE(kernel.note.find("mismatch"), std::string::npos);
    EXPECT_EQ(result.correctness_regressions(), 1U);
    EXPECT_EQ(exit_code(result), 1);
}

TEST(Compare, ResultsJsonCandidateThatBecameIncorrect) {
    test::scratch_dir dir;
    const json old_results =
        collect_results(test::write_basic_manifest(dir.path()), test::fixtures() / "build_basic/results");
    json new_results = old_results;
    for (json& c : new_results["candidates"]) {
        if (c["id"] == "relu/examples/fast") {
            c["correct"] = false;
            c["failure"] = {{"kind", "recheck_mismatch"}, {"message", "recheck_mismatch: output y wrong after timing"}};
        }
    }
    test::write_text(dir.path() / "old.json", old_results.dump());
    test::write_text(dir.path() / "new.json", new_results.dump());
    compare_options options;
    options.fail_on_regression_pct = 1000.0;
    const comparison result = compare_paths({dir.path() / "old.json"}, {dir.path() / "new.json"}, options);
    const benchmark_delta& fast = delta_named(result, "relu/examples/fast");
    EXPECT_TRUE(fast.correctness_regression);
    EXPECT_EQ(fast.note, "recheck_mismatch: output y wrong after timing");
    // Unchanged timings with 3 repetitions each: identical samples, p = 1.
    const benchmark_delta& reference = delta_named(result, "relu/reference");
    EXPECT_DOUBLE_EQ(*reference.change, 0.0);
    EXPECT_EQ(exit_code(result), 1);
}

// The collected build_basic results with the candidate relu/examples/fast
// timed as `samples_ns` (median and CV as the results builder records them).
json results_with_fast_samples(const test::scratch_dir& dir, const std::vector<double>& samples_ns) {
    json results = collect_results(test::write_basic_manifest(dir.path()), test::fixtures() / "build_basic/results");
    for (json& c : results["candidates"]) {
        if (c["id"] != "relu/examples/fast") continue;
        std::vector<double> sorted = samples_ns;
        std::sort(sorted.begin(), sorted.end());
        double mean = 0.0;
        for (const double v : samples_ns) mean += v / static_cast<double>(samples_ns.size());
        double squares = 0.0;
        for (const double v : samples_ns) squares += (v - mean) * (v - mean);
        c["candidate"]["samples_ns"] = samples_ns;
        c["candidate"]["median_ns"] = sorted[sorted.size() / 2];
        c["candidate"]["cv"] = std::sqrt(squares / static_cast<double>(samples_ns.size() - 1)) / mean;
        c["candidate"]["repetitions"] = samples_ns.size();
    }
    return results;
}

comparison compare_fast(const std::vector<double>& old_ns, const std::vector<double>& new_ns, double pct) {
    test::scratch_dir dir;
    test::write_text(dir.path() / "old.json", results_with_fast_samples(dir, old_ns).dump());
    test::write_text(dir.path() / "new.json", results_with_fast_samples(dir, new_ns).dump());
    compare_options options;
    options.fail_on_regression_pct = pct;
    return compare_paths({dir.path() / "old.json"}, {dir.path() / "new.json"}, options);
}

TEST(Compare, ThirtyPercentSlowerWithThreeRepetitionsFailsTheGate) {
    // 3 vs 3: the U test's smallest p is 0.1, it can never reach 0.05. The
    // old CV is 4% (100, 104, 96 ns), so anything beyond 12% is not noise.
    const comparison result = compare_fast({100.0, 104.0, 96.0}, {130.0, 135.2, 124.8}, 5.0);
    const benchmark_delta& fast = delta_named(result, "relu/examples/fast");
    EXPECT_NEAR(*fast.change, 0.30, 1e-12);
    ASSERT_TRUE(fast.u_test);
    EXPECT_NEAR(fast.u_test->p_value, 0.1, 1e-12);
    EXPECT_EQ(fast.rule, decision_rule::median_vs_noise);
    EXPECT_NEAR(*fast.noise_bound, 0.12, 1e-12);
    EXPECT_TRUE(fast.slowdown_regression);
    EXPECT_EQ(result.slowdown_regressions(), 1U);
    EXPECT_EQ(exit_code(result), 1);
}

TEST(Compare, ChangeWithinTheBaselineNoisePassesTheGate) {
    // +10% is beyond the 5% threshold but inside 3 x the old CV of 4%.
    const comparison result = compare_fast({100.0, 104.0, 96.0}, {110.0, 114.4, 105.6}, 5.0);
    const benchmark_delta& fast = delta_named(result, "relu/examples/fast");
    EXPECT_NEAR(*fast.change, 0.10, 1e-12);
    EXPECT_EQ(fast.rule, decision_rule::median_vs_noise);
    EXPECT_FALSE(fast.significant);
    EXPECT_EQ(fast.verdict, "within noise");
    EXPECT_FALSE(fast.slowdown_regression);
    EXPECT_EQ(exit_code(result), 0);
    // Beyond the noise but not beyond the threshold: reported, not failed.
    const comparison small = compare_fast({100.0, 100.5, 99.5}, {104.0, 104.5, 103.5}, 5.0);
    EXPECT_EQ(delta_named(small, "relu/examples/fast").verdict, "slower");
    EXPECT_EQ(exit_code(small), 0);
}

TEST(Compare, EveryComparedRowNamesItsRule) {
    const comparison result = compare_fast({100.0, 104.0, 96.0}, {130.0, 135.2, 124.8}, 5.0);
    const json data = comparison_to_json(result);
    bool found = false;
    for (const json& row : data["benchmarks"]) {
        if (row["change"].is_number()) {
            EXPECT_TRUE(row["rule"] == "u_test" || row["rule"] == "median_vs_noise") << row.dump();
        } else {
            EXPECT_TRUE(row["rule"].is_null()) << row.dump();
        }
        if (row["name"] == "relu/examples/fast") {
            found = true;
            EXPECT_EQ(row["rule"], "median_vs_noise");
            EXPECT_NEAR(row["noise_bound"].get<double>(), 0.12, 1e-12);
            EXPECT_NEAR(row["old"]["cv"].get<double>(), 0.04, 1e-12);
        }
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(data["noise_cv_factor"], 3.0);
    const std::string text = render_comparison_text(result);
    EXPECT_NE(text.find("Rule"), std::string::npos) << text;
    EXPECT_NE(text.find("median_vs_noise"), std::string::npos) << text;
    const std::string markdown = render_comparison_markdown(result);
    EXPECT_NE(markdown.find("| Repetitions | Rule | Verdict |"), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("| median_vs_noise | REGRESSION: slower |"), std::string::npos) << markdown;
    const comparison many = compare_paths({input("base.json")}, {input("slower.json")});
    EXPECT_NE(render_comparison_markdown(many).find("| u_test |"), std::string::npos);
}

TEST(Compare, GoogleBenchmarkFileAgainstResultsJson) {
    // A candidate executable's own JSON pairs with the results' names.
    test::scratch_dir dir;
    const json results =
        collect_results(test::write_basic_manifest(dir.path()), test::fixtures() / "build_basic/results");
    test::write_text(dir.path() / "results.json", results.dump());
    const comparison result = compare_paths(
        {test::fixtures() / "build_basic/results/hipkb.bench.relu.examples.fast.json"}, {dir.path() / "results.json"});
    const benchmark_delta& fast = delta_named(result, "relu/examples/fast");
    EXPECT_DOUBLE_EQ(*fast.change, 0.0);
    EXPECT_EQ(fast.u_test->n_x, 3U);
}

TEST(Compare, RenderingsCarryTheNumbers) {
    compare_options options;
    options.fail_on_regression_pct = 10.0;
    const comparison result = compare_paths({input("base.json")}, {input("slower.json")}, options);
    const std::string text = render_comparison_text(result);
    EXPECT_NE(text.find("BM_kernel"), std::string::npos);
    EXPECT_NE(text.find("+20.0%"), std::string::npos);
    EXPECT_NE(text.find("FAIL: 1 significant slowdown"), std::string::npos) << text;
    const std::string markdown = render_comparison_markdown(result);
    EXPECT_NE(markdown.find("| Benchmark | Old | New | Change |"), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("| BM_kernel |"), std::string::npos);
    const json data = comparison_to_json(result);
    EXPECT_EQ(data["schema"], "hipkb.compare");
    EXPECT_EQ(data["slowdown_regressions"], 1);
    EXPECT_EQ(data["failed"], true);
}

TEST(Compare, BadInputIsAnInputError) {
    EXPECT_THROW((void)compare_paths({test::fixtures() / "gbench/truncated.json"}, {input("base.json")}), input_error);
    EXPECT_THROW((void)compare_paths({test::fixtures() / "gbench/not_gbench.json"}, {input("base.json")}), input_error);
    EXPECT_THROW((void)compare_paths({input("nope.json")}, {input("base.json")}), input_error);
}

#ifdef HIPKB_CLI
// The exit status of the command itself: 0 fine, 1 regression, 2 bad input.
int run_cli(std::vector<std::string> args, std::string* output = nullptr) {
    args.insert(args.begin(), HIPKB_CLI);
    const process_result run = run_process(args);
    if (output != nullptr) *output = run.output;
    EXPECT_EQ(run.how, process_result::end::exited) << run.error << run.output;
    return run.exit_code;
}

TEST(CompareCommand, ExitCodes) {
    const std::string base = input("base.json").string();
    const std::string slower = input("slower.json").string();
    EXPECT_EQ(run_cli({"compare", base, slower}), 0);
    EXPECT_EQ(run_cli({"compare", base, slower, "--fail-on-regression", "10"}), 1);
    EXPECT_EQ(run_cli({"compare", base, slower, "--fail-on-regression", "25"}), 0);
    EXPECT_EQ(run_cli({"compare", base, input("now_failing.json").string(), "--fail-on-regression", "50"}), 1);
    EXPECT_EQ(run_cli({"compare", input("base_two_reps.json").string(), input("slower_two_reps.json").string(),
                       "--fail-on-regression", "5"}),
              1);
    EXPECT_EQ(run_cli({"compare", input("base_two_reps.json").string(), input("slower_two_reps.json").string(),
                       "--fail-on-regression", "60"}),
              0);
    std::string output;
    EXPECT_EQ(run_cli({"compare", (test::fixtures() / "gbench/truncated.json").string(), slower}, &output), 2);
    EXPECT_NE(output.find("truncated.json:5:"), std::string::npos) << output;
}

TEST(CompareCommand, EnvironmentAndMarkdown) {
    test::scratch_dir dir;
    const std::filesystem::path summary = dir.path() / "summary.md";
    process_options options;
    options.environment = {"HIPKB_FAIL_ON_REGRESSION=10", "HIPKB_SUMMARY_FILE=" + summary.string()};
    const process_result run = run_process(
        {HIPKB_CLI, "compare", input("base.json").string(), input("slower.json").string(), "--format", "markdown"},
        options);
    EXPECT_EQ(run.exit_code, 1) << run.output;
    EXPECT_NE(run.output.find("| BM_kernel |"), std::string::npos) << run.output;
    EXPECT_NE(test::read_text(summary).find("## hipkb compare"), std::string::npos);
}
#endif

}  // namespace
}  // namespace hipkb::report
