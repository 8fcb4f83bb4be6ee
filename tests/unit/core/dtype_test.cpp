#include <hipkb/core/dtype.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

TEST(Dtype, parses_names_and_rejects_unknown_ones) {
    EXPECT_EQ(hipkb::parse_dtype("fp32"), hipkb::dtype::fp32);
    EXPECT_EQ(hipkb::parse_dtype("bfloat16"), hipkb::dtype::bf16);
    EXPECT_EQ(hipkb::size_of(hipkb::dtype::int64), 8u);
    EXPECT_THROW((void)hipkb::parse_dtype("fp8"), std::invalid_argument);
}

TEST(Dtype, half_conversions_round_trip_and_round_to_nearest_even) {
    for (const float v : {0.0f, 1.0f, -2.5f, 65504.0f, 6.1035156e-05f, 5.9604645e-08f}) {
        EXPECT_EQ(hipkb::half_to_float(hipkb::float_to_half(v)), v) << v;
    }
    EXPECT_EQ(hipkb::float_to_half(1.0f), 0x3C00);
    // 1 + 2^-11 is halfway between 1 and the next half; ties go to even (1).
    EXPECT_EQ(hipkb::float_to_half(1.0f + 0.00048828125f), 0x3C00);
    EXPECT_TRUE(std::isinf(hipkb::half_to_float(hipkb::float_to_half(1e6f))));
    EXPECT_TRUE(std::isnan(hipkb::half_to_float(hipkb::float_to_half(std::numeric_limits<float>::quiet_NaN()))));
    EXPECT_TRUE(std::isnan(hipkb::half_to_float(0xFFFF)));
}

TEST(Dtype, bf16_conversions) {
    EXPECT_EQ(hipkb::float_to_bf16(1.0f), 0x3F80);
    EXPECT_EQ(hipkb::bf16_to_float(0x3F80), 1.0f);
    EXPECT_NEAR(hipkb::bf16_to_float(hipkb::float_to_bf16(3.14159f)), 3.14159f, 0.01f);
    EXPECT_TRUE(std::isnan(hipkb::bf16_to_float(0xFFFF)));
    EXPECT_TRUE(std::isnan(hipkb::bf16_to_float(hipkb::float_to_bf16(std::numeric_limits<float>::quiet_NaN()))));
}

}  // namespace
