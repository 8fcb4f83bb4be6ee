#include <hipkb/core/correctness.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

hipkb::host_tensor tensor(std::vector<double> values, hipkb::dtype type = hipkb::dtype::fp32) {
    auto t = hipkb::make_poisoned("y", type, {static_cast<std::int64_t>(values.size())});
    for (std::size_t i = 0; i < values.size(); ++i) t.set(static_cast<std::int64_t>(i), values[i]);
    return t;
}

const hipkb::tolerance fp32{1e-4, 1e-4, {}};
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

TEST(Correctness, passes_within_atol_plus_rtol_times_expected) {
    // bound for expected 100: 1e-4 + 1e-2 = 0.0101
    EXPECT_TRUE(hipkb::compare(tensor({100.01}), tensor({100.0}), fp32).passed());
    EXPECT_FALSE(hipkb::compare(tensor({100.02}), tensor({100.0}), fp32).passed());
    EXPECT_TRUE(hipkb::compare(tensor({0.00005}), tensor({0.0}), fp32).passed());
    EXPECT_FALSE(hipkb::compare(tensor({0.0002}), tensor({0.0}), fp32).passed());
}

TEST(Correctness, reports_count_first_index_and_max_errors) {
    const auto result = hipkb::compare(tensor({1, 2.5, 3, 9}), tensor({1, 2, 3, 4}), fp32);
    EXPECT_EQ(result.elements, 4);
    EXPECT_EQ(result.mismatches, 2);
    ASSERT_TRUE(result.first_mismatch.has_value());
    EXPECT_EQ(*result.first_mismatch, 1);
    EXPECT_DOUBLE_EQ(result.first_got, 2.5);
    EXPECT_DOUBLE_EQ(result.first_expected, 2.0);
    EXPECT_DOUBLE_EQ(result.max_abs_error, 5.0);
    EXPECT_DOUBLE_EQ(result.max_rel_error, 1.25);
    EXPECT_EQ(hipkb::failure_kind(result), "mismatch");
    const std::string text = hipkb::describe(result, tensor({1, 2, 3, 4}), fp32, 7);
    EXPECT_NE(text.find("2 of 4"), std::string::npos) << text;
    EXPECT_NE(text.find("[1]"), std::string::npos) << text;
    EXPECT_NE(text.find("seed 7"), std::string::npos) << text;
}

TEST(Correctness, nan_or_inf_written_where_the_truth_is_finite_fails_as_nan_output) {
    const auto unwritten = hipkb::compare(tensor({1, nan}), tensor({1, 2}), fp32);
    EXPECT_FALSE(unwritten.passed());
    EXPECT_EQ(hipkb::failure_kind(unwritten), "nan_output");
    const auto infinite = hipkb::compare(tensor({inf, 2}), tensor({1, 2}), fp32);
    EXPECT_FALSE(infinite.passed());
    EXPECT_EQ(hipkb::failure_kind(infinite), "nan_output");
}

TEST(Correctness, a_non_finite_truth_is_the_reference_s_fault) {
    const auto result = hipkb::compare(tensor({1, nan}), tensor({1, nan}), fp32);
    EXPECT_FALSE(result.passed());
    EXPECT_EQ(result.non_finite_expected, 1);
    EXPECT_EQ(hipkb::failure_kind(result), "reference_invalid");
}

TEST(Correctness, fp16_uses_its_own_rounding_and_integers_are_exact) {
    const hipkb::tolerance half{1e-2, 1e-2, {}};
    EXPECT_TRUE(hipkb::compare(tensor({1.005}, hipkb::dtype::fp16), tensor({1.0}, hipkb::dtype::fp16), half).passed());
    const hipkb::tolerance exact{0, 0, {}};
    EXPECT_TRUE(
        hipkb::compare(tensor({3, 4}, hipkb::dtype::int64), tensor({3, 4}, hipkb::dtype::int64), exact).passed());
    EXPECT_FALSE(
        hipkb::compare(tensor({3, 5}, hipkb::dtype::int64), tensor({3, 4}, hipkb::dtype::int64), exact).passed());
    // An int64 output left poisoned reads as -1, which an argmax never is.
    auto poisoned = hipkb::make_poisoned("i", hipkb::dtype::int64, {1});
    EXPECT_DOUBLE_EQ(poisoned.at(0), -1.0);
}

TEST(Correctness, shape_or_type_mismatch_is_an_error) {
    EXPECT_THROW((void)hipkb::compare(tensor({1, 2}), tensor({1}), fp32), std::invalid_argument);
    EXPECT_THROW((void)hipkb::compare(tensor({1}, hipkb::dtype::fp16), tensor({1}), fp32), std::invalid_argument);
}

}  // namespace

namespace {

// Large outputs are compared in chunks on several threads; the report must
// not depend on which chunk finished first.
TEST(Correctness, chunked_comparison_reports_the_earliest_mismatch_and_all_counts) {
    const std::int64_t count = (std::int64_t{1} << 20) + 7;
    auto expected = hipkb::make_poisoned("y", hipkb::dtype::fp32, {count});
    for (std::int64_t i = 0; i < count; ++i) expected.set(i, static_cast<double>(i % 1000));
    auto got = expected;
    got.set(count - 1, -5.0);
    got.set(300000, 7.5);
    got.set(count / 2, std::numeric_limits<double>::quiet_NaN());
    const auto result = hipkb::compare(got, expected, fp32);
    EXPECT_EQ(result.elements, count);
    EXPECT_EQ(result.mismatches, 3);
    EXPECT_EQ(result.first_mismatch, 300000);
    EXPECT_DOUBLE_EQ(result.first_got, 7.5);
    // the last element: expected (2^20 + 6) mod 1000 = 582, got -5
    EXPECT_DOUBLE_EQ(result.max_abs_error, 587.0);
}

TEST(Correctness, a_stored_key_is_removed_before_comparing) {
    auto expected = tensor({1.5, -2.0, 3.25});
    auto sealed = expected;
    for (auto& b : sealed.bytes) b ^= std::byte{0x5A};
    EXPECT_TRUE(hipkb::compare_stored(expected, sealed, fp32, std::byte{0x5A}).passed());
    EXPECT_FALSE(hipkb::compare_stored(expected, sealed, fp32, std::byte{0}).passed());
}

}  // namespace
