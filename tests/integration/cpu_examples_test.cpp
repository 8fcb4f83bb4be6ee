// The checked-in example candidates and every reference on the cpu execution
// layer, through the real driver of this build: each example gets the
// verdict its metadata promises ("expected_verdict": faster or correct ->
// correct on the CPU; incorrect -> a mismatch with the first index;
// compile_error -> not compiled), and every reference agrees with its golden.
#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/process.hpp>

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path build_dir = HIPKB_BUILD_DIR;
const fs::path hipkb_command = HIPKB_COMMAND;

json read_json(const fs::path& file) { return json::parse(hipkb::read_file(file)); }

class CpuExamples : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const json manifest = read_json(build_dir / "hipkb_manifest.json");
        bool any_twin = false;
        for (const json& bench : manifest["benches"])
            any_twin = any_twin || bench.value("cpu_executable", json()).is_string();
        if (!any_twin) {
            s_skip = "this build has no cpu execution (HIPKB_CPU_EXECUTION is off)";
            return;
        }
        s_results = build_dir / "tests-cpu-examples";
        std::error_code ignored;
        fs::remove_all(s_results, ignored);
        hipkb::process_options options;
        options.timeout = std::chrono::seconds(900);
        // Two at a time (--jobs): the verdicts below must not depend on it.
        s_run = hipkb::run_process(
            {hipkb_command.string(), "run", "--build-dir", build_dir.string(), "--execution", "cpu", "--jobs", "2",
             "--results", s_results.string(), "--filter", "\\.(examples\\.|reference$)"},
            options);
    }

    void SetUp() override {
        if (!s_skip.empty()) GTEST_SKIP() << s_skip;
        ASSERT_EQ(s_run.how, hipkb::process_result::end::exited) << s_run.output;
        ASSERT_EQ(s_run.exit_code, 0) << s_run.output;
    }

    static json verdict(const std::string& test) { return read_json(s_results / (test + ".verdict.json")); }

    static inline std::string s_skip;
    static inline fs::path s_results;
    static inline hipkb::process_result s_run;
};

TEST_F(CpuExamples, EveryReferenceMatchesItsGoldenOnTheCpu) {
    const json manifest = read_json(build_dir / "hipkb_manifest.json");
    int references = 0;
    for (const json& bench : manifest["benches"]) {
        if (bench.value("kind", "") != "reference") continue;
        ++references;
        const std::string test = bench["test"];
        const json v = verdict(test);
        EXPECT_EQ(v.value("execution", ""), "cpu") << test;
        EXPECT_TRUE(v.value("correct", false)) << test << ": " << v.dump(2);
        EXPECT_EQ(v["thread_orders"].size(), 3u) << test;
    }
    EXPECT_GE(references, 12);
}

TEST_F(CpuExamples, EachExampleGetsTheVerdictItsMetadataPromises) {
    const json manifest = read_json(build_dir / "hipkb_manifest.json");
    int examples = 0;
    for (const json& bench : manifest["benches"]) {
        if (bench.value("run", json()) != "examples" || !bench["metadata"].is_string()) continue;
        ++examples;
        const std::string test = bench["test"];
        const std::string expected = read_json(bench["metadata"].get<std::string>()).value("expected_verdict", "");
        const json v = verdict(test);
        EXPECT_EQ(v.value("execution", ""), "cpu") << test;
        if (expected == "faster" || expected == "correct") {
            EXPECT_TRUE(v.value("correct", false)) << test << ": " << v.dump(2);
        } else if (expected == "incorrect") {
            EXPECT_FALSE(v.value("correct", true)) << test;
            ASSERT_TRUE(v["failure"].is_object()) << test << ": " << v.dump(2);
            EXPECT_EQ(v["failure"].value("kind", ""), "mismatch") << v.dump(2);
            EXPECT_TRUE(v["failure"].contains("first_index")) << v.dump(2);
        } else if (expected == "compile_error") {
            EXPECT_FALSE(v.value("compiled", true)) << test << ": " << v.dump(2);
            EXPECT_EQ(v["failure"].value("kind", ""), "compile_error") << v.dump(2);
        } else {
            ADD_FAILURE() << test << ": unknown expected_verdict '" << expected << "'";
        }
    }
    EXPECT_GE(examples, 4);
}

TEST_F(CpuExamples, TheResultsSayCpuAndGiveNoSpeedup) {
    const json results = read_json(s_results / "hipkb_results.json");
    for (const json& c : results["candidates"]) {
        EXPECT_EQ(c.value("execution", json()), "cpu") << c.dump(2);
        EXPECT_TRUE(c["speedup"].is_null()) << c.dump(2);
        EXPECT_TRUE(c.contains("speedup_unavailable")) << c.dump(2);
    }
    EXPECT_NE(s_run.output.find("ran on the CPU"), std::string::npos) << s_run.output;
}

TEST_F(CpuExamples, JobsRunTwoBenchesAtOnceAndEachOnce) {
    EXPECT_NE(s_run.output.find("hipkb: 2 at a time"), std::string::npos) << s_run.output;
    const json manifest = read_json(build_dir / "hipkb_manifest.json");
    int selected = 0;
    for (const json& bench : manifest["benches"]) {
        const std::string test = bench["test"].get<std::string>();
        if (test.find(".examples.") == std::string::npos && !test.ends_with(".reference")) continue;
        ++selected;
        EXPECT_TRUE(fs::exists(s_results / (test + ".run.json"))) << test << " did not run";
    }
    EXPECT_NE(s_run.output.find(fmt::format("[{}/{}] ", selected, selected)), std::string::npos) << s_run.output;
}

}  // namespace
