#include <hipkb/statistics.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace {

TEST(statistics, summary_of_a_known_sample) {
    const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
    const hipkb::summary s = hipkb::summarize(values);
    EXPECT_DOUBLE_EQ(s.mean, 5.0);
    EXPECT_DOUBLE_EQ(s.median, 4.5);
    EXPECT_NEAR(s.stddev, 2.138089935, 1e-9);  // sample stddev: sqrt(32/7)
    EXPECT_NEAR(s.cv, 2.138089935 / 5.0, 1e-9);
    EXPECT_DOUBLE_EQ(s.min, 2.0);
    EXPECT_DOUBLE_EQ(s.max, 9.0);
}

TEST(statistics, odd_median_single_value_and_empty_sample) {
    const std::vector<double> odd{3, 1, 2};
    EXPECT_DOUBLE_EQ(hipkb::median(odd), 2.0);
    const std::vector<double> one{5};
    const auto s = hipkb::summarize(one);
    EXPECT_DOUBLE_EQ(s.stddev, 0.0);
    EXPECT_DOUBLE_EQ(s.cv, 0.0);
    EXPECT_THROW((void)hipkb::summarize(std::vector<double>{}), std::invalid_argument);
}

}  // namespace
