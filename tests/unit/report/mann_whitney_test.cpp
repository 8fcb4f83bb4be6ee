// The U test against p-values worked out by hand. Exact cases enumerate the
// null distribution of U: under H0 every one of the C(m+n, m) orderings of
// the pooled values is equally likely, and U counts pairs with x > y.
#include <hipkb/report/mann_whitney.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

namespace hipkb::report {
namespace {

TEST(MannWhitney, CompletelySeparatedThreeVersusThree) {
    // U_x = 0, U_y = 9 = m*n. Only one of C(6,3) = 20 orderings puts every y
    // above every x, so P(U >= 9) = 1/20 and the two-sided p = 2/20 = 0.1.
    const std::vector<double> x = {1, 2, 3};
    const std::vector<double> y = {4, 5, 6};
    const u_test_result r = mann_whitney_u(x, y);
    EXPECT_TRUE(r.exact);
    EXPECT_DOUBLE_EQ(r.u_x, 0.0);
    EXPECT_DOUBLE_EQ(r.u_y, 9.0);
    EXPECT_NEAR(r.p_value, 0.1, 1e-12);
}

TEST(MannWhitney, InterleavedThreeVersusThree) {
    // x = {1,3,5}, y = {2,4,6}: pairs with x > y are (3,2), (5,2), (5,4): U_x = 3,
    // U_y = 6. The number of orderings with U = u, for m = n = 3, is the number
    // of partitions of u into at most 3 parts of size at most 3:
    //   u: 0 1 2 3 4 5 6 7 8 9
    //      1 1 2 3 3 3 3 2 1 1   (sum 20)
    // P(U >= 6) = (3+2+1+1)/20 = 7/20, two-sided p = 0.7.
    const std::vector<double> x = {1, 3, 5};
    const std::vector<double> y = {2, 4, 6};
    const u_test_result r = mann_whitney_u(x, y);
    EXPECT_DOUBLE_EQ(r.u_x, 3.0);
    EXPECT_NEAR(r.p_value, 0.7, 1e-12);
    // The same from the other side.
    EXPECT_NEAR(mann_whitney_u(y, x).p_value, 0.7, 1e-12);
}

TEST(MannWhitney, SeparatedFourVersusFour) {
    // One ordering of C(8,4) = 70 at each extreme: p = 2/70.
    const std::vector<double> x = {10, 11, 12, 13};
    const std::vector<double> y = {1, 2, 3, 4};
    EXPECT_NEAR(mann_whitney_u(x, y).p_value, 2.0 / 70.0, 1e-12);
}

TEST(MannWhitney, SeparatedTwentyVersusTwentyWithoutOverflow) {
    // p = 2 / C(40, 20) = 2 / 137846528820 = 1.4508889103849688e-11, computed
    // through probabilities, never through the count C(40, 20) itself.
    std::vector<double> x(20), y(20);
    std::iota(x.begin(), x.end(), 1.0);
    std::iota(y.begin(), y.end(), 21.0);
    const u_test_result r = mann_whitney_u(x, y);
    EXPECT_TRUE(r.exact);
    EXPECT_NEAR(r.p_value / 1.4508889103849688e-11, 1.0, 1e-9);
}

TEST(MannWhitney, TiesUseTheNormalApproximationWithTieCorrection) {
    // x = {1,2,2,3}, y = {2,3,4,5}. Pooled mid-ranks: 1 -> 1; the three 2s ->
    // 3; the two 3s -> 5.5; 4 -> 7; 5 -> 8. R_x = 1 + 3 + 3 + 5.5 = 12.5,
    // U_x = 12.5 - 4*5/2 = 2.5, U_y = 16 - 2.5 = 13.5, mean 8.
    // Tie term: (27 - 3) + (8 - 2) = 30; N = 8.
    // var = 16/12 * (9 - 30/56) = 11.285714285714285
    // z = (13.5 - 8 - 0.5) / sqrt(var) = 1.4883513944689681
    // p = erfc(z / sqrt 2) = 0.13665824773814753
    const std::vector<double> x = {1, 2, 2, 3};
    const std::vector<double> y = {2, 3, 4, 5};
    const u_test_result r = mann_whitney_u(x, y);
    EXPECT_FALSE(r.exact);
    EXPECT_DOUBLE_EQ(r.u_x, 2.5);
    EXPECT_NEAR(r.p_value, 0.13665824773814753, 1e-12);
}

TEST(MannWhitney, AgreesWithScipyOnCompareDotPysTiedCase) {
    // Google Benchmark's tools/gbench/report.py tests "short" of test3:
    // real_time {8, 8} vs {7, 4.54, 800}, scipy's p = 0.7670968684102772.
    // By hand: mid-ranks 4.54 -> 1, 7 -> 2, 8 -> 3.5 (twice), 800 -> 5;
    // R_x = 7, U_x = 4, mean 3, tie term 6, var = 6/12 * (6 - 6/20) = 2.85,
    // z = (4 - 3 - 0.5)/sqrt(2.85) = 0.29617, p = erfc(z / sqrt 2) = 0.76710.
    const std::vector<double> x = {8, 8};
    const std::vector<double> y = {7, 4.54, 800};
    EXPECT_NEAR(mann_whitney_u(x, y).p_value, 0.7670968684102772, 1e-12);
}

TEST(MannWhitney, IdenticalSamplesGiveOne) {
    const std::vector<double> x = {5, 5};
    const std::vector<double> y = {5, 5, 5};
    EXPECT_DOUBLE_EQ(mann_whitney_u(x, y).p_value, 1.0);
    // Tie-free but balanced: 2 vs 2 with U_x = U_y = 2 -> p capped at 1.
    const std::vector<double> a = {9, 8};
    const std::vector<double> b = {10, 7};
    EXPECT_DOUBLE_EQ(mann_whitney_u(a, b).p_value, 1.0);
}

TEST(MannWhitney, LargeSamplesUseTheNormalApproximation) {
    // 101 vs 101, separated: U = 10201, mean 5100.5,
    // var = 101*101*203/12 = 172567.58, z = 5100/415.41 = 12.28: p ~ 1e-34.
    std::vector<double> x(101), y(101);
    std::iota(x.begin(), x.end(), 1.0);
    std::iota(y.begin(), y.end(), 102.0);
    const u_test_result r = mann_whitney_u(x, y);
    EXPECT_FALSE(r.exact);
    EXPECT_LT(r.p_value, 1e-30);
    EXPECT_GT(r.p_value, 0.0);
}

TEST(MannWhitney, SmallestPossiblePValue) {
    EXPECT_NEAR(u_test_smallest_p(2, 2), 2.0 / 6.0, 1e-15);
    EXPECT_NEAR(u_test_smallest_p(3, 3), 0.1, 1e-15);
    EXPECT_NEAR(u_test_smallest_p(4, 4), 2.0 / 70.0, 1e-15);
    EXPECT_NEAR(u_test_smallest_p(2, 3), 0.2, 1e-15);
    EXPECT_DOUBLE_EQ(u_test_smallest_p(1, 1), 1.0);
}

TEST(MannWhitney, EmptySampleIsAnError) {
    const std::vector<double> x = {1.0};
    const std::vector<double> none;
    EXPECT_THROW((void)mann_whitney_u(x, none), std::invalid_argument);
}

}  // namespace
}  // namespace hipkb::report
