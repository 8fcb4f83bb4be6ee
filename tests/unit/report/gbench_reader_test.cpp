// Reading Google Benchmark JSON: real output of the installed library
// (produced here by gbench_sample with and without repetitions and
// aggregates), hand-made files in older formats, and broken files.
#include <hipkb/report/gbench.hpp>
#include <hipkb/report/gbench_series.hpp>
#include <hipkb/report/input_error.hpp>

#include <hipkb/core/process.hpp>

#include "report_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace hipkb::report {
namespace {

using test::fixtures;

// Runs the sample program with `flags`; returns the file it wrote.
gbench_file run_sample(const test::scratch_dir& dir, const std::string& name, std::vector<std::string> flags) {
    const std::filesystem::path out = dir.path() / (name + ".json");
    std::vector<std::string> argv = {HIPKB_GBENCH_SAMPLE, "--benchmark_out=" + out.string(),
                                     "--benchmark_out_format=json"};
    argv.insert(argv.end(), flags.begin(), flags.end());
    const process_result run = run_process(argv);
    EXPECT_EQ(run.how, process_result::end::exited) << run.error;
    EXPECT_EQ(run.exit_code, 0) << run.output;
    return read_gbench(out);
}

const gbench_series& series_named(const std::vector<gbench_series>& all, const std::string& stripped) {
    const auto found = std::find_if(
        all.begin(), all.end(), [&](const gbench_series& s) { return strip_benchmark_options(s.name) == stripped; });
    if (found == all.end()) throw std::runtime_error("no series " + stripped);
    return *found;
}

TEST(RealOutput, SingleRunPerBenchmark) {
    test::scratch_dir dir;
    const gbench_file file = run_sample(dir, "plain", {});
    // Three benchmarks, one row each.
    ASSERT_EQ(file.rows.size(), 3U);
    EXPECT_EQ(file.context_string("hipkb.device"), "test device");
    EXPECT_EQ(file.context_string("hipkb.problem"), "relu");

    const gbench_row& reference = file.rows[0];
    EXPECT_EQ(strip_benchmark_options(reference.name), "relu/reference");
    EXPECT_EQ(reference.run_type, gbench_run_type::iteration);
    EXPECT_EQ(reference.time_unit, "us");
    // The program sets 4 us per iteration (manual time).
    ASSERT_TRUE(reference.real_time_ns());
    EXPECT_NEAR(*reference.real_time_ns(), 4000.0, 1e-6);
    EXPECT_DOUBLE_EQ(reference.counters.at("FLOP/s"), 1.5e9);
    EXPECT_DOUBLE_EQ(reference.counters.at("bytes/s"), 3.0e11);

    const gbench_row& fast = file.rows[1];
    EXPECT_EQ(fast.time_unit, "ns");
    EXPECT_NEAR(*fast.real_time_ns(), 2000.0, 1e-6);

    const gbench_row& wrong = file.rows[2];
    EXPECT_TRUE(wrong.error_occurred);
    EXPECT_EQ(wrong.error_message.rfind("mismatch: output y", 0), 0U);
    EXPECT_FALSE(wrong.is_measurement());

    const auto all = group_series(file);
    ASSERT_EQ(all.size(), 3U);
    EXPECT_NEAR(*series_named(all, "relu/reference").median_ns(), 4000.0, 1e-6);
    EXPECT_TRUE(series_named(all, "relu/examples/wrong").error_occurred);
    EXPECT_FALSE(series_named(all, "relu/examples/fast").cv().has_value());  // one repetition: no spread
}

TEST(RealOutput, RepetitionsWithAggregates) {
    test::scratch_dir dir;
    constexpr std::size_t repetitions = 4;
    const gbench_file file = run_sample(dir, "reps", {"--benchmark_repetitions=4"});
    // Each good benchmark: the repetitions plus mean, median, stddev and cv;
    // the failing one: its repetitions only (no statistics of errors).
    ASSERT_EQ(file.rows.size(), 2 * (repetitions + 4) + repetitions);
    std::size_t aggregates = 0;
    for (const gbench_row& row : file.rows) {
        if (row.run_type == gbench_run_type::aggregate) {
            ++aggregates;
            EXPECT_TRUE(row.aggregate_name == "mean" || row.aggregate_name == "median" ||
                        row.aggregate_name == "stddev" || row.aggregate_name == "cv")
                << row.aggregate_name;
            EXPECT_EQ(row.is_ratio(), row.aggregate_name == "cv");
        }
        EXPECT_TRUE(row.family_index.has_value());
    }
    EXPECT_EQ(aggregates, 8U);

    const auto all = group_series(file);
    ASSERT_EQ(all.size(), 3U);
    const gbench_series& reference = series_named(all, "relu/reference");
    EXPECT_EQ(reference.real_ns.size(), repetitions);
    EXPECT_EQ(reference.row_count, repetitions + 4);
    EXPECT_NEAR(*reference.median_ns(), 4000.0, 1e-6);
    // Google Benchmark's own median aggregate, converted from us, agrees.
    EXPECT_NEAR(reference.real_aggregates_ns.at("median"), 4000.0, 1e-6);
    EXPECT_NEAR(*reference.cv(), 0.0, 1e-9);  // identical manual times
    EXPECT_NEAR(*reference.counter("FLOP/s"), 1.5e9, 1e-3);
    const gbench_series& wrong = series_named(all, "relu/examples/wrong");
    EXPECT_TRUE(wrong.error_occurred);
    EXPECT_TRUE(wrong.real_ns.empty());
}

TEST(RealOutput, AggregatesOnly) {
    test::scratch_dir dir;
    const gbench_file file =
        run_sample(dir, "aggregates", {"--benchmark_repetitions=4", "--benchmark_report_aggregates_only=true"});
    // Statistics only for the good benchmarks; the failing one keeps its rows.
    ASSERT_EQ(file.rows.size(), 4U + 4U + 4U);
    const auto all = group_series(file);
    const gbench_series& fast = series_named(all, "relu/examples/fast");
    EXPECT_TRUE(fast.real_ns.empty());
    ASSERT_TRUE(fast.median_ns());
    EXPECT_NEAR(*fast.median_ns(), 2000.0, 1e-6);  // from the median aggregate
    ASSERT_TRUE(fast.cv());
    EXPECT_NEAR(*fast.cv(), 0.0, 1e-9);  // from the cv aggregate
    EXPECT_NEAR(*fast.counter("bytes/s"), 6.0e11, 1.0);
}

TEST(HandMade, Format2016WithoutRunType) {
    const gbench_file file = read_gbench(fixtures() / "gbench/v2016_no_run_type.json");
    ASSERT_EQ(file.rows.size(), 10U);
    EXPECT_EQ(file.rows[0].run_type, gbench_run_type::unspecified);
    EXPECT_TRUE(file.rows[0].is_measurement());
    // Aggregates recognised by their name suffix, as written before run_type.
    EXPECT_EQ(file.rows[3].run_type, gbench_run_type::aggregate);
    EXPECT_EQ(file.rows[3].aggregate_name, "mean");
    EXPECT_EQ(file.rows[3].run_name, "BM_copy/8");
    EXPECT_EQ(file.rows[5].aggregate_name, "stddev");

    const auto all = group_series(file);
    const gbench_series& copy = series_named(all, "BM_copy/8");
    EXPECT_EQ(copy.real_ns, (std::vector<double>{12, 14, 13}));
    EXPECT_DOUBLE_EQ(*copy.median_ns(), 13.0);
    EXPECT_DOUBLE_EQ(*copy.median_ns(/*cpu=*/true), 12.0);
    // Every unit to nanoseconds.
    EXPECT_DOUBLE_EQ(*file.rows[6].real_time_ns(), 2500.0);
    EXPECT_DOUBLE_EQ(*file.rows[7].real_time_ns(), 1.25e6);
    EXPECT_DOUBLE_EQ(*file.rows[8].real_time_ns(), 5.0e8);
    EXPECT_DOUBLE_EQ(file.rows[9].counters.at("bytes_per_second"), 1.5e9);
    EXPECT_DOUBLE_EQ(file.rows[9].counters.at("items_per_second"), 2e7);
    EXPECT_EQ(file.rows[9].label, "8 KiB");
    EXPECT_EQ(file.rows[9].counters.count("iterations"), 0U);
}

TEST(HandMade, Format2019WithoutFamilyIndex) {
    const gbench_file file = read_gbench(fixtures() / "gbench/v2019_no_family_index.json");
    ASSERT_EQ(file.rows.size(), 5U);
    EXPECT_FALSE(file.rows[0].family_index.has_value());
    const auto all = group_series(file);
    ASSERT_EQ(all.size(), 1U);
    EXPECT_EQ(all[0].real_ns, (std::vector<double>{3000, 5000}));
    EXPECT_DOUBLE_EQ(*all[0].median_ns(), 4000.0);
    // cv of {3000, 5000}: sample stddev sqrt(2e6) = 1414.2 over mean 4000.
    EXPECT_NEAR(*all[0].cv(), 1414.2135623730951 / 4000.0, 1e-12);
}

TEST(HandMade, SkippedErroredAndNonFiniteCounters) {
    const gbench_file file = read_gbench(fixtures() / "gbench/v1_8_skipped_and_nan.json");
    ASSERT_EQ(file.rows.size(), 4U);
    EXPECT_EQ(file.context_string("library_version"), "v1.8.3");
    const gbench_row& ok = file.rows[0];
    EXPECT_DOUBLE_EQ(*ok.real_time_ns(), 1.5e6);
    EXPECT_DOUBLE_EQ(ok.counters.at("FLOP/s"), 2.5e12);
    EXPECT_EQ(ok.counters.count("ratio"), 0U);  // NaN: dropped, not a parse error
    EXPECT_EQ(ok.counters.count("peak"), 0U);   // Infinity likewise
    EXPECT_TRUE(file.rows[1].skipped);
    EXPECT_EQ(file.rows[1].skip_message, "no GPU");
    EXPECT_FALSE(file.rows[1].is_measurement());
    EXPECT_TRUE(file.rows[2].error_occurred);
    const auto all = group_series(file);
    const gbench_series& user = series_named(all, "BM_user_stat");
    EXPECT_DOUBLE_EQ(user.real_aggregates_ns.at("p90"), 42000.0);
}

TEST(BadInput, TruncatedFileNamesFileLineAndColumn) {
    try {
        (void)read_gbench(fixtures() / "gbench/truncated.json");
        FAIL() << "expected input_error";
    } catch (const input_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("truncated.json:5:"), std::string::npos) << message;
        EXPECT_NE(message.find("truncated"), std::string::npos) << message;
    }
}

TEST(BadInput, WrongTypeNamesTheField) {
    try {
        (void)read_gbench(fixtures() / "gbench/bad_real_time.json");
        FAIL() << "expected input_error";
    } catch (const input_error& error) {
        const std::string message = error.what();
        EXPECT_NE(
            message.find("bad_real_time.json: benchmarks[1].real_time: expected a number, got the string \"fast\""),
            std::string::npos)
            << message;
    }
}

TEST(BadInput, EveryKindOfBrokenFileIsAnInputError) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"bad_time_unit.json", "benchmarks[0].time_unit: expected one of"},
        {"missing_name.json", "benchmarks[0]: missing the benchmark's \"name\""},
        {"not_gbench.json", "no \"benchmarks\" array"},
        {"empty.json", "the file is empty"},
        {"does_not_exist.json", "does_not_exist.json"},
    };
    for (const auto& [file, expected] : cases) {
        try {
            (void)read_gbench(fixtures() / "gbench" / file);
            ADD_FAILURE() << file << ": expected input_error";
        } catch (const input_error& error) {
            EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
        }
    }
}

TEST(Names, StripBenchmarkOptions) {
    EXPECT_EQ(strip_benchmark_options("relu/reference/repeats:5/manual_time"), "relu/reference");
    EXPECT_EQ(strip_benchmark_options("relu/examples/x/iterations:20/manual_time"), "relu/examples/x");
    EXPECT_EQ(strip_benchmark_options("BM_a/8/min_time:0.100/threads:2/real_time"), "BM_a/8");
    EXPECT_EQ(strip_benchmark_options("BM_plain"), "BM_plain");
    // The first part is the benchmark's own name, even if it looks like an option.
    EXPECT_EQ(strip_benchmark_options("manual_time/8"), "manual_time/8");
}

TEST(Units, NanosecondsPerUnit) {
    EXPECT_EQ(ns_per_time_unit("ns"), 1.0);
    EXPECT_EQ(ns_per_time_unit("us"), 1e3);
    EXPECT_EQ(ns_per_time_unit("ms"), 1e6);
    EXPECT_EQ(ns_per_time_unit("s"), 1e9);
    EXPECT_FALSE(ns_per_time_unit("min"));
}

}  // namespace
}  // namespace hipkb::report
