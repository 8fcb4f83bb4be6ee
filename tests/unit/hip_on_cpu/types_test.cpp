// Unit tests for the value types and device math library of hipkb's
// HIP-on-CPU layer: <hip/hip_vector_types.h>, <hip/hip_fp16.h>,
// <hip/hip_bf16.h>, <hip/hip_bfloat16.h> and <hipkb_cpu/device_math.h>.
//
// The 16-bit conversions are checked against references that do not share
// their code: every half/bfloat16 bit pattern is decoded with ldexp, and
// float/double -> 16-bit roundings are checked against the definition of
// each rounding direction (the result and its neighbours bracket the
// input), over all special cases and a sweep of several million floats.
// Directed float arithmetic is checked against the hardware under
// fesetround.
#include <hip/hip_bf16.h>
#include <hip/hip_bfloat16.h>
#include <hip/hip_fp16.h>
#include <hip/hip_vector_types.h>
#include <hipkb_cpu/device_math.h>

#include <gtest/gtest.h>

#include <cfenv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <type_traits>

namespace {

using hipkb::cpu::detail::rounding;

constexpr rounding kAllModes[] = {rounding::nearest_even, rounding::toward_zero, rounding::up, rounding::down};

uint32_t bits_of(float f) {
    uint32_t b;
    std::memcpy(&b, &f, sizeof b);
    return b;
}
float float_of(uint32_t b) {
    float f;
    std::memcpy(&f, &b, sizeof f);
    return f;
}

// ---------------------------------------------------------------------------
// Independent references for the 16-bit formats
// ---------------------------------------------------------------------------

// The value of a half bit pattern, decoded from the IEEE definition.
double reference_half_value(uint16_t bits) {
    const int field = (bits >> 10) & 0x1f;
    const int fraction = bits & 0x3ff;
    double magnitude;
    if (field == 0x1f) {
        magnitude = fraction != 0 ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
    } else if (field == 0) {
        magnitude = std::ldexp(static_cast<double>(fraction), -24);
    } else {
        magnitude = std::ldexp(static_cast<double>(1024 + fraction), field - 25);
    }
    return (bits & 0x8000) != 0 ? -magnitude : magnitude;
}

// The value of a bfloat16 bit pattern, decoded from its definition.
double reference_bf16_value(uint16_t bits) {
    const int field = (bits >> 7) & 0xff;
    const int fraction = bits & 0x7f;
    double magnitude;
    if (field == 0xff) {
        magnitude = fraction != 0 ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
    } else if (field == 0) {
        magnitude = std::ldexp(static_cast<double>(fraction), -133);
    } else {
        magnitude = std::ldexp(static_cast<double>(128 + fraction), field - 134);
    }
    return (bits & 0x8000) != 0 ? -magnitude : magnitude;
}

struct HalfSpec {
    static constexpr uint16_t infinity = 0x7c00;
    static double value(uint16_t bits) { return reference_half_value(bits); }
    // The value the next pattern after the largest finite one would have.
    static double beyond_max() { return 65536.0; }
};
struct Bf16Spec {
    static constexpr uint16_t infinity = 0x7f80;
    static double value(uint16_t bits) { return reference_bf16_value(bits); }
    static double beyond_max() { return std::ldexp(1.0, 128); }
};

// Whether `got` is `x` (finite or infinite, not NaN) correctly rounded in
// `mode`, by the definition of the direction: the result and its neighbours
// in magnitude must bracket |x| the right way.
template <class Spec>
::testing::AssertionResult rounds_correctly(double x, uint16_t got, rounding mode) {
    const bool negative = std::signbit(x);
    if (((got & 0x8000) != 0) != negative) {
        return ::testing::AssertionFailure() << "sign of 0x" << std::hex << got << " for " << x;
    }
    const double magnitude = std::fabs(x);
    const uint16_t g = got & 0x7fff;
    // Rounding of the magnitude: up, down or nearest.
    const bool magnitude_up = (mode == rounding::up && !negative) || (mode == rounding::down && negative);
    const bool magnitude_down =
        mode == rounding::toward_zero || (mode == rounding::up && negative) || (mode == rounding::down && !negative);
    if (std::isinf(magnitude)) {
        return g == Spec::infinity ? ::testing::AssertionSuccess()
                                   : ::testing::AssertionFailure() << "infinity became 0x" << std::hex << got;
    }
    if (g > Spec::infinity) {
        return ::testing::AssertionFailure() << "NaN 0x" << std::hex << got << " for " << x;
    }
    const double max_finite = Spec::value(Spec::infinity - 1);
    if (g == Spec::infinity) {
        bool ok = false;
        if (magnitude_up) {
            ok = magnitude > max_finite;
        } else if (!magnitude_down) {
            ok = magnitude >= (max_finite + Spec::beyond_max()) / 2;
        }
        return ok ? ::testing::AssertionSuccess() : ::testing::AssertionFailure() << x << " overflowed";
    }
    const double v = Spec::value(g);
    const double next = g + 1 < Spec::infinity
                            ? Spec::value(static_cast<uint16_t>(g + 1))
                            : (magnitude_down ? std::numeric_limits<double>::infinity() : Spec::beyond_max());
    const double prev = g > 0 ? Spec::value(static_cast<uint16_t>(g - 1)) : -Spec::value(1);
    bool ok;
    if (magnitude_down) {
        ok = v <= magnitude && magnitude < next;
    } else if (magnitude_up) {
        ok = prev < magnitude && magnitude <= v;
    } else {
        const double d = std::fabs(magnitude - v);
        const double to_prev = magnitude - prev;
        const double to_next = next - magnitude;
        ok = d <= to_prev && d <= to_next;
        if (ok && (d == to_prev || d == to_next)) {
            ok = (g & 1) == 0;  // a tie goes to the even pattern
        }
    }
    if (ok) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << std::hexfloat << x << " gave 0x" << std::hex << got << " in mode "
                                         << static_cast<int>(mode);
}

uint16_t half_bits(float f, rounding mode) { return hipkb::cpu::detail::float_to_half(f, mode); }
uint16_t bf16_bits(float f, rounding mode) { return hipkb::cpu::detail::float_to_bf16(f, mode); }

// A deterministic sweep of floats: every combination of sign, exponent and
// top 10 fraction bits, with low bits that put the value on, just below,
// just above and halfway between half and bfloat16 steps.
template <class Check>
void sweep_floats(Check check) {
    constexpr uint32_t lows[] = {0x0, 0x1, 0xfff, 0x1000, 0x1001, 0x1fff, 0x0abc};
    for (uint32_t high = 0; high < (1u << 19); ++high) {
        for (uint32_t low : lows) {
            const float f = float_of((high << 13) | low);
            if (!std::isnan(f)) {
                check(f);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// half conversions
// ---------------------------------------------------------------------------

TEST(HalfConversion, EveryBitPatternDecodesExactlyAndRoundTrips) {
    for (uint32_t b = 0; b <= 0xffff; ++b) {
        const uint16_t bits = static_cast<uint16_t>(b);
        const __half h = __ushort_as_half(bits);
        const float f = __half2float(h);
        const double expected = reference_half_value(bits);
        if (std::isnan(expected)) {
            ASSERT_TRUE(std::isnan(f)) << std::hex << b;
            ASSERT_TRUE(__hisnan(__float2half(f))) << std::hex << b;
            ASSERT_TRUE(__hisnan(h));
            continue;
        }
        ASSERT_EQ(static_cast<double>(f), expected) << std::hex << b;
        ASSERT_EQ(std::signbit(f), (b & 0x8000) != 0) << std::hex << b;
        ASSERT_EQ(__half_as_ushort(__float2half(f)), bits) << std::hex << b;
        ASSERT_EQ(__half_as_ushort(__double2half(static_cast<double>(f))), bits) << std::hex << b;
        ASSERT_FALSE(__hisnan(h));
        ASSERT_EQ(__hisinf(h), std::isinf(expected));
    }
}

TEST(HalfConversion, FloatRoundsTiesToEven) {
    // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: the even one is 1.
    EXPECT_EQ(__half_as_ushort(__float2half(1.0f + 0x1p-11f)), 0x3c00);
    // 1 + 3 * 2^-11 is halfway between 1 + 2^-10 (odd) and 1 + 2^-9 (even).
    EXPECT_EQ(__half_as_ushort(__float2half(1.0f + 3 * 0x1p-11f)), 0x3c02);
    // Just above a tie rounds up; just below rounds down.
    EXPECT_EQ(__half_as_ushort(__float2half(float_of(0x3f801001u))), 0x3c01);
    EXPECT_EQ(__half_as_ushort(__float2half(float_of(0x3f800fffu))), 0x3c00);
    EXPECT_EQ(__half_as_ushort(__float2half(-1.0f - 0x1p-11f)), 0xbc00);
    // 2049 is halfway between 2048 and 2050 (half spacing 2 there).
    EXPECT_EQ(__half2float(__float2half(2049.0f)), 2048.0f);
    EXPECT_EQ(__half2float(__float2half(2051.0f)), 2052.0f);
    EXPECT_EQ(__half_as_ushort(__float2half_rn(0.1f)), 0x2e66);
}

TEST(HalfConversion, FloatRoundsIntoSubnormalsToEven) {
    EXPECT_EQ(__half_as_ushort(__float2half(0x1p-24f)), 0x0001);         // smallest subnormal
    EXPECT_EQ(__half_as_ushort(__float2half(0x1p-25f)), 0x0000);         // half of it: tie to even zero
    EXPECT_EQ(__half_as_ushort(__float2half(-0x1p-25f)), 0x8000);        // negative zero
    EXPECT_EQ(__half_as_ushort(__float2half(0x1.000002p-25f)), 0x0001);  // just above the tie
    EXPECT_EQ(__half_as_ushort(__float2half(3 * 0x1p-25f)), 0x0002);     // 1.5 units: tie to 2
    EXPECT_EQ(__half_as_ushort(__float2half(5 * 0x1p-25f)), 0x0002);     // 2.5 units: tie to 2
    EXPECT_EQ(__half_as_ushort(__float2half(0x1p-14f)), 0x0400);         // smallest normal
    // Halfway between the largest subnormal and the smallest normal.
    EXPECT_EQ(__half_as_ushort(__float2half(0x1p-14f - 0x1p-25f)), 0x0400);
    EXPECT_EQ(__half_as_ushort(__float2half(1e-30f)), 0x0000);
    EXPECT_EQ(__half_as_ushort(__float2half(std::numeric_limits<float>::denorm_min())), 0x0000);
    // Every tie (k + 1/2) * 2^-24 in the subnormal range goes to the even k.
    for (int k = 0; k < 1024; ++k) {
        const float tie = (static_cast<float>(k) + 0.5f) * 0x1p-24f;
        const int expected = (k % 2 == 0) ? k : k + 1;
        ASSERT_EQ(__half_as_ushort(__float2half(tie)), expected) << k;
    }
}

TEST(HalfConversion, FloatOverflowsToInfinityFromHalfwayPastTheMaximum) {
    EXPECT_EQ(__half_as_ushort(__float2half(65504.0f)), 0x7bff);
    EXPECT_EQ(__half_as_ushort(__float2half(65519.996f)), 0x7bff);
    EXPECT_EQ(__half_as_ushort(__float2half(65520.0f)), 0x7c00);  // the tie goes to the even infinity
    EXPECT_EQ(__half_as_ushort(__float2half(1e10f)), 0x7c00);
    EXPECT_EQ(__half_as_ushort(__float2half(-1e10f)), 0xfc00);
    EXPECT_EQ(__half_as_ushort(__float2half(std::numeric_limits<float>::infinity())), 0x7c00);
    EXPECT_EQ(__half_as_ushort(__float2half(-std::numeric_limits<float>::infinity())), 0xfc00);
    // Toward zero, overflow stops at the largest finite value.
    EXPECT_EQ(__half_as_ushort(__float2half_rz(1e10f)), 0x7bff);
    EXPECT_EQ(__half_as_ushort(__float2half_rz(-1e10f)), 0xfbff);
    EXPECT_EQ(__half_as_ushort(__float2half_rd(1e10f)), 0x7bff);
    EXPECT_EQ(__half_as_ushort(__float2half_ru(1e10f)), 0x7c00);
    EXPECT_EQ(__half_as_ushort(__float2half_ru(-1e10f)), 0xfbff);
    EXPECT_EQ(__half_as_ushort(__float2half_rz(std::numeric_limits<float>::infinity())), 0x7c00);
}

TEST(HalfConversion, NaNStaysAQuietNaNWithItsSign) {
    const float quiet = std::numeric_limits<float>::quiet_NaN();
    const float signaling_low_payload = float_of(0x7f800001u);  // payload only in the dropped bits
    EXPECT_TRUE(__hisnan(__float2half(quiet)));
    EXPECT_TRUE(__hisnan(__float2half(signaling_low_payload)));
    EXPECT_EQ(__half_as_ushort(__float2half(signaling_low_payload)) & 0x0200, 0x0200);  // quiet bit set
    EXPECT_EQ(__half_as_ushort(__float2half(-quiet)) & 0x8000, 0x8000);
    EXPECT_TRUE(__hisnan(__float2half_rz(signaling_low_payload)));
    EXPECT_TRUE(__hisnan(__double2half(std::numeric_limits<double>::signaling_NaN())));
    EXPECT_TRUE(std::isnan(__half2float(__ushort_as_half(0x7e00))));
}

TEST(HalfConversion, FastFloatPathEqualsGenericRoundingOnASweep) {
    sweep_floats([](float f) {
        ASSERT_EQ(hipkb::cpu::detail::float_to_half_rn(f),
                  hipkb::cpu::detail::float_to_small<hipkb::cpu::detail::half_format>(f, rounding::nearest_even))
            << std::hexfloat << f;
    });
}

TEST(HalfConversion, FloatRoundsCorrectlyInEveryDirectionOnASweep) {
    sweep_floats([](float f) {
        for (rounding mode : kAllModes) {
            ASSERT_TRUE(rounds_correctly<HalfSpec>(f, half_bits(f, mode), mode));
        }
    });
    std::mt19937 random(12345);
    std::uniform_real_distribution<float> subnormal_range(0.0f, 0x1p-13f);
    for (int i = 0; i < 200000; ++i) {
        const float f = subnormal_range(random);
        for (rounding mode : kAllModes) {
            ASSERT_TRUE(rounds_correctly<HalfSpec>(f, half_bits(f, mode), mode));
            ASSERT_TRUE(rounds_correctly<HalfSpec>(-f, half_bits(-f, mode), mode));
        }
    }
}

#if defined(__FLT16_MAX__)
TEST(HalfConversion, FloatToHalfMatchesTheCompilersFloat16OnASweep) {
    sweep_floats([](float f) {
        const _Float16 reference = static_cast<_Float16>(f);
        uint16_t expected;
        std::memcpy(&expected, &reference, sizeof expected);
        ASSERT_EQ(__half_as_ushort(__float2half(f)), expected) << std::hexfloat << f;
    });
}
#endif

TEST(HalfConversion, DoubleRoundsOnceNotThroughFloat) {
    // 1 + 2^-11 + 2^-40: rounding to float first lands exactly on the half
    // tie 1 + 2^-11 (then 1.0); rounding once gives 1 + 2^-10.
    const double x = 1.0 + 0x1p-11 + 0x1p-40;
    EXPECT_EQ(__half_as_ushort(__float2half(static_cast<float>(x))), 0x3c00);
    EXPECT_EQ(__half_as_ushort(__double2half(x)), 0x3c01);
    EXPECT_EQ(__half_as_ushort(__half(x)), 0x3c01);
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> range(-70000.0, 70000.0);
    for (int i = 0; i < 200000; ++i) {
        const double d = range(random) * (i % 2 == 0 ? 1.0 : 0x1p-20);
        for (rounding mode : kAllModes) {
            ASSERT_TRUE(rounds_correctly<HalfSpec>(d, hipkb::cpu::detail::double_to_half(d, mode), mode));
        }
    }
}

TEST(HalfConversion, IntegersConvertWithRoundingAndSaturation) {
    EXPECT_EQ(__half2float(__int2half_rn(3)), 3.0f);
    EXPECT_EQ(__half2float(__int2half_rn(-2049)), -2048.0f);  // tie to even
    EXPECT_EQ(__half2float(__int2half_rn(65519)), 65504.0f);
    EXPECT_TRUE(__hisinf(__int2half_rn(65520)));
    EXPECT_TRUE(__hisinf(__ll2half_rn(1LL << 62)));
    EXPECT_EQ(__half2float(__uint2half_rn(1000u)), 1000.0f);
    EXPECT_EQ(__half2int_rn(__float2half(2.5f)), 2);  // ties to even
    EXPECT_EQ(__half2int_rn(__float2half(3.5f)), 4);
    EXPECT_EQ(__half2int_rn(__float2half(-2.5f)), -2);
    EXPECT_EQ(__half2int_rz(__float2half(-2.75f)), -2);
    EXPECT_EQ(__half2int_rd(__float2half(-2.25f)), -3);
    EXPECT_EQ(__half2int_ru(__float2half(2.25f)), 3);
    EXPECT_EQ(__half2int_rz(__ushort_as_half(0x7c00)), std::numeric_limits<int>::max());
    EXPECT_EQ(__half2int_rz(__ushort_as_half(0xfc00)), std::numeric_limits<int>::min());
    EXPECT_EQ(__half2int_rn(__ushort_as_half(0x7e00)), 0);  // NaN
    EXPECT_EQ(__half2uint_rz(__float2half(-5.0f)), 0u);
    EXPECT_EQ(__half2short_rz(__float2half(60000.0f)), std::numeric_limits<short>::max());
    EXPECT_EQ(__half2ushort_rn(__float2half(60000.0f)), 60000);
    EXPECT_EQ(__half2ll_rz(__float2half(-100.5f)), -100);
}

TEST(HalfConversion, ConvertsImplicitlyLikeHipsHalf) {
    __half h = 1.5f;
    float f = h;
    EXPECT_EQ(f, 1.5f);
    h = 2.25;  // double
    EXPECT_EQ(static_cast<float>(h), 2.25f);
    h = 7;  // int
    EXPECT_EQ(static_cast<float>(h), 7.0f);
    h = 3u;
    EXPECT_EQ(static_cast<float>(h), 3.0f);
    const double d = __half(0.5f);
    EXPECT_EQ(d, 0.5);
    const __half_raw raw = __float2half(1.0f);
    EXPECT_EQ(raw.x, 0x3c00);
    EXPECT_EQ(__half_as_ushort(__half(__half_raw{0x4000})), 0x4000);
    EXPECT_EQ(__half_as_short(__float2half(-2.0f)), static_cast<short>(0xc000));
    EXPECT_EQ(__half_as_ushort(__short_as_half(static_cast<short>(0xc000))), 0xc000);
    static_assert(__half_as_ushort(__half(1.0f)) == 0x3c00, "conversions are constexpr");
    static_assert(static_cast<float>(__ushort_as_half(0x3555)) == 0x1.554p-2f, "and exact");
    static_assert(std::is_same_v<half, __half> && std::is_same_v<half2, __half2>);
}

// ---------------------------------------------------------------------------
// half arithmetic
// ---------------------------------------------------------------------------

TEST(HalfArithmetic, OperatorsAndIntrinsicsRoundOnce) {
    const __half a = __float2half(1.5f);
    const __half b = __float2half(2.25f);
    EXPECT_EQ(__half2float(__hadd(a, b)), 3.75f);
    EXPECT_EQ(__half2float(__hsub(a, b)), -0.75f);
    EXPECT_EQ(__half2float(__hmul(a, b)), 3.375f);
    EXPECT_EQ(__half2float(__hdiv(b, a)), 1.5f);
    EXPECT_EQ(__half2float(__hfma(a, b, __float2half(0.125f))), 3.5f);
    EXPECT_EQ(__half2float(a + b), 3.75f);
    EXPECT_EQ(__half2float(a - b), -0.75f);
    EXPECT_EQ(__half2float(a * b), 3.375f);
    EXPECT_EQ(__half2float(b / a), 1.5f);
    EXPECT_EQ(__half2float(-a), -1.5f);
    EXPECT_EQ(__half2float(__hneg(a)), -1.5f);
    EXPECT_EQ(__half2float(__habs(__float2half(-4.0f))), 4.0f);
    // 1 + 2^-10 times itself is 1 + 2^-9 + 2^-20: rounds to 1 + 2^-9.
    const __half one_plus = __ushort_as_half(0x3c01);
    EXPECT_EQ(__half_as_ushort(one_plus * one_plus), 0x3c02);
    // 2048 + 1 is a tie in half: rounds to the even 2048.
    EXPECT_EQ(__half2float(__float2half(2048.0f) + __float2half(1.0f)), 2048.0f);
    // Overflow of a sum gives infinity.
    EXPECT_TRUE(__hisinf(__float2half(65504.0f) + __float2half(65504.0f)));

    __half c = a;
    c += b;
    EXPECT_EQ(__half2float(c), 3.75f);
    c -= a;
    EXPECT_EQ(__half2float(c), 2.25f);
    c *= __float2half(2.0f);
    EXPECT_EQ(__half2float(c), 4.5f);
    c /= __float2half(3.0f);
    EXPECT_EQ(__half2float(c), 1.5f);
    ++c;
    EXPECT_EQ(__half2float(c), 2.5f);
    c--;
    EXPECT_EQ(__half2float(c), 1.5f);
    c += 1.0f;  // mixed compound assignment
    EXPECT_EQ(__half2float(c), 2.5f);
    c *= 2;
    EXPECT_EQ(__half2float(c), 5.0f);
}

TEST(HalfArithmetic, FmaRoundsOnlyOnce) {
    // a*b = (1 + 2^-10)(1 - 2^-11) = 1 + 2^-11 - 2^-21: just below the tie
    // 1 + 2^-11, so the exact fma(a, b, 0) rounds down to 1. Rounding a*b to
    // half first and adding would be the same here, so add a c that makes a
    // float-then-half double rounding go wrong: c = 2^-24 keeps the sum below
    // the tie in exact arithmetic.
    const __half a = __ushort_as_half(0x3c01);  // 1 + 2^-10
    const __half b = __ushort_as_half(0x3bff);  // 1 - 2^-11
    const __half c = __ushort_as_half(0x0001);  // 2^-24
    EXPECT_EQ(__half_as_ushort(__hfma(a, b, c)), 0x3c00);
    EXPECT_EQ(__half_as_ushort(__hfma(a, b, __ushort_as_half(0x8000))), 0x3c00);
#if defined(__FLT16_MAX__) && defined(__LDBL_MANT_DIG__) && __LDBL_MANT_DIG__ >= 64
    // Against the exact value (exact in x87 long double: the terms span at
    // most 64 bits) converted once by the compiler.
    std::mt19937 random(99);
    std::uniform_int_distribution<int> pattern(0, 0xffff);
    for (int i = 0; i < 300000; ++i) {
        const __half x = __ushort_as_half(static_cast<unsigned short>(pattern(random)));
        const __half y = __ushort_as_half(static_cast<unsigned short>(pattern(random)));
        const __half z = __ushort_as_half(static_cast<unsigned short>(pattern(random)));
        if (__hisnan(x) || __hisnan(y) || __hisnan(z) || __hisinf(x) || __hisinf(y) || __hisinf(z)) {
            continue;
        }
        const long double exact = static_cast<long double>(__half2float(x)) * __half2float(y) + __half2float(z);
        const _Float16 reference = static_cast<_Float16>(exact);
        uint16_t expected;
        std::memcpy(&expected, &reference, sizeof expected);
        const uint16_t got = __half_as_ushort(__hfma(x, y, z));
        if (exact == 0) {
            ASSERT_EQ(got & 0x7fff, 0);
        } else {
            ASSERT_EQ(got, expected) << std::hex << __half_as_ushort(x) << " " << __half_as_ushort(y) << " "
                                     << __half_as_ushort(z);
        }
    }
#endif
}

TEST(HalfArithmetic, MixedOperandsAreNotAmbiguousAndFollowFloat16Promotion) {
    const __half h = __float2half(3.0f);
    const auto times_float = h * 2.0f;
    const auto float_times = 2.0f * h;
    const auto plus_double = h + 1.0;
    const auto times_int = h * 2;
    const auto int_minus = 10 - h;
    static_assert(std::is_same_v<decltype(times_float), const float>);
    static_assert(std::is_same_v<decltype(float_times), const float>);
    static_assert(std::is_same_v<decltype(plus_double), const double>);
    static_assert(std::is_same_v<decltype(times_int), const __half>);
    static_assert(std::is_same_v<decltype(int_minus), const __half>);
    static_assert(std::is_same_v<decltype(h + h), __half>);
    static_assert(std::is_same_v<decltype(h * h), __half>);
    EXPECT_EQ(times_float, 6.0f);
    EXPECT_EQ(float_times, 6.0f);
    EXPECT_EQ(plus_double, 4.0);
    EXPECT_EQ(__half2float(times_int), 6.0f);
    EXPECT_EQ(__half2float(int_minus), 7.0f);
    EXPECT_EQ(h / 2.0f, 1.5f);
    EXPECT_EQ(__half2float(h) * 2.0f, 6.0f);
    EXPECT_EQ(__half2float(h + h), 6.0f);
    EXPECT_TRUE(h == 3);
    EXPECT_TRUE(3.0f == h);
    EXPECT_TRUE(h < 3.5f);
    EXPECT_TRUE(2.5 < h);
    EXPECT_TRUE(h >= 3u);
    EXPECT_TRUE(h != 4);
    EXPECT_FALSE(h > 3.0f);
    // The comparison is exact: 3.0001 is not equal to half(3).
    EXPECT_FALSE(h == 3.0001);
}

TEST(HalfArithmetic, ComparisonsFollowIeeeIncludingNaNAndZeros) {
    const __half nan = __ushort_as_half(0x7e00);
    const __half one = __float2half(1.0f);
    const __half zero = __ushort_as_half(0x0000);
    const __half negative_zero = __ushort_as_half(0x8000);
    EXPECT_TRUE(zero == negative_zero);
    EXPECT_TRUE(__heq(zero, negative_zero));
    EXPECT_FALSE(nan == nan);
    EXPECT_TRUE(nan != nan);
    EXPECT_FALSE(nan < one);
    EXPECT_FALSE(nan >= one);
    EXPECT_FALSE(__hne(nan, one));  // ordered: false with NaN
    EXPECT_TRUE(__hneu(nan, one));  // unordered: true with NaN
    EXPECT_TRUE(__hltu(nan, one));
    EXPECT_FALSE(__hlt(nan, one));
    EXPECT_TRUE(__hlt(zero, one));
    EXPECT_TRUE(__hle(one, one));
    EXPECT_TRUE(__hgt(one, zero));
    EXPECT_TRUE(__hge(one, one));
    EXPECT_TRUE(__hisnan(nan));
    EXPECT_TRUE(__hisinf(__ushort_as_half(0xfc00)));
    EXPECT_FALSE(__hisinf(one));
    // Max/min ignore a NaN operand; the _nan forms propagate it.
    EXPECT_EQ(__half2float(__hmax(nan, one)), 1.0f);
    EXPECT_EQ(__half2float(__hmin(one, nan)), 1.0f);
    EXPECT_TRUE(__hisnan(__hmax_nan(nan, one)));
    EXPECT_EQ(__half2float(__hmax(one, __float2half(-2.0f))), 1.0f);
    EXPECT_EQ(__half2float(__hmin(one, __float2half(-2.0f))), -2.0f);
}

TEST(HalfArithmetic, MathFunctionsAreTheFloatFunctionsRoundedToHalf) {
    for (float x : {0.25f, 0.5f, 1.0f, 1.5f, 2.0f, 3.0f, 7.5f}) {
        const __half h = __float2half(x);
        EXPECT_EQ(__half_as_ushort(hexp(h)), __half_as_ushort(__float2half(std::exp(x)))) << x;
        EXPECT_EQ(__half_as_ushort(hlog(h)), __half_as_ushort(__float2half(std::log(x)))) << x;
        EXPECT_EQ(__half_as_ushort(hsqrt(h)), __half_as_ushort(__float2half(std::sqrt(x)))) << x;
        EXPECT_EQ(__half_as_ushort(hrsqrt(h)), __half_as_ushort(__float2half(1.0f / std::sqrt(x)))) << x;
        EXPECT_EQ(__half_as_ushort(hrcp(h)), __half_as_ushort(__float2half(1.0f / x))) << x;
        EXPECT_EQ(__half_as_ushort(hsin(h)), __half_as_ushort(__float2half(std::sin(x)))) << x;
        EXPECT_EQ(__half_as_ushort(hcos(h)), __half_as_ushort(__float2half(std::cos(x)))) << x;
        EXPECT_EQ(__half_as_ushort(htanh(h)), __half_as_ushort(__float2half(std::tanh(x)))) << x;
        EXPECT_EQ(__half_as_ushort(hexp2(h)), __half_as_ushort(__float2half(std::exp2(x)))) << x;
        EXPECT_EQ(__half_as_ushort(hlog2(h)), __half_as_ushort(__float2half(std::log2(x)))) << x;
    }
    EXPECT_EQ(__half2float(hexp10(__float2half(2.0f))), 100.0f);
    EXPECT_EQ(__half2float(hfloor(__float2half(-1.5f))), -2.0f);
    EXPECT_EQ(__half2float(hceil(__float2half(-1.5f))), -1.0f);
    EXPECT_EQ(__half2float(htrunc(__float2half(-1.5f))), -1.0f);
    EXPECT_EQ(__half2float(hrint(__float2half(2.5f))), 2.0f);
}

TEST(HalfPair, ConversionsAndAccessors) {
    const __half2 p = __floats2half2_rn(1.0f, -2.0f);
    EXPECT_EQ(__low2float(p), 1.0f);
    EXPECT_EQ(__high2float(p), -2.0f);
    EXPECT_EQ(__half2float(__low2half(p)), 1.0f);
    EXPECT_EQ(__half2float(__high2half(p)), -2.0f);
    const float2 f = __half22float2(p);
    EXPECT_EQ(f.x, 1.0f);
    EXPECT_EQ(f.y, -2.0f);
    const __half2 q = __float22half2_rn(make_float2(0.5f, 4.0f));
    EXPECT_EQ(__low2float(q), 0.5f);
    EXPECT_EQ(__high2float(q), 4.0f);
    const __half2 same = __float2half2_rn(3.0f);
    EXPECT_EQ(__low2float(same), 3.0f);
    EXPECT_EQ(__high2float(same), 3.0f);
    const __half2 built = __halves2half2(__float2half(5.0f), __float2half(6.0f));
    EXPECT_EQ(__low2float(built), 5.0f);
    EXPECT_EQ(__high2float(built), 6.0f);
    EXPECT_EQ(__low2float(__lowhigh2highlow(built)), 6.0f);
    EXPECT_EQ(__high2float(__lows2half2(p, built)), 5.0f);
    EXPECT_EQ(__low2float(__highs2half2(p, built)), -2.0f);
    EXPECT_EQ(__high2float(__low2half2(p)), 1.0f);
    const __half2_raw raw = p;
    EXPECT_EQ(raw.x, 0x3c00);
    EXPECT_EQ(raw.y, 0xc000);
    EXPECT_EQ(sizeof(__half2), 4u);
    EXPECT_EQ(alignof(__half2), 4u);
    EXPECT_EQ(offsetof(__half2, y), 2u);
}

TEST(HalfPair, ArithmeticIsElementWise) {
    const __half2 a = __floats2half2_rn(1.0f, -2.0f);
    const __half2 b = __floats2half2_rn(0.5f, 4.0f);
    const __half2 sum = __hadd2(a, b);
    EXPECT_EQ(__low2float(sum), 1.5f);
    EXPECT_EQ(__high2float(sum), 2.0f);
    EXPECT_EQ(__high2float(__hsub2(a, b)), -6.0f);
    EXPECT_EQ(__high2float(__hmul2(a, b)), -8.0f);
    EXPECT_EQ(__low2float(__hdiv2(a, b)), 2.0f);
    const __half2 fma = __hfma2(a, b, __float2half2_rn(1.0f));
    EXPECT_EQ(__low2float(fma), 1.5f);
    EXPECT_EQ(__high2float(fma), -7.0f);
    EXPECT_EQ(__high2float(__hneg2(a)), 2.0f);
    EXPECT_EQ(__high2float(__habs2(a)), 2.0f);
    EXPECT_EQ(__low2float(__hmax2(a, b)), 1.0f);
    EXPECT_EQ(__high2float(__hmin2(a, b)), -2.0f);
    const __half2 ops = (a + b) * b - a / b;
    EXPECT_EQ(__low2float(ops), 1.5f * 0.5f - 2.0f);
    EXPECT_EQ(__high2float(ops), 2.0f * 4.0f + 0.5f);
    __half2 c = a;
    c += b;
    c *= b;
    c -= a;
    c /= b;
    EXPECT_EQ(__low2float(c), (1.5f * 0.5f - 1.0f) / 0.5f);
    EXPECT_EQ(__high2float(-c), -((2.0f * 4.0f + 2.0f) / 4.0f));
    EXPECT_TRUE(a == a);
    EXPECT_FALSE(a == b);
    EXPECT_TRUE(a != b);                               // both halves differ
    EXPECT_FALSE(a != __floats2half2_rn(1.0f, 0.0f));  // one half equal
    EXPECT_TRUE(__floats2half2_rn(0.0f, 1.0f) < __floats2half2_rn(1.0f, 2.0f));
    EXPECT_EQ(__low2float(__hlt2(a, b)), 0.0f);
    EXPECT_EQ(__high2float(__hlt2(a, b)), 1.0f);
    const __half2 roots = h2sqrt(__floats2half2_rn(4.0f, 9.0f));
    EXPECT_EQ(__low2float(roots), 2.0f);
    EXPECT_EQ(__high2float(roots), 3.0f);
    EXPECT_EQ(__high2float(h2rsqrt(__floats2half2_rn(4.0f, 16.0f))), 0.25f);
    EXPECT_EQ(__low2float(h2exp(__floats2half2_rn(0.0f, 1.0f))), 1.0f);
}

// ---------------------------------------------------------------------------
// bfloat16
// ---------------------------------------------------------------------------

TEST(BFloat16Conversion, EveryBitPatternDecodesExactlyAndRoundTrips) {
    for (uint32_t b = 0; b <= 0xffff; ++b) {
        const uint16_t bits = static_cast<uint16_t>(b);
        const __hip_bfloat16 v = __ushort_as_bfloat16(bits);
        const float f = __bfloat162float(v);
        const double expected = reference_bf16_value(bits);
        if (std::isnan(expected)) {
            ASSERT_TRUE(std::isnan(f)) << std::hex << b;
            ASSERT_TRUE(__hisnan(__float2bfloat16(f))) << std::hex << b;
            continue;
        }
        ASSERT_EQ(static_cast<double>(f), expected) << std::hex << b;
        ASSERT_EQ(__bfloat16_as_ushort(__float2bfloat16(f)), bits) << std::hex << b;
        ASSERT_EQ(__bfloat16_as_ushort(__double2bfloat16(static_cast<double>(f))), bits) << std::hex << b;
        hip_bfloat16 old;
        old.data = bits;
        ASSERT_EQ(static_cast<float>(old), f);
        ASSERT_EQ(hip_bfloat16(f).data, bits);
    }
}

TEST(BFloat16Conversion, FloatRoundsTiesToEven) {
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(float_of(0x3f808000u))), 0x3f80);  // tie, even below
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(float_of(0x3f818000u))), 0x3f82);  // tie, even above
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(float_of(0x3f808001u))), 0x3f81);  // past the tie
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(float_of(0x3f807fffu))), 0x3f80);  // before it
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(1.0f + 0x1p-8f)), 0x3f80);
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(1.0f + 3 * 0x1p-8f)), 0x3f82);
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16_rn(-1.0f - 3 * 0x1p-8f)), 0xbf82);
    // The largest floats round up to infinity; toward zero they do not.
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(std::numeric_limits<float>::max())), 0x7f80);
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16_rz(std::numeric_limits<float>::max())), 0x7f7f);
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16_rd(-1.0f - 0x1p-20f)), 0xbf81);
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16_ru(1.0f + 0x1p-20f)), 0x3f81);
    // Subnormal floats round within bfloat16's subnormals.
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(float_of(0x00008000u))), 0x0000);
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(float_of(0x00018000u))), 0x0002);
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(float_of(0x007fffffu))), 0x0080);
    EXPECT_EQ(hip_bfloat16(float_of(0x3f818000u)).data, 0x3f82);
    EXPECT_EQ(hip_bfloat16::round_to_bfloat16(float_of(0x3f818000u)).data, 0x3f82);
    EXPECT_EQ(hip_bfloat16(float_of(0x3f81ffffu), hip_bfloat16::truncate).data, 0x3f81);
    EXPECT_EQ(hip_bfloat16::round_to_bfloat16(float_of(0x3f81ffffu), hip_bfloat16::truncate).data, 0x3f81);
}

TEST(BFloat16Conversion, NaNStaysAQuietNaNWithItsSign) {
    const float low_payload = float_of(0x7f800001u);  // truncation alone would give infinity
    EXPECT_TRUE(__hisnan(__float2bfloat16(low_payload)));
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(low_payload)), 0x7fc0);
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(float_of(0xff800001u))), 0xffc0);
    EXPECT_TRUE(__hisnan(__float2bfloat16_rz(low_payload)));
    EXPECT_TRUE(std::isnan(static_cast<float>(hip_bfloat16(low_payload))));
    EXPECT_TRUE(std::isnan(static_cast<float>(hip_bfloat16(low_payload, hip_bfloat16::truncate))));
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(std::numeric_limits<float>::infinity())), 0x7f80);
    EXPECT_TRUE(__hisinf(__float2bfloat16(-std::numeric_limits<float>::infinity())));
}

TEST(BFloat16Conversion, FloatRoundsCorrectlyInEveryDirectionOnASweep) {
    sweep_floats([](float f) {
        ASSERT_EQ(hipkb::cpu::detail::float_to_bf16_rn(f),
                  hipkb::cpu::detail::float_to_small<hipkb::cpu::detail::bf16_format>(f, rounding::nearest_even))
            << std::hexfloat << f;
        ASSERT_EQ(hipkb::cpu::detail::float_to_bf16_rz(f),
                  hipkb::cpu::detail::float_to_small<hipkb::cpu::detail::bf16_format>(f, rounding::toward_zero))
            << std::hexfloat << f;
        for (rounding mode : kAllModes) {
            ASSERT_TRUE(rounds_correctly<Bf16Spec>(f, bf16_bits(f, mode), mode));
        }
    });
}

TEST(BFloat16Conversion, IntegersAndDoublesRoundOnce) {
    // 2^62 + 2^54 + 1: through double it would land on the tie 2^62 + 2^54
    // and round to even (2^62); rounded once it goes up.
    const long long big = (1LL << 62) + (1LL << 54) + 1;
    EXPECT_EQ(static_cast<double>(__hip_bfloat16(big)), std::ldexp(1.0, 62) + std::ldexp(1.0, 55));
    EXPECT_EQ(static_cast<float>(__int2bfloat16_rn(257)), 256.0f);  // tie to even
    EXPECT_EQ(static_cast<float>(__int2bfloat16_rn(259)), 260.0f);
    EXPECT_EQ(__bfloat162int_rn(__float2bfloat16(2.5f)), 2);
    EXPECT_EQ(__bfloat162int_rz(__float2bfloat16(-2.75f)), -2);
    EXPECT_EQ(__bfloat162int_rz(__float2bfloat16(1e20f)), std::numeric_limits<int>::max());
    const double x = 1.0 + 0x1p-8 + 0x1p-40;  // just past a bfloat16 tie
    EXPECT_EQ(__bfloat16_as_ushort(__double2bfloat16(x)), 0x3f81);
    EXPECT_EQ(__bfloat16_as_ushort(__float2bfloat16(static_cast<float>(x))), 0x3f80);
}

TEST(BFloat16Arithmetic, OperatorsIntrinsicsAndMixedTypes) {
    const __hip_bfloat16 x = __float2bfloat16(3.0f);
    const __hip_bfloat16 y = __float2bfloat16(0.5f);
    EXPECT_EQ(__bfloat162float(__hadd(x, y)), 3.5f);
    EXPECT_EQ(__bfloat162float(__hsub(x, y)), 2.5f);
    EXPECT_EQ(__bfloat162float(__hmul(x, y)), 1.5f);
    EXPECT_EQ(__bfloat162float(__hdiv(x, y)), 6.0f);
    EXPECT_EQ(__bfloat162float(__hfma(x, y, x)), 4.5f);
    EXPECT_EQ(__bfloat162float(__hmax(x, y)), 3.0f);
    EXPECT_EQ(__bfloat162float(__hmin(x, y)), 0.5f);
    EXPECT_EQ(__bfloat162float(__hneg(x)), -3.0f);
    EXPECT_EQ(__bfloat162float(__habs(__hneg(x))), 3.0f);
    EXPECT_EQ(__bfloat162float(x + y), 3.5f);
    EXPECT_EQ(__bfloat162float(x * y - y), 1.0f);
    EXPECT_EQ(__bfloat162float(-(x / y)), -6.0f);
    // 1 + 2^-7 plus 2^-8 is a tie: rounds to the even 1 + 2^-6.
    EXPECT_EQ(__bfloat16_as_ushort(__ushort_as_bfloat16(0x3f81) + __float2bfloat16(0x1p-8f)), 0x3f82);
    __hip_bfloat16 z = x;
    z += y;
    z *= 2;
    z -= 1.0f;
    EXPECT_EQ(__bfloat162float(z), 6.0f);
    const auto mixed = x * 2.0f;
    static_assert(std::is_same_v<decltype(mixed), const float>);
    static_assert(std::is_same_v<decltype(x * 2), __hip_bfloat16>);
    static_assert(std::is_same_v<decltype(x + x), __hip_bfloat16>);
    EXPECT_EQ(mixed, 6.0f);
    EXPECT_TRUE(x > y);
    EXPECT_TRUE(x == 3);
    EXPECT_TRUE(0.5f == y);
    EXPECT_TRUE(__hlt(y, x));
    EXPECT_TRUE(__heq(x, x));
    const __hip_bfloat16 implicit = 1.25f;
    const float back = implicit;
    EXPECT_EQ(back, 1.25f);
    EXPECT_EQ(__bfloat162float(hsqrt(__float2bfloat16(16.0f))), 4.0f);
    EXPECT_EQ(__bfloat162float(hexp(__float2bfloat16(0.0f))), 1.0f);
    EXPECT_EQ(__bfloat162float(htanh(__float2bfloat16(0.0f))), 0.0f);
}

TEST(BFloat16Pair, ConversionsAndElementWiseArithmetic) {
    const __hip_bfloat162 p = __floats2bfloat162_rn(1.0f, -2.0f);
    EXPECT_EQ(__low2float(p), 1.0f);
    EXPECT_EQ(__high2float(p), -2.0f);
    EXPECT_EQ(__bfloat162float(__low2bfloat16(p)), 1.0f);
    EXPECT_EQ(__bfloat162float(__high2bfloat16(p)), -2.0f);
    const float2 f = __bfloat1622float2(p);
    EXPECT_EQ(f.x, 1.0f);
    EXPECT_EQ(f.y, -2.0f);
    const __hip_bfloat162 q = __halves2bfloat162(__float2bfloat16(0.5f), __float2bfloat16(4.0f));
    const __hip_bfloat162 sum = __hadd2(p, q);
    EXPECT_EQ(__low2float(sum), 1.5f);
    EXPECT_EQ(__high2float(sum), 2.0f);
    EXPECT_EQ(__high2float(__hmul2(p, q)), -8.0f);
    EXPECT_EQ(__high2float(__hfma2(p, q, p)), -10.0f);
    EXPECT_EQ(__low2float(__hsub2(p, q)), 0.5f);
    EXPECT_EQ(__low2float(__hmax2(p, q)), 1.0f);
    EXPECT_EQ(__high2float(__hmin2(p, q)), -2.0f);
    const __hip_bfloat162 ops = p * q + p - q / q;
    EXPECT_EQ(__low2float(ops), 0.5f);
    EXPECT_EQ(__high2float(ops), -11.0f);
    EXPECT_TRUE(p == p);
    EXPECT_TRUE(p != q);
    EXPECT_EQ(__low2float(__hlt2(p, q)), 0.0f);
    EXPECT_EQ(__high2float(__hlt2(p, q)), 1.0f);
    EXPECT_EQ(__high2float(__hisnan2(__halves2bfloat162(p.x, __ushort_as_bfloat16(0x7fc0)))), 1.0f);
    EXPECT_EQ(__high2float(h2floor(__floats2bfloat162_rn(0.5f, -1.5f))), -2.0f);
    EXPECT_EQ(__low2float(h2log2(__floats2bfloat162_rn(8.0f, 1.0f))), 3.0f);
    EXPECT_EQ(__bfloat162int_rd(__float2bfloat16(-1.5f)), -2);
    EXPECT_EQ(__bfloat162short_rz(__float2bfloat16(1e10f)), std::numeric_limits<short>::max());
    EXPECT_EQ(static_cast<float>(__ull2bfloat16_rn(1ull << 40)), 0x1p40f);
    EXPECT_EQ(__low2float(__float22bfloat162_rn(make_float2(3.0f, 5.0f))), 3.0f);
    EXPECT_EQ(__high2float(__float2bfloat162_rn(7.0f)), 7.0f);
    EXPECT_EQ(sizeof(__hip_bfloat162), 4u);
    EXPECT_EQ(alignof(__hip_bfloat162), 4u);
    EXPECT_EQ(sizeof(__hip_bfloat16), 2u);
}

TEST(BFloat16Legacy, HipBfloat16StructArithmetic) {
    hip_bfloat16 s(1.25f);
    s += hip_bfloat16(2.0f);
    EXPECT_EQ(static_cast<float>(s), 3.25f);
    s = s * hip_bfloat16(2.0f) - hip_bfloat16(1.0f, hip_bfloat16::truncate);
    EXPECT_EQ(static_cast<float>(s), 5.5f);
    s /= hip_bfloat16(2.0f);
    EXPECT_EQ(static_cast<float>(s), 2.75f);
    EXPECT_EQ(static_cast<float>(-s), -2.75f);
    ++s;
    EXPECT_EQ(static_cast<float>(s), 3.75f);
    s = 0.5f;
    EXPECT_EQ(s.data, 0x3f00);
    EXPECT_TRUE(s < hip_bfloat16(1.0f));
    EXPECT_TRUE(s == hip_bfloat16(0.5f));
    const auto mixed = s + 1.0f;  // built-in float arithmetic through the conversion
    static_assert(std::is_same_v<decltype(mixed), const float>);
    EXPECT_EQ(mixed, 1.5f);
    static_assert(std::is_trivial_v<hip_bfloat16> && sizeof(hip_bfloat16) == 2);
    static_assert(!std::is_convertible_v<float, hip_bfloat16>, "the float constructor is explicit");
}

// ---------------------------------------------------------------------------
// Vector types
// ---------------------------------------------------------------------------

// Block-shared-style storage: trivially default-initialised.
static thread_local float4 thread_local_tile[8];

TEST(VectorTypes, LayoutMatchesHipOnAmd) {
    EXPECT_EQ(sizeof(float1), 4u);
    EXPECT_EQ(sizeof(float2), 8u);
    EXPECT_EQ(alignof(float2), 8u);
    EXPECT_EQ(sizeof(float3), 12u);
    EXPECT_EQ(alignof(float3), 4u);
    EXPECT_EQ(sizeof(float4), 16u);
    EXPECT_EQ(alignof(float4), 16u);
    EXPECT_EQ(sizeof(double2), 16u);
    EXPECT_EQ(alignof(double2), 16u);
    EXPECT_EQ(sizeof(double3), 24u);
    EXPECT_EQ(alignof(double3), 8u);
    EXPECT_EQ(sizeof(double4), 32u);
    EXPECT_EQ(alignof(double4), 32u);
    EXPECT_EQ(alignof(int4), 16u);
    EXPECT_EQ(alignof(char4), 4u);
    EXPECT_EQ(alignof(uchar3), 1u);
    EXPECT_EQ(alignof(short4), 8u);
    EXPECT_EQ(alignof(long4), 32u);
    EXPECT_EQ(alignof(ulonglong2), 16u);
    EXPECT_EQ(offsetof(float4, x), 0u);
    EXPECT_EQ(offsetof(float4, y), 4u);
    EXPECT_EQ(offsetof(float4, z), 8u);
    EXPECT_EQ(offsetof(float4, w), 12u);
    EXPECT_EQ(offsetof(double3, z), 16u);
    EXPECT_EQ(offsetof(ushort2, y), 2u);
    EXPECT_EQ(sizeof(float3[4]), 48u);
    static_assert(std::is_trivial_v<float4> && std::is_trivially_default_constructible_v<int2>);
    static_assert(std::is_standard_layout_v<double4> && std::is_aggregate_v<float4>);
    static_assert(std::is_same_v<decltype(char1{}.x), signed char>);
    static_assert(std::is_same_v<decltype(ulong2{}.y), unsigned long>);
    static_assert(std::is_same_v<decltype(longlong3{}.z), long long>);
    static_assert(!std::is_same_v<long2, longlong2>);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(&thread_local_tile[1]) % 16, 0u);
}

TEST(VectorTypes, AggregateInitialisationAndMakeFunctions) {
    const float4 braced{1, 2, 3, 4};
    const float4 copy_init = {5, 6, 7, 8};
    const float4 zeroed{};
    EXPECT_EQ(braced.w, 4.0f);
    EXPECT_EQ(copy_init.x, 5.0f);
    EXPECT_EQ(zeroed.z, 0.0f);
    EXPECT_EQ(make_float4(1, 2, 3, 4), braced);
    EXPECT_EQ(make_int2(7, -9).y, -9);
    EXPECT_EQ(make_uint3(1, 2, 3).z, 3u);
    EXPECT_EQ(make_char4(1, -2, 3, -4).w, -4);
    EXPECT_EQ(make_uchar1(200).x, 200);
    EXPECT_EQ(make_short3(1, 2, -3).z, -3);
    EXPECT_EQ(make_ushort4(1, 2, 3, 65535).w, 65535);
    EXPECT_EQ(make_long2(1, 1L << 40).y, 1L << 40);
    EXPECT_EQ(make_ulong1(5).x, 5ul);
    EXPECT_EQ(make_longlong4(1, 2, 3, -4).w, -4);
    EXPECT_EQ(make_ulonglong3(1, 2, 3).y, 2ull);
    EXPECT_EQ(make_double2(0.5, 1.5).y, 1.5);
    EXPECT_EQ(make_float1(2.5f).x, 2.5f);
    EXPECT_EQ(make_double3(1, 2, 3).z, 3.0);
    EXPECT_EQ(make_double4(1, 2, 3, 4).w, 4.0);
    static_assert(make_int3(1, 2, 3).y == 2, "make_* are constexpr");
    // Reinterpreting a float buffer as float4, as kernels do.
    alignas(16) float buffer[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    const float4* vectors = reinterpret_cast<const float4*>(buffer);
    EXPECT_EQ(vectors[1].y, 5.0f);
    thread_local_tile[2] = vectors[0];
    EXPECT_EQ(thread_local_tile[2].w, 3.0f);
}

TEST(VectorTypes, ArithmeticIsElementWiseWithScalarsOnEitherSide) {
    const float4 a = make_float4(1.0f, 2.0f, 3.0f, 4.0f);
    const float4 b = make_float4(0.5f, -1.0f, 2.0f, 8.0f);
    EXPECT_EQ(a + b, make_float4(1.5f, 1.0f, 5.0f, 12.0f));
    EXPECT_EQ(a - b, make_float4(0.5f, 3.0f, 1.0f, -4.0f));
    EXPECT_EQ(a * b, make_float4(0.5f, -2.0f, 6.0f, 32.0f));
    EXPECT_EQ(a / b, make_float4(2.0f, -2.0f, 1.5f, 0.5f));
    EXPECT_EQ(a * 2.0f, make_float4(2, 4, 6, 8));
    EXPECT_EQ(2 * a, make_float4(2, 4, 6, 8));  // the scalar converts to the element type
    EXPECT_EQ(a + 1.0f, make_float4(2, 3, 4, 5));
    EXPECT_EQ(10.0f - a, make_float4(9, 8, 7, 6));
    EXPECT_EQ(a / 2.0f, make_float4(0.5f, 1, 1.5f, 2));
    EXPECT_EQ(12.0f / a, make_float4(12, 6, 4, 3));
    EXPECT_EQ(-a, make_float4(-1, -2, -3, -4));
    EXPECT_EQ(+a, a);
    float4 c = a;
    c += b;
    c -= 1.0f;
    c *= 2.0f;
    c /= make_float4(1, 2, 5, 4);
    EXPECT_EQ(c, make_float4(1.0f, 0.0f, 1.6f, 5.5f));
    EXPECT_TRUE(a != b);
    EXPECT_FALSE(a != a);
    const double3 d = make_double3(1.0, 2.0, 3.0) / 2.0;
    EXPECT_EQ(d.z, 1.5);
    float2 e = make_float2(1.0f, 2.0f);
    ++e;
    e++;
    --e;
    EXPECT_EQ(e, make_float2(2.0f, 3.0f));
    static_assert(make_float2(1, 2) * 3.0f == make_float2(3, 6), "operators are constexpr");
}

TEST(VectorTypes, IntegerOperatorsWrapLikeGpuIntegers) {
    const int2 i = make_int2(7, -9);
    EXPECT_EQ(i * 3 + make_int2(1, 1), make_int2(22, -26));
    EXPECT_EQ(make_uchar4(250, 1, 2, 3) + make_uchar4(10, 1, 1, 1), make_uchar4(4, 2, 3, 4));
    EXPECT_EQ(make_ushort2(65535, 2) * make_ushort2(65535, 3), make_ushort2(1, 6));
    EXPECT_EQ(make_int1(std::numeric_limits<int>::max()) + 1, make_int1(std::numeric_limits<int>::min()));
    EXPECT_EQ(-make_int1(std::numeric_limits<int>::min()), make_int1(std::numeric_limits<int>::min()));
    EXPECT_EQ(-make_uint2(1, 0), make_uint2(0xffffffffu, 0));
    EXPECT_EQ(make_int4(7, -7, 9, 10) % 4, make_int4(3, -3, 1, 2));
    EXPECT_EQ(make_int4(7, -7, 9, 10) / make_int4(2, 2, 3, 4), make_int4(3, -3, 3, 2));
    EXPECT_EQ(make_uint2(0xf0, 0x0f) & 0x3cu, make_uint2(0x30, 0x0c));
    EXPECT_EQ(make_uint2(0xf0, 0x0f) | make_uint2(1, 0x10), make_uint2(0xf1, 0x1f));
    EXPECT_EQ(make_uint2(0xff, 0) ^ 0x0fu, make_uint2(0xf0, 0x0f));
    EXPECT_EQ(make_int3(1, 2, 3) << 2, make_int3(4, 8, 12));
    EXPECT_EQ(make_int3(-16, 16, 5) >> make_int3(2, 3, 1), make_int3(-4, 2, 2));
    EXPECT_EQ(make_int2(-1, 1) << 31, make_int2(std::numeric_limits<int>::min(), std::numeric_limits<int>::min()));
    EXPECT_EQ(~make_uchar2(0x0f, 0xff), make_uchar2(0xf0, 0x00));
    EXPECT_EQ(1 << make_int2(3, 4), make_int2(8, 16));
    char2 c2 = make_char2(1, 2);
    c2 += make_char2(1, 1);
    EXPECT_EQ(c2, make_char2(2, 3));
    ushort3 us3 = make_ushort3(1, 2, 3) * static_cast<unsigned short>(2);
    us3 -= make_ushort3(1, 1, 1);
    EXPECT_EQ(us3, make_ushort3(1, 3, 5));
    longlong2 ll2 = make_longlong2(1, 2) + make_longlong2(3, 4);
    EXPECT_EQ(ll2, make_longlong2(4, 6));
    uint4 u4 = make_uint4(1, 2, 3, 4) - 1u;
    u4 /= make_uint4(1, 1, 1, 2);
    u4 <<= 1u;
    u4 %= 3u;
    u4 |= 8u;
    u4 &= make_uint4(0xf, 0xf, 0xf, 0x7);
    u4 ^= 1u;
    u4 >>= make_uint4(0, 1, 2, 3);
    EXPECT_EQ(u4, make_uint4(9, 5, 2, 0));
}

// ---------------------------------------------------------------------------
// Device math
// ---------------------------------------------------------------------------

TEST(DeviceMath, FastIntrinsicsMatchTheLibmFunctions) {
    for (float x : {0.1f, 0.5f, 1.0f, 2.5f, 10.0f}) {
        EXPECT_EQ(__expf(x), std::exp(x));
        EXPECT_EQ(__logf(x), std::log(x));
        EXPECT_EQ(__log2f(x), std::log2(x));
        EXPECT_EQ(__log10f(x), std::log10(x));
        EXPECT_EQ(__sinf(x), std::sin(x));
        EXPECT_EQ(__cosf(x), std::cos(x));
        EXPECT_EQ(__tanf(x), std::tan(x));
        EXPECT_EQ(__powf(x, 1.5f), std::pow(x, 1.5f));
        EXPECT_EQ(__fdividef(x, 3.0f), x / 3.0f);
        EXPECT_EQ(fdividef(x, 3.0f), x / 3.0f);
        EXPECT_FLOAT_EQ(__exp10f(x), static_cast<float>(std::pow(10.0, x)));
        EXPECT_FLOAT_EQ(rsqrtf(x), 1.0f / std::sqrt(x));
        EXPECT_DOUBLE_EQ(rsqrt(static_cast<double>(x)), 1.0 / std::sqrt(static_cast<double>(x)));
        EXPECT_FLOAT_EQ(rcbrtf(x), 1.0f / std::cbrt(x));
        float s = 0.0f;
        float c = 0.0f;
        __sincosf(x, &s, &c);
        EXPECT_EQ(s, std::sin(x));
        EXPECT_EQ(c, std::cos(x));
        sincosf(x, &s, &c);
        EXPECT_EQ(s, std::sin(x));
    }
    // The C library is visible unqualified, as in HIP device code.
    EXPECT_EQ(abs(-1.5f), 1.5f);
    EXPECT_EQ(abs(-3), 3);
    EXPECT_EQ(llabs(-4LL), 4LL);
    EXPECT_EQ(fmaxf(1.0f, 2.0f), 2.0f);
    EXPECT_EQ(sqrtf(4.0f), 2.0f);
    EXPECT_EQ(exp10f(2.0f), 100.0f);
    EXPECT_DOUBLE_EQ(exp10(3.0), 1000.0);
    EXPECT_EQ(__saturatef(-0.5f), 0.0f);
    EXPECT_EQ(__saturatef(0.25f), 0.25f);
    EXPECT_EQ(__saturatef(7.0f), 1.0f);
    EXPECT_EQ(__saturatef(std::numeric_limits<float>::quiet_NaN()), 0.0f);
    EXPECT_EQ(__frcp_rn(4.0f), 0.25f);
    EXPECT_EQ(__fsqrt_rn(2.0f), std::sqrt(2.0f));
    EXPECT_EQ(__frsqrt_rn(4.0f), 0.5f);
    EXPECT_EQ(__fmaf_rn(2.0f, 3.0f, 1.0f), 7.0f);
    EXPECT_EQ(__fma_rn(2.0, 3.0, 1.0), 7.0);
    EXPECT_EQ(__dadd_rn(0.1, 0.2), 0.1 + 0.2);
    EXPECT_EQ(__dsub_rn(0.1, 0.2), 0.1 - 0.2);
    EXPECT_EQ(__dmul_rn(0.1, 0.2), 0.1 * 0.2);
    EXPECT_EQ(__ddiv_rn(0.1, 0.3), 0.1 / 0.3);
    EXPECT_EQ(__drcp_rn(8.0), 0.125);
    EXPECT_EQ(__dsqrt_rn(2.0), std::sqrt(2.0));
    EXPECT_FLOAT_EQ(norm3df(2.0f, 3.0f, 6.0f), 7.0f);
    EXPECT_FLOAT_EQ(rnorm3df(2.0f, 3.0f, 6.0f), 1.0f / 7.0f);
    EXPECT_DOUBLE_EQ(norm4d(1.0, 1.0, 1.0, 1.0), 2.0);
    EXPECT_FLOAT_EQ(rhypotf(3.0f, 4.0f), 0.2f);
}

// The hardware's own rounding in a mode set with fesetround, as reference.
// The operands are volatile (read after the mode is set) and so is the
// result (stored before it is restored): without -frounding-math compilers
// otherwise move or merge calls such as fma across fesetround.
template <class Op>
__attribute__((noinline)) float in_rounding_mode(int mode, Op op) {
    const int saved = std::fegetround();
    std::fesetround(mode);
    volatile float result = op();
    std::fesetround(saved);
    return result;
}

TEST(DeviceMath, DirectedRoundingMatchesTheHardwareUnderFesetround) {
    std::mt19937 random(2024);
    std::uniform_int_distribution<uint32_t> bits(0, 0xffffffffu);
    std::uniform_real_distribution<float> near(-4.0f, 4.0f);
    for (int i = 0; i < 20000; ++i) {
        // Mix arbitrary bit patterns (huge, tiny, subnormal) with ordinary values.
        volatile float a = (i % 3 == 0) ? float_of(bits(random)) : near(random);
        volatile float b = (i % 5 == 0) ? float_of(bits(random)) : near(random);
        volatile float c = near(random);
        if (std::isnan(a) || std::isnan(b)) {
            continue;
        }
        const float fa = a, fb = b, fc = c;
        const std::pair<int, rounding> modes[] = {
            {FE_TOWARDZERO, rounding::toward_zero}, {FE_UPWARD, rounding::up}, {FE_DOWNWARD, rounding::down}};
        for (const auto& [fe_mode, mode] : modes) {
            const float add = in_rounding_mode(fe_mode, [&] { return a + b; });
            const float sub = in_rounding_mode(fe_mode, [&] { return a - b; });
            const float mul = in_rounding_mode(fe_mode, [&] { return a * b; });
            const float div = in_rounding_mode(fe_mode, [&] { return a / b; });
            const float fma = in_rounding_mode(fe_mode, [&] { return std::fma(a, b, c); });
            const float root = in_rounding_mode(fe_mode, [&] { return std::sqrt(std::fabs(a)); });
            const double wide = static_cast<double>(fa) * 1.0000001;
            const float narrowed = in_rounding_mode(fe_mode, [&] {
                volatile double w = wide;
                return static_cast<float>(w);
            });
            switch (mode) {
                case rounding::toward_zero:
                    ASSERT_EQ(bits_of(__fadd_rz(fa, fb)), bits_of(add)) << fa << " + " << fb;
                    ASSERT_EQ(bits_of(__fsub_rz(fa, fb)), bits_of(sub)) << fa << " - " << fb;
                    ASSERT_EQ(bits_of(__fmul_rz(fa, fb)), bits_of(mul)) << fa << " * " << fb;
                    ASSERT_EQ(bits_of(__fdiv_rz(fa, fb)), bits_of(div)) << fa << " / " << fb;
                    ASSERT_EQ(bits_of(__fmaf_rz(fa, fb, fc)), bits_of(fma)) << fa << " " << fb << " " << fc;
                    ASSERT_EQ(bits_of(__fsqrt_rz(std::fabs(fa))), bits_of(root)) << fa;
                    ASSERT_EQ(bits_of(__double2float_rz(wide)), bits_of(narrowed)) << wide;
                    break;
                case rounding::up:
                    ASSERT_EQ(bits_of(__fadd_ru(fa, fb)), bits_of(add)) << fa << " + " << fb;
                    ASSERT_EQ(bits_of(__fsub_ru(fa, fb)), bits_of(sub)) << fa << " - " << fb;
                    ASSERT_EQ(bits_of(__fmul_ru(fa, fb)), bits_of(mul)) << fa << " * " << fb;
                    ASSERT_EQ(bits_of(__fdiv_ru(fa, fb)), bits_of(div)) << fa << " / " << fb;
                    ASSERT_EQ(bits_of(__fmaf_ru(fa, fb, fc)), bits_of(fma)) << fa << " " << fb << " " << fc;
                    ASSERT_EQ(bits_of(__fsqrt_ru(std::fabs(fa))), bits_of(root)) << fa;
                    ASSERT_EQ(bits_of(__double2float_ru(wide)), bits_of(narrowed)) << wide;
                    break;
                case rounding::down:
                    ASSERT_EQ(bits_of(__fadd_rd(fa, fb)), bits_of(add)) << fa << " + " << fb;
                    ASSERT_EQ(bits_of(__fsub_rd(fa, fb)), bits_of(sub)) << fa << " - " << fb;
                    ASSERT_EQ(bits_of(__fmul_rd(fa, fb)), bits_of(mul)) << fa << " * " << fb;
                    ASSERT_EQ(bits_of(__fdiv_rd(fa, fb)), bits_of(div)) << fa << " / " << fb;
                    ASSERT_EQ(bits_of(__fmaf_rd(fa, fb, fc)), bits_of(fma)) << fa << " " << fb << " " << fc;
                    ASSERT_EQ(bits_of(__fsqrt_rd(std::fabs(fa))), bits_of(root)) << fa;
                    ASSERT_EQ(bits_of(__double2float_rd(wide)), bits_of(narrowed)) << wide;
                    break;
                case rounding::nearest_even:
                    break;
            }
        }
    }
    // Hand-checked cases: 1 + 2^-30 is between 1 and 1 + 2^-23.
    EXPECT_EQ(__fadd_rz(1.0f, 0x1p-30f), 1.0f);
    EXPECT_EQ(__fadd_ru(1.0f, 0x1p-30f), 1.0f + 0x1p-23f);
    EXPECT_EQ(__fadd_rd(-1.0f, -0x1p-30f), -1.0f - 0x1p-23f);
    EXPECT_EQ(__fadd_rn(1.0f, 0x1p-30f), 1.0f);
    EXPECT_EQ(__fmul_rz(std::numeric_limits<float>::max(), 2.0f), std::numeric_limits<float>::max());
    EXPECT_EQ(__fmul_rn(std::numeric_limits<float>::max(), 2.0f), std::numeric_limits<float>::infinity());
    EXPECT_EQ(__fdiv_rz(1.0f, 3.0f), 0x1.555554p-2f);
    EXPECT_EQ(__fdiv_ru(1.0f, 3.0f), 0x1.555556p-2f);
    EXPECT_EQ(__fmaf_rz(1.0f + 0x1p-23f, 1.0f + 0x1p-23f, 0.0f), 1.0f + 0x1p-22f);
    EXPECT_EQ(__fmaf_ru(1.0f + 0x1p-23f, 1.0f + 0x1p-23f, 0.0f), 1.0f + 0x1.8p-22f);
}

TEST(DeviceMath, FloatToIntegerConversionsRoundAndSaturate) {
    EXPECT_EQ(__float2int_rn(2.5f), 2);
    EXPECT_EQ(__float2int_rn(3.5f), 4);
    EXPECT_EQ(__float2int_rn(-2.5f), -2);
    EXPECT_EQ(__float2int_rz(-2.7f), -2);
    EXPECT_EQ(__float2int_rd(-2.2f), -3);
    EXPECT_EQ(__float2int_ru(2.2f), 3);
    EXPECT_EQ(__float2int_rz(3e9f), std::numeric_limits<int>::max());
    EXPECT_EQ(__float2int_rz(-3e9f), std::numeric_limits<int>::min());
    EXPECT_EQ(__float2int_rn(std::numeric_limits<float>::quiet_NaN()), 0);
    EXPECT_EQ(__float2int_rz(std::numeric_limits<float>::infinity()), std::numeric_limits<int>::max());
    EXPECT_EQ(__float2int_rz(2147483520.0f), 2147483520);  // the largest float below 2^31
    EXPECT_EQ(__float2uint_rn(-1.0f), 0u);
    EXPECT_EQ(__float2uint_rz(4294967040.0f), 4294967040u);
    EXPECT_EQ(__float2uint_rz(5e9f), std::numeric_limits<unsigned int>::max());
    EXPECT_EQ(__float2uint_ru(0.1f), 1u);
    EXPECT_EQ(__float2uint_rd(1.9f), 1u);
    EXPECT_EQ(__float2ll_rn(1e12f), 999999995904LL);
    EXPECT_EQ(__float2ll_rz(-1e30f), std::numeric_limits<long long>::min());
    EXPECT_EQ(__float2ll_rd(-0.5f), -1);
    EXPECT_EQ(__float2ll_ru(-0.5f), 0);
    EXPECT_EQ(__float2ull_rz(1e30f), std::numeric_limits<unsigned long long>::max());
    EXPECT_EQ(__float2ull_rn(2.5f), 2u);
    EXPECT_EQ(__double2int_rn(-1.5), -2);
    EXPECT_EQ(__double2int_rz(1e10), std::numeric_limits<int>::max());
    EXPECT_EQ(__double2int_rd(-0.1), -1);
    EXPECT_EQ(__double2int_ru(0.1), 1);
    EXPECT_EQ(__double2uint_rn(3.5), 4u);
    EXPECT_EQ(__double2ll_rz(-123456789012.9), -123456789012LL);
    EXPECT_EQ(__double2ull_rn(std::numeric_limits<double>::quiet_NaN()), 0u);
}

TEST(DeviceMath, IntegerToFloatConversionsRoundInTheNamedDirection) {
    EXPECT_EQ(__int2float_rn(16777217), 16777216.0f);  // tie to even
    EXPECT_EQ(__int2float_rn(16777219), 16777220.0f);
    EXPECT_EQ(__int2float_rz(16777219), 16777218.0f);
    EXPECT_EQ(__int2float_ru(16777217), 16777218.0f);
    EXPECT_EQ(__int2float_rd(-16777217), -16777218.0f);
    EXPECT_EQ(__int2float_rz(-16777219), -16777218.0f);
    EXPECT_EQ(__int2float_rz(std::numeric_limits<int>::max()), 2147483520.0f);
    EXPECT_EQ(__int2float_rn(std::numeric_limits<int>::max()), 2147483648.0f);
    EXPECT_EQ(__uint2float_rn(4294967295u), 4294967296.0f);
    EXPECT_EQ(__uint2float_rz(4294967295u), 4294967040.0f);
    EXPECT_EQ(__ll2float_rn(-(1LL << 40)), -0x1p40f);
    EXPECT_EQ(__ll2float_rz(std::numeric_limits<long long>::max()), 0x1.fffffep62f);
    EXPECT_EQ(__ull2float_rn(std::numeric_limits<unsigned long long>::max()), 0x1p64f);
    EXPECT_EQ(__ull2float_rz(std::numeric_limits<unsigned long long>::max()), 0x1.fffffep63f);
    EXPECT_EQ(__int2double_rn(-7), -7.0);
    EXPECT_EQ(__uint2double_rn(4294967295u), 4294967295.0);
    EXPECT_EQ(__ll2double_rn((1LL << 53) + 1), 0x1p53);
    EXPECT_EQ(__ll2double_rz((1LL << 53) + 3), 0x1p53 + 2);
    EXPECT_EQ(__ull2double_rn(1ull << 63), 0x1p63);
    EXPECT_EQ(__ull2double_rz(std::numeric_limits<unsigned long long>::max()), 0x1.fffffffffffffp63);
}

TEST(DeviceMath, BitCastsReinterpretTheBits) {
    EXPECT_EQ(__float_as_int(1.0f), 0x3f800000);
    EXPECT_EQ(__float_as_int(-0.0f), std::numeric_limits<int>::min());
    EXPECT_EQ(__int_as_float(0x40490fdb), 3.14159274f);
    EXPECT_EQ(__float_as_uint(-2.0f), 0xc0000000u);
    EXPECT_EQ(__uint_as_float(0x3f000000u), 0.5f);
    EXPECT_EQ(__double_as_longlong(1.0), 0x3ff0000000000000LL);
    EXPECT_EQ(__longlong_as_double(0x4000000000000000LL), 2.0);
    EXPECT_EQ(__double2hiint(-2.0), static_cast<int>(0xc0000000u));
    EXPECT_EQ(__double2loint(__longlong_as_double(0x12345678deadbeefLL)), static_cast<int>(0xdeadbeefu));
    EXPECT_EQ(__hiloint2double(0x3ff00000, 0), 1.0);
    EXPECT_EQ(__hiloint2double(__double2hiint(0.1), __double2loint(0.1)), 0.1);
    static_assert(__float_as_uint(1.0f) == 0x3f800000u, "bit casts are constexpr");
}

TEST(DeviceMath, SpecialFunctionsInvertAndAgreeWithKnownValues) {
    EXPECT_NEAR(erfinv(0.5), 0.4769362762044699, 1e-15);
    EXPECT_NEAR(erfinvf(0.5f), 0.47693628f, 1e-7f);
    EXPECT_EQ(erfinv(0.0), 0.0);
    EXPECT_TRUE(std::isinf(erfinv(1.0)) && erfinv(1.0) > 0);
    EXPECT_TRUE(std::isinf(erfinvf(-1.0f)) && erfinvf(-1.0f) < 0);
    EXPECT_TRUE(std::isnan(erfinv(1.5)));
    EXPECT_TRUE(std::isnan(erfcinvf(-0.1f)));
    EXPECT_TRUE(std::isinf(erfcinv(0.0)));
    EXPECT_EQ(erfcinv(1.0), 0.0);
    for (double x : {-0.999999, -0.9, -0.3, 1e-8, 0.1, 0.49, 0.5, 0.75, 0.99, 0.9999999999}) {
        EXPECT_NEAR(std::erf(erfinv(x)), x, 4e-16) << x;
    }
    for (double q : {1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.3, 0.5, 0.9, 1.2, 1.7, 1.99999}) {
        // y is the root to within a few ulps: erfc(y) - q is at most what a
        // few ulps of y (through erfc's slope) and of q account for.
        const double y = erfcinv(q);
        const double slope = 1.1283791670955126 * std::exp(-y * y);
        const double eps = std::numeric_limits<double>::epsilon();
        EXPECT_LE(std::fabs(std::erfc(y) - q), slope * 4 * eps * std::fabs(y) + 4 * eps * q) << q;
    }
    for (float x : {-0.99f, -0.5f, 0.001f, 0.25f, 0.9f}) {
        EXPECT_NEAR(std::erf(static_cast<double>(erfinvf(x))), x, 2e-7) << x;
    }
    EXPECT_NEAR(std::erfc(static_cast<double>(erfcinvf(1e-30f))) / 1e-30, 1.0, 1e-5);
    EXPECT_EQ(normcdff(0.0f), 0.5f);
    EXPECT_NEAR(normcdf(1.959963984540054), 0.975, 1e-15);
    EXPECT_NEAR(normcdf(-10.0), 7.619853024160527e-24, 1e-36);
    EXPECT_NEAR(normcdfinv(0.975), 1.959963984540054, 1e-13);
    EXPECT_NEAR(normcdfinvf(0.5f), 0.0f, 1e-7f);
    EXPECT_EQ(sinpif(1.0f), 0.0f);
    EXPECT_EQ(sinpif(0.5f), 1.0f);
    EXPECT_EQ(sinpi(-2.5), -1.0);
    EXPECT_EQ(cospif(0.5f), 0.0f);
    EXPECT_EQ(cospif(1.0f), -1.0f);
    EXPECT_EQ(cospi(1e6 + 1), -1.0);
    EXPECT_NEAR(sinpi(1.0 / 6.0), 0.5, 1e-16);
    float s = 0.0f;
    float c = 0.0f;
    sincospif(0.25f, &s, &c);
    EXPECT_FLOAT_EQ(s, std::sqrt(0.5f));
    EXPECT_FLOAT_EQ(c, std::sqrt(0.5f));
}

TEST(DeviceMath, MinAndMaxAcceptMixedArithmeticTypes) {
    const std::size_t n = 1000;
    const auto capped = min(n, 256);
    static_assert(std::is_same_v<decltype(capped), const std::size_t>);
    EXPECT_EQ(capped, 256u);
    const float x = -1.5f;
    const auto relu = max(x, 0.0f);
    static_assert(std::is_same_v<decltype(relu), const float>);
    EXPECT_EQ(relu, 0.0f);
    EXPECT_EQ(max(2, 3.5), 3.5);
    static_assert(std::is_same_v<decltype(max(2, 3.5)), double>);
    EXPECT_EQ(min(-3, 2L), -3L);
    EXPECT_EQ(max(static_cast<short>(4), 'a'), 'a');
    EXPECT_EQ(min(std::numeric_limits<float>::quiet_NaN(), 1.0f), 1.0f);  // NaN ignored, as fminf
    EXPECT_EQ(max(2.0, std::numeric_limits<double>::quiet_NaN()), 2.0);
    static_assert(min(3, 4u) == 3u && max(1.0f, 2) == 2.0f, "min/max are constexpr");
}

}  // namespace

// `using namespace std;` brings std::min/std::max next to HIP's global
// templates; equal-type calls must pick std's (more specialised) and
// mixed-type ones HIP's, without ambiguity.
namespace using_namespace_std {
using namespace std;
float smaller(float a, float b) { return min(a, b); }
int larger(int a, int b) { return max(a, b); }
long mixed_smaller(long a, int b) { return min(a, b); }
double mixed_larger(float a, double b) { return max(a, b); }
}  // namespace using_namespace_std

namespace {

TEST(DeviceMath, MinAndMaxStayUnambiguousUnderUsingNamespaceStd) {
    EXPECT_EQ(using_namespace_std::smaller(2.0f, -1.0f), -1.0f);
    EXPECT_EQ(using_namespace_std::larger(2, 7), 7);
    EXPECT_EQ(using_namespace_std::mixed_smaller(10L, 3), 3L);
    EXPECT_EQ(using_namespace_std::mixed_larger(1.5f, 0.5), 1.5);
}

TEST(DeviceMath, LoadsAndNontemporalAccessAreOrdinaryMemoryAccess) {
    const float values[2] = {1.5f, 2.5f};
    EXPECT_EQ(__ldg(&values[1]), 2.5f);
    const float4 v = make_float4(1, 2, 3, 4);
    EXPECT_EQ(__ldg(&v), v);
    float f[2] = {3.0f, 0.0f};
    __builtin_nontemporal_store(__builtin_nontemporal_load(&f[0]) + 1.0f, &f[1]);
    EXPECT_EQ(f[1], 4.0f);
    int i = 0;
    __builtin_nontemporal_store(7, &i);
    EXPECT_EQ(__builtin_nontemporal_load(&i), 7);
#if !defined(__clang__)
    // hipkb's definitions (g++) take any type; clang's builtins only scalars
    // and vector-extension types.
    float4 out{};
    __builtin_nontemporal_store(__builtin_nontemporal_load(&v) * 2.0f, &out);
    EXPECT_EQ(out, make_float4(2, 4, 6, 8));
    __half h = 0.0f;
    __builtin_nontemporal_store(__float2half(1.5f), &h);
    EXPECT_EQ(__half2float(__builtin_nontemporal_load(&h)), 1.5f);
#endif
}

// ---------------------------------------------------------------------------
// Integer intrinsics
// ---------------------------------------------------------------------------

TEST(IntegerIntrinsics, BitCountingAgainstHandComputedValues) {
    EXPECT_EQ(__popc(0u), 0u);
    EXPECT_EQ(__popc(0xf0f0f0f0u), 16u);
    EXPECT_EQ(__popc(0xffffffffu), 32u);
    EXPECT_EQ(__popcll(0xffffffffffffffffull), 64u);
    EXPECT_EQ(__popcll(0x8000000000000001ull), 2u);
    EXPECT_EQ(__clz(0), 32);
    EXPECT_EQ(__clz(1), 31);
    EXPECT_EQ(__clz(-1), 0);
    EXPECT_EQ(__clz(0x00010000), 15);
    EXPECT_EQ(__clzll(0), 64);
    EXPECT_EQ(__clzll(1), 63);
    EXPECT_EQ(__clzll(1LL << 40), 23);
    EXPECT_EQ(__ffs(0), 0u);
    EXPECT_EQ(__ffs(1), 1u);
    EXPECT_EQ(__ffs(0x80000000u), 32u);
    EXPECT_EQ(__ffs(0x00000300), 9u);
    EXPECT_EQ(__ffs(-8), 4u);
    EXPECT_EQ(__ffsll(0LL), 0u);
    EXPECT_EQ(__ffsll(1ull << 63), 64u);
    EXPECT_EQ(__ffsll(uint64_t{0x0000010000000000}), 41u);  // uint64_t is unsigned long: no ambiguity
    EXPECT_EQ(__ffsll(1), 1u);
    EXPECT_EQ(__brev(1u), 0x80000000u);
    EXPECT_EQ(__brev(0x12345678u), 0x1e6a2c48u);
    EXPECT_EQ(__brev(0xf0000000u), 0x0000000fu);
    EXPECT_EQ(__brevll(1ull), 0x8000000000000000ull);
    EXPECT_EQ(__brevll(0x0123456789abcdefull), 0xf7b3d591e6a2c480ull);
}

TEST(IntegerIntrinsics, MultiplicationHighHalvesAndTwentyFourBitProducts) {
    EXPECT_EQ(__mulhi(0x40000000, 4), 1);
    EXPECT_EQ(__mulhi(-1, 1), -1);
    EXPECT_EQ(__mulhi(std::numeric_limits<int>::min(), std::numeric_limits<int>::min()), 0x40000000);
    EXPECT_EQ(__umulhi(0xffffffffu, 0xffffffffu), 0xfffffffeu);
    EXPECT_EQ(__umulhi(0x10000u, 0x10000u), 1u);
    EXPECT_EQ(__umul64hi(0xffffffffffffffffull, 0xffffffffffffffffull), 0xfffffffffffffffeull);
    EXPECT_EQ(__umul64hi(1ull << 32, 1ull << 32), 1ull);
    EXPECT_EQ(__mul64hi(-1, 1), -1);
    EXPECT_EQ(__mul64hi(std::numeric_limits<long long>::min(), 2), -1);
    EXPECT_EQ(__mul64hi(1LL << 62, 4), 1);
    // Against 128-bit arithmetic on a sample.
    __extension__ using u128 = unsigned __int128;
    __extension__ using i128 = __int128;
    std::mt19937_64 random(5);
    for (int i = 0; i < 10000; ++i) {
        const uint64_t a = random();
        const uint64_t b = random();
        ASSERT_EQ(__umul64hi(a, b), static_cast<uint64_t>((static_cast<u128>(a) * b) >> 64));
        const long long sa = static_cast<long long>(a);
        const long long sb = static_cast<long long>(b);
        ASSERT_EQ(__mul64hi(sa, sb), static_cast<long long>((static_cast<i128>(sa) * sb) >> 64));
    }
    EXPECT_EQ(__mul24(3, 4), 12);
    EXPECT_EQ(__mul24(0x01000003, 2), 6);           // bits above 24 are ignored
    EXPECT_EQ(__mul24(0x00ffffff, 2), -2);          // 0xffffff is -1 in 24 bits
    EXPECT_EQ(__mul24(0x00800000, 0x00800000), 0);  // (-2^23)^2 = 2^46: low 32 bits are 0
    EXPECT_EQ(__umul24(0x01000003u, 2u), 6u);
    EXPECT_EQ(__umul24(0x00ffffffu, 0x00ffffffu), 0xfe000001u);
}

TEST(IntegerIntrinsics, BytePermFunnelShiftsAndAverages) {
    const unsigned int x = 0x03020100u;
    const unsigned int y = 0x07060504u;
    EXPECT_EQ(__byte_perm(x, y, 0x3210), 0x03020100u);
    EXPECT_EQ(__byte_perm(x, y, 0x7654), 0x07060504u);
    EXPECT_EQ(__byte_perm(x, y, 0x0123), 0x00010203u);
    EXPECT_EQ(__byte_perm(x, y, 0x5410), 0x05040100u);
    EXPECT_EQ(__byte_perm(0xaabbccddu, 0, 0x1111), 0xccccccccu);
    EXPECT_EQ(__byte_perm(x, y, 0xf8f8), 0x07000700u);  // only the low 3 bits of a selector count
    EXPECT_EQ(__funnelshift_l(0x80000000u, 0x00000001u, 1), 0x00000003u);
    EXPECT_EQ(__funnelshift_l(0xdeadbeefu, 0x12345678u, 0), 0x12345678u);
    EXPECT_EQ(__funnelshift_l(0xdeadbeefu, 0x12345678u, 32), 0x12345678u);   // mod 32
    EXPECT_EQ(__funnelshift_lc(0xdeadbeefu, 0x12345678u, 32), 0xdeadbeefu);  // clamped
    EXPECT_EQ(__funnelshift_lc(0xdeadbeefu, 0x12345678u, 40), 0xdeadbeefu);
    EXPECT_EQ(__funnelshift_l(0xdeadbeefu, 0x12345678u, 8), 0x345678deu);
    EXPECT_EQ(__funnelshift_r(0x00000001u, 0x00000003u, 1), 0x80000000u);
    EXPECT_EQ(__funnelshift_r(0xdeadbeefu, 0x12345678u, 8), 0x78deadbeu);
    EXPECT_EQ(__funnelshift_r(0xdeadbeefu, 0x12345678u, 33), 0x6f56df77u);  // shift 1
    EXPECT_EQ(__funnelshift_rc(0xdeadbeefu, 0x12345678u, 33), 0x12345678u);
    EXPECT_EQ(__sad(3, 10, 5u), 12u);
    EXPECT_EQ(__sad(std::numeric_limits<int>::min(), std::numeric_limits<int>::max(), 0u), 0xffffffffu);
    EXPECT_EQ(__usad(10u, 3u, 1u), 8u);
    EXPECT_EQ(__rhadd(3, 4), 4);
    EXPECT_EQ(__rhadd(-3, -4), -3);
    EXPECT_EQ(__rhadd(std::numeric_limits<int>::max(), std::numeric_limits<int>::max()),
              std::numeric_limits<int>::max());
    EXPECT_EQ(__uhadd(0xffffffffu, 0xfffffffdu), 0xfffffffeu);
    EXPECT_EQ(__urhadd(0xffffffffu, 0xfffffffeu), 0xffffffffu);
}

}  // namespace
