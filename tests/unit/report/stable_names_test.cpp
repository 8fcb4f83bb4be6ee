// Stable benchmark names: two real runs of a Google Benchmark program
// registered as a hipkb bench is (a launch count chosen at run time, passed
// to Iterations()) give the same names whatever the count, so that tools
// pairing runs by name (compare.py, github-action-benchmark) pair them; and
// files written before, with "iterations:N" in their names, still pair.
#include <hipkb/bench/stable_name_reporter.hpp>
#include <hipkb/report/compare.hpp>

#include <hipkb/core/process.hpp>

#include "report_test_support.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace hipkb::report {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

struct calibrated_run {
    fs::path file;
    json document;
    std::string display;  // what it printed
};

calibrated_run run_calibrated(const test::scratch_dir& dir, long long launches, const std::string& format = "json") {
    calibrated_run out;
    out.file = dir.path() / fmt::format("launches_{}.{}", launches, format);
    const process_result run =
        run_process({HIPKB_GBENCH_CALIBRATED, fmt::format("--launches={}", launches), "--benchmark_repetitions=3",
                     "--benchmark_out=" + out.file.string(), "--benchmark_out_format=" + format});
    EXPECT_EQ(run.how, process_result::end::exited) << run.error;
    EXPECT_EQ(run.exit_code, 0) << run.output;
    out.display = run.output;
    if (format == "json") out.document = json::parse(test::read_text(out.file));
    return out;
}

// The names of the repetition rows, in file order: what compare.py pairs on.
std::vector<std::string> iteration_names(const json& document) {
    std::vector<std::string> names;
    for (const json& row : document["benchmarks"]) {
        if (row["run_type"] == "iteration") names.push_back(row["name"].get<std::string>());
    }
    return names;
}

TEST(StableNames, TwoCalibrationsGiveTheSameNames) {
    test::scratch_dir dir;
    const calibrated_run few = run_calibrated(dir, 14);
    const calibrated_run many = run_calibrated(dir, 37);
    const std::vector<std::string> expected = {"relu/reference/manual_time",     "relu/reference/manual_time",
                                               "relu/reference/manual_time",     "relu/examples/fast/manual_time",
                                               "relu/examples/fast/manual_time", "relu/examples/fast/manual_time"};
    EXPECT_EQ(iteration_names(few.document), expected);
    EXPECT_EQ(iteration_names(many.document), expected);
    // Aggregates and run names too: nothing carries the count.
    for (const json& row : many.document["benchmarks"]) {
        EXPECT_EQ(row["name"].get<std::string>().find("iterations:"), std::string::npos) << row["name"];
        EXPECT_EQ(row["run_name"].get<std::string>().find("iterations:"), std::string::npos) << row["run_name"];
    }
    // The count itself is still in each row.
    EXPECT_EQ(few.document["benchmarks"][0]["iterations"], 14);
    EXPECT_EQ(many.document["benchmarks"][0]["iterations"], 37);
    for (const json& row : many.document["benchmarks"]) {
        if (row["run_type"] == "iteration" && row["run_name"] == "relu/examples/fast/manual_time") {
            EXPECT_EQ(row["iterations"], 74);
        }
    }
    EXPECT_EQ(few.display.find("iterations:"), std::string::npos) << few.display;
    EXPECT_NE(few.display.find("relu/reference/manual_time"), std::string::npos) << few.display;
}

TEST(StableNames, CompareByNamePairsEveryBenchmark) {
    test::scratch_dir dir;
    const calibrated_run few = run_calibrated(dir, 14);
    const calibrated_run many = run_calibrated(dir, 37);
    const comparison result = compare_paths({few.file}, {many.file});
    EXPECT_TRUE(result.only_old.empty());
    EXPECT_TRUE(result.only_new.empty());
    ASSERT_EQ(result.deltas.size(), 2U);
    EXPECT_EQ(result.deltas[0].name, "relu/reference");
    EXPECT_EQ(result.deltas[1].name, "relu/examples/fast");
    for (const benchmark_delta& d : result.deltas) {
        ASSERT_TRUE(d.change) << d.name;
        EXPECT_NEAR(*d.change, 0.0, 1e-9) << d.name;
    }
}

TEST(StableNames, OldNamesWithAnIterationCountStillPair) {
    // gbench_sample reports through the library's own reporters:
    // "relu/reference/iterations:20/manual_time", as benches did before.
    test::scratch_dir dir;
    const fs::path old_file = dir.path() / "old.json";
    const process_result old_run = run_process({HIPKB_GBENCH_SAMPLE, "--benchmark_repetitions=3",
                                                "--benchmark_out=" + old_file.string(), "--benchmark_out_format=json"});
    ASSERT_EQ(old_run.exit_code, 0) << old_run.output;
    const json old_document = json::parse(test::read_text(old_file));
    ASSERT_EQ(old_document["benchmarks"][0]["name"], "relu/reference/iterations:20/manual_time");
    const calibrated_run now = run_calibrated(dir, 14);
    const comparison result = compare_paths({old_file}, {now.file});
    EXPECT_EQ(result.only_old, (std::vector<std::string>{"relu/examples/wrong"}));
    EXPECT_TRUE(result.only_new.empty());
    ASSERT_EQ(result.deltas.size(), 2U);
    EXPECT_EQ(result.deltas[0].name, "relu/reference");
    EXPECT_NEAR(*result.deltas[0].change, 0.0, 1e-9);
    EXPECT_EQ(result.deltas[1].name, "relu/examples/fast");
}

TEST(StableNames, ConsoleFileOutputIsStableToo) {
    test::scratch_dir dir;
    const calibrated_run run = run_calibrated(dir, 14, "console");
    const std::string text = test::read_text(run.file);
    EXPECT_NE(text.find("relu/examples/fast/manual_time"), std::string::npos) << text;
    EXPECT_EQ(text.find("iterations:"), std::string::npos) << text;
}

TEST(StableNames, UnsupportedOutputFormatIsNamed) {
    test::scratch_dir dir;
    const process_result run = run_process(
        {HIPKB_GBENCH_CALIBRATED, "--benchmark_out=" + (dir.path() / "x.csv").string(), "--benchmark_out_format=csv"});
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_NE(run.output.find("--benchmark_out_format=csv: expected json or console"), std::string::npos) << run.output;
}

TEST(StableNames, FileOutputFollowsTheLibrarysFlagRules) {
    EXPECT_FALSE(find_benchmark_file_output({"bench", "--benchmark_repetitions=3"}).has_value());
    EXPECT_FALSE(find_benchmark_file_output({"bench", "--benchmark_out="}).has_value());
    const auto defaults = find_benchmark_file_output({"bench", "--benchmark_out=a.json"});
    ASSERT_TRUE(defaults);
    EXPECT_EQ(defaults->path, "a.json");
    EXPECT_EQ(defaults->format, "json");
    // A later flag overrides an earlier one.
    const auto later = find_benchmark_file_output({"bench", "--benchmark_out=a.json", "--benchmark_out_format=json",
                                                   "--benchmark_out=b.txt", "--benchmark_out_format=console"});
    ASSERT_TRUE(later);
    EXPECT_EQ(later->path, "b.txt");
    EXPECT_EQ(later->format, "console");
}

}  // namespace
}  // namespace hipkb::report
