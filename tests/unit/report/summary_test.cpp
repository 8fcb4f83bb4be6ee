// The summary of build_basic against values worked out by hand.
//
// Problems (all problems of the set, levels in brackets) and their samples:
//   relu [1]:    fast (correct, 2.0), same (correct, exactly 1.0), wrong
//   gelu [1]:    broken (no compile), crashy (crashed), missing (not run)
//   matmul [1]:  reference only, no candidate: a miss
//   softmax [2]: badjson (correct per its verdict, no timing)
// fast_p averages, over the 4 problems, the share of a problem's samples
// that are correct with speedup > p (p = 0: correct).
#include <hipkb/report/results.hpp>
#include <hipkb/report/summary.hpp>

#include "report_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace hipkb::report {
namespace {

using json = nlohmann::json;

class BasicSummary : public ::testing::Test {
protected:
    void SetUp() override {
        m_results = collect_results(test::write_basic_manifest(m_dir.path()), test::fixtures() / "build_basic/results");
    }
    test::scratch_dir m_dir;
    json m_results;
};

TEST_F(BasicSummary, OverallKernelBenchTable) {
    const json& overall = m_results["summary"]["overall"];
    EXPECT_EQ(overall["problems"], 4);
    EXPECT_EQ(overall["candidates"], 7);
    const json& fast = overall["fast_p"];
    EXPECT_NEAR(fast["0"].get<double>(), (2.0 / 3.0 + 0 + 0 + 1.0) / 4.0, 1e-12);  // 5/12
    EXPECT_NEAR(fast["0.5"].get<double>(), (2.0 / 3.0) / 4.0, 1e-12);              // softmax untimed
    EXPECT_NEAR(fast["0.8"].get<double>(), (2.0 / 3.0) / 4.0, 1e-12);
    EXPECT_NEAR(fast["1"].get<double>(), (1.0 / 3.0) / 4.0, 1e-12);  // "same" is exactly 1.0: not > 1
    EXPECT_NEAR(fast["1.5"].get<double>(), (1.0 / 3.0) / 4.0, 1e-12);
    EXPECT_DOUBLE_EQ(fast["2"].get<double>(), 0.0);  // "fast" is exactly 2.0: not > 2
    // Over the correct, timed candidates 2.0 and 1.0.
    EXPECT_NEAR(overall["geomean_speedup"].get<double>(), std::sqrt(2.0), 1e-12);
    EXPECT_EQ(overall["geomean_over"], 2);
    EXPECT_EQ(overall["max_samples_per_problem"], 3);
    // pass@k for the default k (1, 5, 10) up to 3 samples, plus k = 3 (best
    // of all samples); pass@1 is fast_0.
    EXPECT_NEAR(overall["pass_at_k"]["1"].get<double>(), 5.0 / 12.0, 1e-12);
    EXPECT_FALSE(overall["pass_at_k"].contains("5"));
    // k = 3: relu has a correct one among its 3 -> 1; softmax (n = 1 < k) -> 1.
    EXPECT_NEAR(overall["pass_at_k"]["3"].get<double>(), 0.5, 1e-12);
}

TEST_F(BasicSummary, PassAtKWithChosenK) {
    summary_options options;
    options.ks = {1, 2, 3};
    const json summary = compute_summary(m_results, options);
    const json& pass = summary["overall"]["pass_at_k"];
    // k = 2: relu n=3, c=2: 1 - C(1,2)/C(3,2) = 1; gelu 0; matmul 0;
    // softmax n=1 < k, c=1: 1.  -> (1 + 0 + 0 + 1)/4
    EXPECT_NEAR(pass["2"].get<double>(), 0.5, 1e-12);
    EXPECT_NEAR(pass["3"].get<double>(), 0.5, 1e-12);
    // fast_1@2: relu c=1 of 3: 1 - C(2,2)/C(3,2) = 2/3 -> (2/3)/4 = 1/6
    EXPECT_NEAR(summary["overall"]["fast_p_at_k"]["1"]["2"].get<double>(), 1.0 / 6.0, 1e-12);
}

TEST_F(BasicSummary, PerLevelUsesThatLevelsProblems) {
    const json& levels = m_results["summary"]["by_level"];
    // Level 1: relu, gelu, matmul -> fast_0 = (2/3 + 0 + 0)/3 = 2/9.
    EXPECT_EQ(levels["1"]["problems"], 3);
    EXPECT_NEAR(levels["1"]["fast_p"]["0"].get<double>(), 2.0 / 9.0, 1e-12);
    // Level 2: softmax only, correct.
    EXPECT_EQ(levels["2"]["problems"], 1);
    EXPECT_DOUBLE_EQ(levels["2"]["fast_p"]["0"].get<double>(), 1.0);
}

TEST_F(BasicSummary, PerModelOverAllProblems) {
    const json& models = m_results["summary"]["by_model"];
    ASSERT_TRUE(models.contains("test-model"));
    ASSERT_TRUE(models.contains("unknown"));
    // test-model wrote only relu/fast (2.0): fast_1 = 1/4 over all 4 problems.
    EXPECT_DOUBLE_EQ(models["test-model"]["fast_p"]["1"].get<double>(), 0.25);
    // The rest: relu {same 1.0, wrong}, gelu {3 failures}, softmax {correct}:
    // fast_0 = (1/2 + 0 + 0 + 1)/4 = 0.375, fast_1 = 0.
    EXPECT_DOUBLE_EQ(models["unknown"]["fast_p"]["0"].get<double>(), 0.375);
    EXPECT_DOUBLE_EQ(models["unknown"]["fast_p"]["1"].get<double>(), 0.0);
}

TEST_F(BasicSummary, CountsAndPerProblemRows) {
    const json& counts = m_results["summary"]["counts"];
    EXPECT_EQ(counts["candidates"], 7);
    EXPECT_EQ(counts["correct"], 3);
    EXPECT_EQ(counts["incorrect"], 3);
    EXPECT_EQ(counts["unknown"], 1);
    EXPECT_EQ(counts["not_compiled"], 1);
    EXPECT_EQ(counts["faster"], 1);
    EXPECT_EQ(counts["status"]["crashed"], 1);
    EXPECT_EQ(counts["status"]["not_run"], 1);
    std::map<std::string, json> rows;
    for (const json& row : m_results["summary"]["per_problem"]) rows[row["problem"]] = row;
    EXPECT_DOUBLE_EQ(rows["relu"]["best_speedup"].get<double>(), 2.0);
    EXPECT_EQ(rows["relu"]["best_candidate"], "examples/fast");
    EXPECT_EQ(rows["matmul"]["candidates"], 0);
    EXPECT_TRUE(rows["matmul"]["best_speedup"].is_null());
    EXPECT_DOUBLE_EQ(rows["matmul"]["reference_median_ns"].get<double>(), 1.5e6);
}

TEST_F(BasicSummary, CurveStartsAtCorrectnessAndDropsAtEachSpeedup) {
    const json& curve = m_results["summary"]["overall"]["fast_p_curve"];
    ASSERT_GE(curve.size(), 4U);
    EXPECT_DOUBLE_EQ(curve[0][0].get<double>(), 0.0);
    EXPECT_NEAR(curve[0][1].get<double>(), 5.0 / 12.0, 1e-12);
    // Just above 0 the untimed softmax sample no longer counts.
    EXPECT_NEAR(curve[1][1].get<double>(), 2.0 / 12.0, 1e-12);
    EXPECT_DOUBLE_EQ(curve[2][0].get<double>(), 1.0);
    EXPECT_NEAR(curve[2][1].get<double>(), 1.0 / 12.0, 1e-12);
    EXPECT_DOUBLE_EQ(curve[3][0].get<double>(), 2.0);
    EXPECT_DOUBLE_EQ(curve[3][1].get<double>(), 0.0);
}

TEST_F(BasicSummary, ExtraThresholds) {
    summary_options options;
    options.extra_thresholds = {1.2, 3.0};
    const json summary = compute_summary(m_results, options);
    EXPECT_NEAR(summary["overall"]["fast_p"]["1.2"].get<double>(), 1.0 / 12.0, 1e-12);
    EXPECT_DOUBLE_EQ(summary["overall"]["fast_p"]["3"].get<double>(), 0.0);
    EXPECT_EQ(summary["thresholds"].size(), 8U);
}

}  // namespace
}  // namespace hipkb::report
