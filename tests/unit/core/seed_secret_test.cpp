#include <hipkb/core/seed_secret.hpp>

#include <hipkb/core/inputs.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <vector>

namespace {

hipkb::problem_spec make_spec(std::vector<std::uint64_t> seeds) {
    hipkb::problem_spec spec;
    spec.name = "t";
    spec.seeds = std::move(seeds);
    return spec;
}

TEST(SeedSecret, secret_zero_keeps_every_public_seed) {
    for (const std::uint64_t seed :
         {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{3}, std::uint64_t{1000003}, ~std::uint64_t{0}}) {
        EXPECT_EQ(hipkb::effective_seed(hipkb::public_seeds_secret, seed), seed);
    }
    const hipkb::run_seeds seeds = hipkb::seeds_for_run(make_spec({1, 2, 3}), 0);
    EXPECT_EQ(seeds.correctness, (std::vector<std::uint64_t>{1, 2, 3}));
    EXPECT_EQ(seeds.timing, hipkb::timing_seed(make_spec({1, 2, 3})));
}

TEST(SeedSecret, the_same_secret_gives_the_same_seeds) {
    EXPECT_EQ(hipkb::effective_seed(0x5eed, 2), hipkb::effective_seed(0x5eed, 2));
    const hipkb::run_seeds a = hipkb::seeds_for_run(make_spec({1, 2, 3}), 77);
    const hipkb::run_seeds b = hipkb::seeds_for_run(make_spec({1, 2, 3}), 77);
    EXPECT_EQ(a.correctness, b.correctness);
    EXPECT_EQ(a.timing, b.timing);
    EXPECT_EQ(a.secret, 77U);
}

// effective = splitmix64(seed ^ splitmix64(secret)), pinned against the
// published splitmix64 stream from state 0 (0xe220a8397b1dcdaf,
// 0x6e789e6aa1b965f4, ...): a change to the mix would change the inputs of
// every recorded run, so it must not pass unnoticed.
TEST(SeedSecret, the_mix_is_splitmix64_of_the_seed_and_the_mixed_secret) {
    constexpr std::uint64_t golden_gamma = 0x9E3779B97F4A7C15ULL;
    // splitmix64(gamma) is the stream's second output; xored with itself, the
    // first output remains.
    EXPECT_EQ(hipkb::effective_seed(golden_gamma, 0x6e789e6aa1b965f4ULL), 0xe220a8397b1dcdafULL);
}

TEST(SeedSecret, a_secret_moves_every_seed_and_different_secrets_move_them_apart) {
    std::set<std::uint64_t> seen;
    for (std::uint64_t secret = 1; secret <= 200; ++secret) {
        const hipkb::run_seeds seeds = hipkb::seeds_for_run(make_spec({1, 2, 3}), secret);
        for (std::size_t i = 0; i < seeds.correctness.size(); ++i) {
            EXPECT_NE(seeds.correctness[i], i + 1) << "secret " << secret;
            EXPECT_TRUE(seen.insert(seeds.correctness[i]).second) << "secret " << secret << " repeats a seed";
        }
        EXPECT_NE(seeds.timing, hipkb::timing_seed(make_spec({1, 2, 3})));
        EXPECT_TRUE(seen.insert(seeds.timing).second) << "secret " << secret << " repeats a seed";
    }
}

// The mix is a bijection for a fixed secret: distinct public seeds, here
// the correctness seeds and the timing seed, stay distinct.
TEST(SeedSecret, for_one_secret_distinct_public_seeds_stay_distinct) {
    for (const std::uint64_t secret : {std::uint64_t{1}, std::uint64_t{0xdeadbeef}, ~std::uint64_t{0}}) {
        std::set<std::uint64_t> seen;
        for (std::uint64_t seed = 0; seed < 10000; ++seed) seen.insert(hipkb::effective_seed(secret, seed));
        EXPECT_EQ(seen.size(), 10000U) << "secret " << secret;
    }
}

TEST(SeedSecret, a_secret_changes_the_inputs_a_seed_names) {
    hipkb::problem_spec spec = make_spec({1, 2, 3});
    spec.dims = {{"N", 64, 64}};
    spec.inputs = {{"x", hipkb::dtype::fp32, {"N"}, {}, {}}};
    const auto public_inputs = hipkb::generate_inputs(spec, hipkb::size_set::test, 1);
    const auto secret_inputs = hipkb::generate_inputs(spec, hipkb::size_set::test, hipkb::effective_seed(0x5eed, 1));
    EXPECT_NE(public_inputs[0].bytes, secret_inputs[0].bytes);
}

TEST(SeedSecret, drawn_secrets_are_never_zero_and_differ) {
    std::set<std::uint64_t> seen;
    for (int i = 0; i < 64; ++i) {
        const std::uint64_t secret = hipkb::draw_seed_secret();
        EXPECT_NE(secret, hipkb::public_seeds_secret);
        seen.insert(secret);
    }
    EXPECT_EQ(seen.size(), 64U);
}

TEST(SeedSecret, secrets_are_read_in_decimal_or_hex_and_nothing_else) {
    EXPECT_EQ(hipkb::parse_seed_secret("0"), 0U);
    EXPECT_EQ(hipkb::parse_seed_secret("123"), 123U);
    EXPECT_EQ(hipkb::parse_seed_secret("0x1F"), 31U);
    EXPECT_EQ(hipkb::parse_seed_secret("0XfF"), 255U);
    EXPECT_EQ(hipkb::parse_seed_secret("18446744073709551615"), ~std::uint64_t{0});
    EXPECT_EQ(hipkb::parse_seed_secret("0xffffffffffffffff"), ~std::uint64_t{0});
    for (const char* bad : {"", "-1", "+1", " 1", "1 ", "0x", "0x-1", "1e3", "abc", "12a", "18446744073709551616",
                            "0x10000000000000000"}) {
        EXPECT_FALSE(hipkb::parse_seed_secret(bad).has_value()) << "'" << bad << "'";
    }
}

}  // namespace
