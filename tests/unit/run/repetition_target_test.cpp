#include <hipkb/run/repetition_target.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace {

using nlohmann::json;

// Google Benchmark rows for one benchmark: its repetitions, in microseconds.
json repetitions(const std::string& name, const std::vector<double>& times, bool error = false) {
    json rows = json::array();
    for (std::size_t i = 0; i < times.size(); ++i) {
        json row = {{"name", name + "/manual_time"},
                    {"run_name", name + "/manual_time"},
                    {"run_type", "iteration"},
                    {"repetitions", times.size()},
                    {"repetition_index", i},
                    {"threads", 1},
                    {"iterations", 100},
                    {"real_time", times[i]},
                    {"cpu_time", times[i]},
                    {"time_unit", "us"}};
        if (error) {
            row["error_occurred"] = true;
            row["error_message"] = "mismatch: ...";
        }
        rows.push_back(row);
    }
    return rows;
}

hipkb::report::gbench_file file_of(std::vector<json> parts) {
    json document = {{"context", json::object()}, {"benchmarks", json::array()}};
    for (const json& part : parts) {
        for (const json& row : part) document["benchmarks"].push_back(row);
    }
    return hipkb::report::parse_gbench(document, "test.json");
}

TEST(RepetitionTarget, the_median_cv_shrinks_with_the_square_root_of_the_repetitions) {
    EXPECT_NEAR(hipkb::median_cv(0.04, 4), std::sqrt(M_PI / 2) * 0.02, 1e-12);
    EXPECT_NEAR(hipkb::median_cv(0.04, 16), std::sqrt(M_PI / 2) * 0.01, 1e-12);
}

TEST(RepetitionTarget, asks_for_enough_repetitions_within_bounds) {
    // 1.2533 * 0.03 / 0.01 = 3.76; squared 14.1 -> 15
    EXPECT_EQ(hipkb::repetitions_for(0.03, 0.01, 5, 50), 15);
    EXPECT_EQ(hipkb::repetitions_for(0.001, 0.01, 5, 50), 5);
    EXPECT_EQ(hipkb::repetitions_for(0.5, 0.01, 5, 50), 50);
    // The count asked for meets the target.
    EXPECT_LE(hipkb::median_cv(0.03, hipkb::repetitions_for(0.03, 0.01, 5, 50)), 0.01);
}

TEST(RepetitionTarget, picks_the_least_precise_error_free_benchmark) {
    const auto file =
        file_of({repetitions("relu/reference", {100, 101, 99, 100, 100}),
                 repetitions("relu/run/0", {100, 120, 80, 110, 90}), repetitions("relu/bad/0", {1, 100, 1000}, true)});
    const auto worst = hipkb::least_precise(file);
    ASSERT_TRUE(worst.has_value());
    EXPECT_EQ(worst->benchmark, "relu/run/0/manual_time");
    EXPECT_EQ(worst->repetitions, 5);
    // sample stddev of {100,120,80,110,90} is 15.81; mean 100
    EXPECT_NEAR(worst->cv, 0.1581, 1e-3);
    EXPECT_NEAR(worst->median_cv, hipkb::median_cv(worst->cv, 5), 1e-12);
}

TEST(RepetitionTarget, nothing_to_judge_without_two_repetitions) {
    EXPECT_FALSE(hipkb::least_precise(file_of({repetitions("relu/reference", {100})})).has_value());
    EXPECT_FALSE(hipkb::least_precise(file_of({repetitions("relu/x/0", {1, 2, 3}, true)})).has_value());
}

TEST(RepetitionTarget, a_repetitions_flag_fixes_the_count) {
    EXPECT_TRUE(hipkb::sets_repetitions({"--benchmark_repetitions=10"}));
    EXPECT_FALSE(hipkb::sets_repetitions({"--benchmark_min_time=0.01"}));
}

}  // namespace
