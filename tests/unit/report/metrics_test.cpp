// fast_p, pass@k and the geometric mean against values worked out by hand.
#include <hipkb/report/metrics.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace hipkb::report {
namespace {

sample_outcome ok(const std::string& problem, std::optional<double> speedup) { return {problem, true, speedup}; }
sample_outcome wrong(const std::string& problem, std::optional<double> speedup = std::nullopt) {
    return {problem, false, speedup};
}

// Four problems, one sample each, and a problem without any.
//   A: correct, speedup exactly 1.0     B: correct, 2.5
//   C: wrong (its 3.0 must not count)   D: no candidate
const std::vector<std::string> problems = {"A", "B", "C", "D"};
const std::vector<sample_outcome> one_each = {ok("A", 1.0), ok("B", 2.5), wrong("C", 3.0)};

TEST(FastP, KernelBenchDefinitionOverAllProblems) {
    EXPECT_DOUBLE_EQ(fast_p(one_each, problems, 0.0), 2.0 / 4.0);  // correctness rate; D counts as a miss
    EXPECT_DOUBLE_EQ(fast_p(one_each, problems, 0.5), 2.0 / 4.0);
    EXPECT_DOUBLE_EQ(fast_p(one_each, problems, 1.0), 1.0 / 4.0);  // A's 1.0 is not > 1
    EXPECT_DOUBLE_EQ(fast_p(one_each, problems, 2.0), 1.0 / 4.0);
    EXPECT_DOUBLE_EQ(fast_p(one_each, problems, 2.5), 0.0);  // tie at exactly p
    EXPECT_DOUBLE_EQ(fast_p(one_each, problems, 0.999), 2.0 / 4.0);
}

TEST(FastP, ZeroCorrect) {
    const std::vector<sample_outcome> none = {wrong("A", 5.0), wrong("B")};
    for (const double p : kernelbench_thresholds) EXPECT_DOUBLE_EQ(fast_p(none, problems, p), 0.0) << p;
    EXPECT_FALSE(geometric_mean(std::vector<double>{}).has_value());
}

TEST(FastP, CorrectWithoutTimingCountsOnlyForFastZero) {
    const std::vector<sample_outcome> samples = {ok("A", std::nullopt)};
    EXPECT_DOUBLE_EQ(fast_p(samples, problems, 0.0), 0.25);
    EXPECT_DOUBLE_EQ(fast_p(samples, problems, 0.5), 0.0);
}

TEST(FastP, SeveralSamplesAverageOverSamplesPerProblem) {
    // A: 3 samples, speedups 1.5, 0.5, wrong -> fast_1 share 1/3;
    // B: 1 sample 2.0 -> 1; C, D: none.
    // fast_1 = (1/3 + 1 + 0 + 0) / 4 = 1/3.
    const std::vector<sample_outcome> samples = {ok("A", 1.5), ok("A", 0.5), wrong("A"), ok("B", 2.0)};
    EXPECT_NEAR(fast_p(samples, problems, 1.0), 1.0 / 3.0, 1e-15);
    // fast_0 = (2/3 + 1) / 4 = 5/12.
    EXPECT_NEAR(fast_p(samples, problems, 0.0), 5.0 / 12.0, 1e-15);
    // A sample of a problem outside the set is ignored.
    const std::vector<sample_outcome> stray = {ok("Z", 9.0)};
    EXPECT_DOUBLE_EQ(fast_p(stray, problems, 1.0), 0.0);
}

TEST(PassAtK, SmallCasesByHand) {
    // n = 5, c = 2: 1 - C(3,k)/C(5,k).
    EXPECT_NEAR(pass_at_k(5, 2, 1), 1.0 - 3.0 / 5.0, 1e-15);   // 0.4
    EXPECT_NEAR(pass_at_k(5, 2, 2), 1.0 - 3.0 / 10.0, 1e-15);  // 0.7
    EXPECT_NEAR(pass_at_k(5, 2, 3), 1.0 - 1.0 / 10.0, 1e-15);  // 0.9
    EXPECT_DOUBLE_EQ(pass_at_k(5, 2, 4), 1.0);                 // only 3 bad: any 4 include a good one
    EXPECT_NEAR(pass_at_k(4, 1, 2), 1.0 - 3.0 / 6.0, 1e-15);   // 0.5
    EXPECT_DOUBLE_EQ(pass_at_k(5, 0, 3), 0.0);
    EXPECT_DOUBLE_EQ(pass_at_k(5, 5, 1), 1.0);
}

TEST(PassAtK, FewerSamplesThanK) {
    // All n samples are drawn: best of n.
    EXPECT_DOUBLE_EQ(pass_at_k(2, 1, 5), 1.0);
    EXPECT_DOUBLE_EQ(pass_at_k(2, 0, 5), 0.0);
}

TEST(PassAtK, LargeNWithoutOverflow) {
    // C(n-1, k)/C(n, k) = (n-k)/n: with n = 10000, c = 1, k = 100 -> 0.01.
    EXPECT_NEAR(pass_at_k(10000, 1, 100), 0.01, 1e-12);
    // n = 1e6, c = 3, k = 1: 3e-6 (pass@1 = c/n).
    EXPECT_NEAR(pass_at_k(1000000, 3, 1), 3e-6, 1e-15);
    // Half good, k = 1000: 1 - ~2^-1000, i.e. 1; no NaN, no overflow.
    const double p = pass_at_k(1000000, 500000, 1000);
    EXPECT_TRUE(std::isfinite(p));
    EXPECT_DOUBLE_EQ(p, 1.0);
}

TEST(PassAtK, InvalidArguments) {
    EXPECT_THROW((void)pass_at_k(3, 4, 1), std::invalid_argument);
    EXPECT_THROW((void)pass_at_k(3, 1, 0), std::invalid_argument);
}

TEST(PassAtK, OverAProblemSetAndFastPAtK) {
    // A: n=3 (1.5, 0.5, wrong); B: n=1 (2.0); C, D: none. k = 2:
    //   pass@2: A: 1 - C(1,2)/C(3,2) = 1; B: n < k, c = 1 -> 1 -> (1+1)/4 = 0.5
    //   fast_1@2: A: c = 1: 1 - C(2,2)/C(3,2) = 2/3; B: 1 -> (2/3 + 1)/4 = 5/12
    const std::vector<sample_outcome> samples = {ok("A", 1.5), ok("A", 0.5), wrong("A"), ok("B", 2.0)};
    EXPECT_NEAR(pass_at_k(samples, problems, 2), 0.5, 1e-15);
    EXPECT_NEAR(fast_p_at_k(samples, problems, 1.0, 2), 5.0 / 12.0, 1e-15);
    // fast_p@1 is fast_p.
    EXPECT_NEAR(fast_p_at_k(samples, problems, 1.0, 1), fast_p(samples, problems, 1.0), 1e-15);
}

TEST(FastPCurve, StepsAtEverySpeedup) {
    // one_each: correct speedups 1.0 and 2.5 over 4 problems.
    const auto curve = fast_p_curve(one_each, problems, 3.0);
    const std::vector<std::pair<double, double>> expected = {{0.0, 0.5}, {1.0, 0.25}, {2.5, 0.0}, {3.0, 0.0}};
    ASSERT_EQ(curve.size(), expected.size());
    for (std::size_t i = 0; i < curve.size(); ++i) {
        EXPECT_DOUBLE_EQ(curve[i].first, expected[i].first) << i;
        EXPECT_DOUBLE_EQ(curve[i].second, expected[i].second) << i;
    }
}

TEST(FastPCurve, DropJustAboveZeroForUntimedCorrectSamples) {
    const std::vector<sample_outcome> samples = {ok("A", std::nullopt), ok("B", 2.0)};
    const auto curve = fast_p_curve(samples, problems, 2.0);
    ASSERT_EQ(curve.size(), 3U);
    EXPECT_DOUBLE_EQ(curve[0].second, 0.5);  // fast_0: both correct
    EXPECT_DOUBLE_EQ(curve[1].first, 0.0);
    EXPECT_DOUBLE_EQ(curve[1].second, 0.25);  // just above 0: only B is timed
    EXPECT_DOUBLE_EQ(curve[2].first, 2.0);
    EXPECT_DOUBLE_EQ(curve[2].second, 0.0);
}

TEST(GeometricMean, ByHand) {
    EXPECT_NEAR(*geometric_mean(std::vector<double>{1.0, 2.5}), std::sqrt(2.5), 1e-15);
    EXPECT_NEAR(*geometric_mean(std::vector<double>{0.5, 2.0}), 1.0, 1e-15);
    EXPECT_NEAR(*geometric_mean(std::vector<double>{2.0, 4.0, 8.0}), 4.0, 1e-12);
    // Non-positive or non-finite values are not speedups.
    EXPECT_NEAR(*geometric_mean(std::vector<double>{4.0, 0.0, -1.0, NAN}), 4.0, 1e-15);
}

}  // namespace
}  // namespace hipkb::report
