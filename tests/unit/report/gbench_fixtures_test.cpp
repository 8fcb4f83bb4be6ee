// Every Google Benchmark file of the shared collection (real output of other
// projects and library versions, see its SOURCES.md) reads without error
// and with every row. The files are read in place, never copied here.
#include <hipkb/report/gbench.hpp>
#include <hipkb/report/gbench_series.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace hipkb::report {
namespace {

namespace fs = std::filesystem;

// The configured folder; the environment variable of the same name overrides it.
const fs::path fixture_dir = [] {
    const char* env = std::getenv("HIPKB_GBENCH_FIXTURES_DIR");
    return fs::path(env != nullptr && *env != '\0' ? env : HIPKB_GBENCH_FIXTURES_DIR);
}();

// Row counts counted independently of the reader (len(benchmarks) in Python).
const std::map<std::string, std::size_t> expected_rows = {
    {"FrancoisCarouge__Kalman__results.json", 540},
    {"ThePhD__itsy_bitsy__libstdc++.itsy.bitsy.benchmarks.json", 1908},
    {"benchmark-action__github-action-benchmark__googlecpp_output.json", 2},
    {"google__benchmark__test1_run1.json", 16},
    {"google__benchmark__test1_run2.json", 16},
    {"google__benchmark__test3_run0.json", 7},
    {"google__benchmark__test3_run1.json", 7},
    {"google__benchmark__test4_run0.json", 1},
    {"google__benchmark__test4_run1.json", 1},
    {"koniksedy__Google-Benchmark-Viewer__benchmark_results-33bfa83-offset_list.json", 154},
};

class SharedFixtures : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::is_directory(fixture_dir)) {
            GTEST_SKIP() << "the shared Google Benchmark fixtures are not at " << fixture_dir
                         << " (set HIPKB_GBENCH_FIXTURES_DIR)";
        }
    }
};

TEST_F(SharedFixtures, EveryFileReadsWithEveryRow) {
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(fixture_dir)) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const std::string name = entry.path().filename().string();
        SCOPED_TRACE(name);
        gbench_file file;
        ASSERT_NO_THROW(file = read_gbench(entry.path()));
        std::ifstream in(entry.path());
        const auto raw = nlohmann::json::parse(in);
        EXPECT_EQ(file.rows.size(), raw["benchmarks"].size());
        const auto expected = expected_rows.find(name);
        if (expected != expected_rows.end()) {
            EXPECT_EQ(file.rows.size(), expected->second);
        }
        EXPECT_NO_THROW((void)group_series(file));
    }
    for (const auto& [name, rows] : expected_rows) {
        EXPECT_TRUE(fs::exists(fixture_dir / name)) << name << " is listed but missing";
    }
    EXPECT_GE(files, expected_rows.size());
}

TEST_F(SharedFixtures, ErrorsRepetitionsAndAggregatesOfItsyBitsy) {
    const gbench_file file = read_gbench(fixture_dir / "ThePhD__itsy_bitsy__libstdc++.itsy.bitsy.benchmarks.json");
    const auto errors =
        std::count_if(file.rows.begin(), file.rows.end(), [](const gbench_row& r) { return r.error_occurred; });
    EXPECT_EQ(errors, 60);
    // "repetitions": 0 in the file, yet 30 repetitions per benchmark.
    const auto all = group_series(file);
    const auto noop = std::find_if(all.begin(), all.end(), [](const gbench_series& s) { return s.name == "noop"; });
    ASSERT_NE(noop, all.end());
    EXPECT_EQ(noop->real_ns.size(), 30U);
    EXPECT_EQ(noop->real_aggregates_ns.count("median"), 1U);
}

TEST_F(SharedFixtures, BigOAndManualTimeOfKalman) {
    const gbench_file file = read_gbench(fixture_dir / "FrancoisCarouge__Kalman__results.json");
    const auto big_o =
        std::count_if(file.rows.begin(), file.rows.end(), [](const gbench_row& r) { return !r.big_o.empty(); });
    EXPECT_EQ(big_o, 5);
    const auto rms =
        std::count_if(file.rows.begin(), file.rows.end(), [](const gbench_row& r) { return r.rms.has_value(); });
    EXPECT_EQ(rms, 5);
    const auto all = group_series(file);
    const auto baseline = std::find_if(
        all.begin(), all.end(), [](const gbench_series& s) { return s.name == "baseline/repeats:100/manual_time"; });
    ASSERT_NE(baseline, all.end());
    EXPECT_EQ(baseline->real_ns.size(), 100U);
    EXPECT_EQ(strip_benchmark_options(baseline->name), "baseline");
    ASSERT_TRUE(baseline->real_cv.has_value());
    EXPECT_NEAR(*baseline->real_cv, 0.0017213723972059145, 1e-15);
}

TEST_F(SharedFixtures, PercentageAggregateIsARatio) {
    const gbench_file file = read_gbench(fixture_dir / "google__benchmark__test4_run0.json");
    ASSERT_EQ(file.rows.size(), 1U);
    EXPECT_EQ(file.rows[0].aggregate_name, "zz");
    EXPECT_TRUE(file.rows[0].is_ratio());
    EXPECT_FALSE(file.rows[0].real_time_ns().has_value());
}

TEST_F(SharedFixtures, UnitsAndCountersOfRecentLibrary) {
    const gbench_file file =
        read_gbench(fixture_dir / "koniksedy__Google-Benchmark-Viewer__benchmark_results-33bfa83-offset_list.json");
    const auto ms =
        std::count_if(file.rows.begin(), file.rows.end(), [](const gbench_row& r) { return r.time_unit == "ms"; });
    EXPECT_EQ(ms, 6);
    EXPECT_DOUBLE_EQ(*file.rows[0].real_time_ns(), 496.4109054835437 * 1e3);
    EXPECT_DOUBLE_EQ(file.rows[0].counters.at("items_per_second"), 2016464320.6068103);
    EXPECT_DOUBLE_EQ(file.rows[0].counters.at("result_size"), 1000000.0);
}

}  // namespace
}  // namespace hipkb::report
