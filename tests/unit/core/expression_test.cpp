#include <hipkb/core/expression.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

const hipkb::dim_values dims{{"N", 16}, {"H", 128}, {"K", 3}, {"P", 1}, {"S", 2}};

TEST(Expression, evaluates_precedence_and_parentheses) {
    EXPECT_EQ(hipkb::evaluate("2*N*N*N", dims), 8192);
    EXPECT_EQ(hipkb::evaluate("(H+2*P-K)/S+1", dims), 64);
    EXPECT_EQ(hipkb::evaluate("H-2", dims), 126);
    EXPECT_EQ(hipkb::evaluate(" 7 ", dims), 7);
    EXPECT_EQ(hipkb::evaluate("-N + 20", dims), 4);
    EXPECT_EQ(hipkb::evaluate("N - 2 - 3", dims), 11);  // left associative
}

TEST(Expression, names_the_unknown_dim) {
    try {
        (void)hipkb::evaluate("N*M", dims);
        FAIL() << "expected an error";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("unknown dim 'M'"), std::string::npos) << error.what();
    }
}

TEST(Expression, rejects_bad_syntax_division_by_zero_and_overflow) {
    EXPECT_THROW((void)hipkb::evaluate("N*", dims), std::invalid_argument);
    EXPECT_THROW((void)hipkb::evaluate("(N", dims), std::invalid_argument);
    EXPECT_THROW((void)hipkb::evaluate("N/0", dims), std::invalid_argument);
    EXPECT_THROW((void)hipkb::evaluate("N N", dims), std::invalid_argument);
    EXPECT_THROW((void)hipkb::evaluate("9223372036854775807*2", dims), std::invalid_argument);
    EXPECT_THROW((void)hipkb::evaluate("", dims), std::invalid_argument);
}

}  // namespace
