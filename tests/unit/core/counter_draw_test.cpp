// The draws behind generated inputs (hipkb/core/counter_draw.hpp): their
// own log and cos, which replace the library's so that a GPU gives the same
// bits, must still be the functions they stand for; and the integer half
// rounding that device code needs must round as IEEE does.
#include <hipkb/core/counter_draw.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>

namespace {

namespace draws = hipkb::draws;

TEST(CounterDraw, log_unit_is_the_natural_log_to_within_a_few_ulps_over_all_of_0_1) {
    double worst = 0.0;
    for (std::uint64_t i = 0; i < 200000; ++i) {
        const double u = draws::unit(12345, i);
        const double expected = std::log(u);
        const double error = std::abs(draws::log_unit(u) - expected);
        worst = std::max(worst, expected == 0.0 ? error : error / std::abs(expected));
    }
    // The smallest and largest values unit() can return.
    EXPECT_NEAR(draws::log_unit(0.5 / 9007199254740992.0), std::log(0.5 / 9007199254740992.0), 1e-13);
    EXPECT_EQ(draws::log_unit(1.0), 0.0);
    EXPECT_LT(worst, 4e-16);
}

TEST(CounterDraw, cos_turns_is_cos_of_two_pi_t_over_every_octant) {
    double worst = 0.0;
    for (int i = 0; i <= 100000; ++i) {
        const double t = i / 100000.0;
        worst = std::max(worst, std::abs(draws::cos_turns(t) - std::cos(2.0 * std::numbers::pi * t)));
    }
    EXPECT_LT(worst, 1e-15);
    EXPECT_EQ(draws::cos_turns(0.0), 1.0);
    EXPECT_EQ(draws::cos_turns(0.5), -1.0);
}

TEST(CounterDraw, normal_draws_have_the_tails_of_a_normal) {
    // About 0.27% of a standard normal lies beyond 3 sigma; an approximation
    // that clips the tails (a sum of uniforms) would have none beyond 6.
    const draws::draw_params standard{draws::distribution::normal, 0.0, 1.0};
    int beyond_three = 0;
    double largest = 0.0;
    constexpr int draws_made = 1000000;
    for (std::uint64_t i = 0; i < draws_made; ++i) {
        const double z = std::abs(draws::draw(standard, 99, i));
        if (z > 3.0) ++beyond_three;
        largest = std::max(largest, z);
    }
    EXPECT_NEAR(beyond_three / static_cast<double>(draws_made), 0.0027, 0.0003);
    EXPECT_GT(largest, 4.5);
}

TEST(CounterDraw, uniform_and_randint_never_reach_their_exclusive_high) {
    // unit() returns 1.0 for one counter in 2^53; those map back to low.
    const draws::draw_params uniform{draws::distribution::uniform, -2.0, 3.0};
    const draws::draw_params classes{draws::distribution::randint, 0.0, 4.0};
    for (std::uint64_t i = 0; i < 100000; ++i) {
        const double u = draws::draw(uniform, 5, i);
        ASSERT_GE(u, -2.0);
        ASSERT_LT(u, 3.0);
        const double c = draws::draw(classes, 5, i);
        ASSERT_GE(c, 0.0);
        ASSERT_LT(c, 4.0);
        ASSERT_EQ(c, std::floor(c));
    }
}

// The half conversion rounds subnormals with integer shifts (device code has
// no nearbyint with a guaranteed mode); it must equal rounding the exact
// value in units of 2^-24 to nearest even, ties included.
TEST(CounterDraw, half_subnormals_round_to_nearest_even_like_ieee) {
    for (std::uint32_t bits = 0; bits < 0x38800000u; bits += 97) {
        float value = 0.0f;
        std::memcpy(&value, &bits, sizeof value);
        const auto expected = static_cast<unsigned short>(std::nearbyint(value * 16777216.0f));
        ASSERT_EQ(hipkb::float_to_half(value), expected) << std::hex << bits;
        ASSERT_EQ(hipkb::float_to_half(-value), expected | 0x8000u) << std::hex << bits;
    }
    // Exact ties: 0.5, 1.5 and 2.5 units of 2^-24 go to the even neighbour.
    EXPECT_EQ(hipkb::float_to_half(0.5f * 5.9604644775390625e-08f), 0u);
    EXPECT_EQ(hipkb::float_to_half(1.5f * 5.9604644775390625e-08f), 2u);
    EXPECT_EQ(hipkb::float_to_half(2.5f * 5.9604644775390625e-08f), 2u);
    // The largest subnormal region rounds up into the smallest normal half.
    EXPECT_EQ(hipkb::float_to_half(std::nextafter(6.103515625e-05f, 0.0f)), 0x0400u);
}

TEST(CounterDraw, stored_elements_round_like_host_tensor_set) {
    float f32 = 0.0f;
    draws::store_element(&f32, 0, hipkb::dtype::fp32, 0.1);
    EXPECT_EQ(f32, 0.1f);
    unsigned short half = 0;
    draws::store_element(&half, 0, hipkb::dtype::fp16, 1.0 / 3.0);
    EXPECT_EQ(half, hipkb::float_to_half(static_cast<float>(1.0 / 3.0)));
    std::int64_t wide = 0;
    draws::store_element(&wide, 0, hipkb::dtype::int64, 41.0);
    EXPECT_EQ(wide, 41);
}

}  // namespace
