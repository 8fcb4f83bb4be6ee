#include <hipkb/core/statistics.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace {

TEST(Statistics, summary_of_a_known_sample) {
    const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
    const hipkb::summary s = hipkb::summarize(values);
    EXPECT_DOUBLE_EQ(s.mean, 5.0);
    EXPECT_DOUBLE_EQ(s.median, 4.5);
    EXPECT_NEAR(s.stddev, 2.138089935, 1e-9);  // sample stddev: sqrt(32/7)
    EXPECT_NEAR(s.cv, 2.138089935 / 5.0, 1e-9);
    EXPECT_DOUBLE_EQ(s.min, 2.0);
    EXPECT_DOUBLE_EQ(s.max, 9.0);
}

TEST(Statistics, odd_median_single_value_and_empty_sample) {
    const std::vector<double> odd{3, 1, 2};
    EXPECT_DOUBLE_EQ(hipkb::median(odd), 2.0);
    const std::vector<double> one{5};
    const auto s = hipkb::summarize(one);
    EXPECT_DOUBLE_EQ(s.stddev, 0.0);
    EXPECT_DOUBLE_EQ(s.cv, 0.0);
    EXPECT_THROW((void)hipkb::summarize(std::vector<double>{}), std::invalid_argument);
}

}  // namespace

TEST(Statistics, quantile_by_nearest_rank) {
    const std::vector<double> values = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
    EXPECT_EQ(hipkb::quantile(values, 0.1), 1.0);
    EXPECT_EQ(hipkb::quantile(values, 0.5), 5.0);
    EXPECT_EQ(hipkb::quantile(values, 0.9), 9.0);
    EXPECT_EQ(hipkb::quantile(values, 1.0), 10.0);
    EXPECT_THROW((void)hipkb::quantile(std::vector<double>{}, 0.5), std::invalid_argument);
}

TEST(Statistics, unsynchronized_slack_follows_the_reference_gap_spread) {
    // Quiet gaps: the floor.
    EXPECT_DOUBLE_EQ(hipkb::unsynchronized_slack(std::vector<double>{5e-6, 5e-6, 5e-6}), 10e-6);
    EXPECT_DOUBLE_EQ(hipkb::unsynchronized_slack(std::vector<double>{}), 10e-6);
    // Noisy gaps (10 to 30 us): three times their 10-90% spread.
    std::vector<double> noisy;
    for (int i = 0; i <= 20; ++i) noisy.push_back((10.0 + i) * 1e-6);
    const double spread = hipkb::quantile(noisy, 0.9) - hipkb::quantile(noisy, 0.1);
    EXPECT_NEAR(hipkb::unsynchronized_slack(noisy), 3 * spread, 1e-12);
    EXPECT_GT(hipkb::unsynchronized_slack(noisy), 40e-6);
}
