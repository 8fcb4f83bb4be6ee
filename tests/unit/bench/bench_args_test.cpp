#include "bench_args.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using hipkb::detail::parse_args;
using hipkb::detail::parsed_args;

// argv as main() receives it: the program name first.
parsed_args parse(std::vector<std::string> args) {
    args.insert(args.begin(), "hipkb_bench_relu__examples__vectorized");
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    return parse_args(static_cast<int>(argv.size()), argv.data());
}

bool passes_on(const parsed_args& parsed, const std::string& arg) {
    return std::find(parsed.benchmark_args.begin(), parsed.benchmark_args.end(), arg) != parsed.benchmark_args.end();
}

// The message of the invalid_argument parse throws, or "" if it does not.
std::string rejection_of(const std::string& arg) {
    try {
        (void)parse({arg});
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return {};
}

TEST(BenchArgs, without_flags_gives_five_repetitions_and_the_default_targets) {
    const parsed_args parsed = parse({});
    EXPECT_EQ(parsed.benchmark_args,
              (std::vector<std::string>{"hipkb_bench_relu__examples__vectorized", "--benchmark_repetitions=5"}));
    EXPECT_DOUBLE_EQ(parsed.min_time, 0.1);
    EXPECT_DOUBLE_EQ(parsed.max_wall, 1.0);
    EXPECT_FALSE(parsed.verdict_out.has_value());
}

TEST(BenchArgs, a_repetitions_flag_replaces_the_default) {
    const parsed_args parsed = parse({"--benchmark_repetitions=12"});
    EXPECT_TRUE(passes_on(parsed, "--benchmark_repetitions=12"));
    EXPECT_FALSE(passes_on(parsed, "--benchmark_repetitions=5"));
}

TEST(BenchArgs, hipkb_flags_are_taken_and_google_benchmark_flags_passed_on_in_order) {
    const parsed_args parsed = parse({"--benchmark_filter=relu", "--hipkb_verdict_out=/tmp/x.verdict.json",
                                      "--hipkb_max_wall=2.5", "--benchmark_out_format=json"});
    ASSERT_TRUE(parsed.verdict_out.has_value());
    EXPECT_EQ(*parsed.verdict_out, "/tmp/x.verdict.json");
    EXPECT_DOUBLE_EQ(parsed.max_wall, 2.5);
    EXPECT_EQ(parsed.benchmark_args,
              (std::vector<std::string>{"hipkb_bench_relu__examples__vectorized", "--benchmark_filter=relu",
                                        "--benchmark_out_format=json", "--benchmark_repetitions=5"}));
}

// Launch counts are hipkb's to choose, so a min-time flag of either name
// sets its target and is not passed on to Google Benchmark.
TEST(BenchArgs, either_min_time_flag_sets_the_target_and_is_not_passed_on) {
    for (const std::string prefix : {"--hipkb_min_time=", "--benchmark_min_time="}) {
        const parsed_args parsed = parse({prefix + "0.25", "--benchmark_filter=x"});
        EXPECT_DOUBLE_EQ(parsed.min_time, 0.25) << prefix;
        EXPECT_FALSE(passes_on(parsed, prefix + "0.25")) << prefix;
        EXPECT_TRUE(passes_on(parsed, "--benchmark_filter=x")) << prefix;
    }
}

TEST(BenchArgs, the_last_min_time_flag_wins) {
    EXPECT_DOUBLE_EQ(parse({"--hipkb_min_time=0.5", "--benchmark_min_time=0.02"}).min_time, 0.02);
}

TEST(BenchArgs, bad_seconds_are_rejected_with_a_message_naming_the_flag) {
    for (const std::string arg : {"--hipkb_min_time=abc", "--hipkb_min_time=0", "--benchmark_min_time=-1",
                                  "--hipkb_max_wall=", "--hipkb_max_wall=-0.5", "--hipkb_min_time=0.5abc",
                                  "--hipkb_min_time=s", "--hipkb_max_wall=1 "}) {
        const std::string message = rejection_of(arg);
        ASSERT_FALSE(message.empty()) << arg << " was accepted";
        EXPECT_NE(message.find(arg), std::string::npos) << message;
        EXPECT_NE(message.find("positive number of seconds"), std::string::npos) << message;
    }
}

TEST(BenchArgs, seconds_may_carry_an_s_suffix_as_newer_google_benchmark_writes_them) {
    EXPECT_DOUBLE_EQ(parse({"--benchmark_min_time=0.25s"}).min_time, 0.25);
    EXPECT_DOUBLE_EQ(parse({"--hipkb_max_wall=2s"}).max_wall, 2.0);
}

TEST(BenchArgs, without_a_seed_flag_no_secret_is_given_so_the_bench_draws_one) {
    EXPECT_FALSE(parse({}).seed_secret.has_value());
}

TEST(BenchArgs, the_seed_secret_is_read_in_decimal_or_hex_and_not_passed_on) {
    EXPECT_EQ(parse({"--hipkb_seed=0"}).seed_secret, 0U);
    EXPECT_EQ(parse({"--hipkb_seed=18446744073709551615"}).seed_secret, 18446744073709551615ULL);
    EXPECT_EQ(parse({"--hipkb_seed=0x5EEDf00d"}).seed_secret, 0x5eedf00dULL);
    const parsed_args parsed = parse({"--hipkb_seed=42", "--benchmark_filter=x"});
    EXPECT_EQ(parsed.seed_secret, 42U);
    EXPECT_FALSE(passes_on(parsed, "--hipkb_seed=42"));
    EXPECT_TRUE(passes_on(parsed, "--benchmark_filter=x"));
}

TEST(BenchArgs, a_bad_seed_secret_is_refused_with_a_message_naming_the_flag) {
    for (const std::string arg : {"--hipkb_seed=", "--hipkb_seed=abc", "--hipkb_seed=-1", "--hipkb_seed=+1",
                                  "--hipkb_seed=12x", "--hipkb_seed=0x", "--hipkb_seed=0xg1", "--hipkb_seed= 1",
                                  "--hipkb_seed=18446744073709551616", "--hipkb_seed=1.5"}) {
        const std::string message = rejection_of(arg);
        ASSERT_FALSE(message.empty()) << arg << " was accepted";
        EXPECT_NE(message.find(arg), std::string::npos) << message;
        EXPECT_NE(message.find("seed secret"), std::string::npos) << message;
    }
    EXPECT_NE(rejection_of("--hipkb_seed").find("--hipkb_seed=N"), std::string::npos);
}

TEST(BenchArgs, an_iteration_count_is_refused_rather_than_read_as_seconds) {
    const std::string message = rejection_of("--benchmark_min_time=10x");
    EXPECT_NE(message.find("iteration count"), std::string::npos) << message;
}

}  // namespace

TEST(BenchArgs, the_report_fd_is_taken_and_not_passed_on) {
    const parsed_args parsed = parse({"--hipkb_report_fd=3"});
    ASSERT_TRUE(parsed.report_fd.has_value());
    EXPECT_EQ(*parsed.report_fd, 3);
    EXPECT_FALSE(passes_on(parsed, "--hipkb_report_fd=3"));
    EXPECT_FALSE(parse({}).report_fd.has_value());
}

TEST(BenchArgs, a_report_fd_that_is_not_an_inherited_descriptor_is_refused) {
    for (const std::string bad : {"--hipkb_report_fd=1", "--hipkb_report_fd=x", "--hipkb_report_fd="}) {
        EXPECT_NE(rejection_of(bad).find("--hipkb_report_fd"), std::string::npos) << bad;
    }
}
