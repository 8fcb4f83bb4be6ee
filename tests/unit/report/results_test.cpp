// collect_results over the hand-made build in tests/fixtures/report/
// build_basic: every bench of the manifest appears with the right outcome,
// whatever files it left (all, some, none, broken ones).
#include <hipkb/report/input_error.hpp>
#include <hipkb/report/results.hpp>

#include "report_test_support.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

namespace hipkb::report {
namespace {

using json = nlohmann::json;
using test::candidate;
using test::fixtures;

class BasicBuild : public ::testing::Test {
protected:
    void SetUp() override {
        m_manifest = test::write_basic_manifest(m_dir.path());
        m_results = collect_results(m_manifest, fixtures() / "build_basic/results");
    }
    test::scratch_dir m_dir;
    std::filesystem::path m_manifest;
    json m_results;
};

TEST_F(BasicBuild, IsValidCurrentSchemaWithEveryManifestBench) {
    EXPECT_NO_THROW(validate_results(m_results, "collected"));
    EXPECT_EQ(m_results["schema"], "hipkb.results");
    EXPECT_EQ(m_results["schema_version"], results_schema_version);
    // 7 candidates in the manifest, none lost; 4 problems (softmax has no
    // reference bench but has a candidate).
    EXPECT_EQ(m_results["candidates"].size(), 7U);
    EXPECT_EQ(m_results["problems"].size(), 4U);
    EXPECT_TRUE(m_results["summary"].is_object());
}

TEST_F(BasicBuild, CorrectAndFasterCandidate) {
    const json& c = candidate(m_results, "relu/examples/fast");
    EXPECT_EQ(c["status"], "ok");
    EXPECT_EQ(c["compiled"], true);
    EXPECT_EQ(c["correct"], true);
    EXPECT_TRUE(c["failure"].is_null());
    // Medians of {4.0, 4.2, 3.9} us and {2000, 1900, 2100} ns, same executable.
    EXPECT_DOUBLE_EQ(c["reference"]["median_ns"].get<double>(), 4000.0);
    EXPECT_DOUBLE_EQ(c["candidate"]["median_ns"].get<double>(), 2000.0);
    EXPECT_EQ(c["reference_source"], "same_executable");
    EXPECT_DOUBLE_EQ(c["speedup"].get<double>(), 2.0);
    EXPECT_EQ(c["candidate"]["repetitions"], 3);
    // cv of {2000, 1900, 2100}: stddev 100 / mean 2000.
    EXPECT_NEAR(c["candidate"]["cv"].get<double>(), 0.05, 1e-12);
    EXPECT_DOUBLE_EQ(c["flops_per_second"].get<double>(), 2.0e9);
    EXPECT_DOUBLE_EQ(c["bytes_per_second"].get<double>(), 4.0e11);
    EXPECT_DOUBLE_EQ(c["bandwidth_percent_of_measured"].get<double>(), 25.0);
    // 2000 ns against a 3000 ns launch floor: mostly launch overhead.
    EXPECT_DOUBLE_EQ(c["launch_floor_ns"].get<double>(), 3000.0);
    EXPECT_EQ(c["near_launch_floor"], true);
    EXPECT_EQ(candidate(m_results, "relu/examples/same")["near_launch_floor"], false);
    // The driver's record of a missed CV target travels with the candidate.
    EXPECT_EQ(candidate(m_results, "relu/examples/same")["cv_target_met"], false);
    EXPECT_DOUBLE_EQ(candidate(m_results, "relu/examples/same")["median_cv"].get<double>(), 0.021);
    EXPECT_FALSE(c.contains("cv_target_met"));
    EXPECT_TRUE(candidate(m_results, "relu/examples/wrong")["near_launch_floor"].is_null());
    // Metadata beside the source.
    EXPECT_EQ(c["model"], "test-model");
    EXPECT_EQ(c["provider"], "replay");
    EXPECT_EQ(c["turn"], 2);
    EXPECT_EQ(c["parent"], "relu/examples/seed");
    EXPECT_EQ(c["level"], 1);
    EXPECT_TRUE(c["input_errors"].empty());
}

// The run's seed secret travels with each candidate: from its verdict,
// else from the driver's run record, else null (files from before secrets).
TEST_F(BasicBuild, EachCandidateCarriesItsRunsSeedSecret) {
    EXPECT_EQ(candidate(m_results, "relu/examples/fast")["seed_secret"].get<std::uint64_t>(), 12345678901234567890ULL);
    EXPECT_EQ(candidate(m_results, "relu/examples/same")["seed_secret"].get<std::uint64_t>(), 42U);
    EXPECT_TRUE(candidate(m_results, "relu/examples/wrong")["seed_secret"].is_null());
}

TEST_F(BasicBuild, TieAtExactlyOne) {
    const json& c = candidate(m_results, "relu/examples/same");
    EXPECT_EQ(c["correct"], true);
    EXPECT_DOUBLE_EQ(c["speedup"].get<double>(), 1.0);
    EXPECT_TRUE(c["model"].is_null());
}

TEST_F(BasicBuild, MismatchKeepsTheVerdictDetails) {
    const json& c = candidate(m_results, "relu/examples/wrong");
    EXPECT_EQ(c["status"], "failed");
    EXPECT_EQ(c["compiled"], true);
    EXPECT_EQ(c["correct"], false);
    EXPECT_EQ(c["failure"]["kind"], "mismatch");
    EXPECT_EQ(c["failure"]["first_index"], 110);
    EXPECT_EQ(c["failure"]["mismatches"], 3);
    EXPECT_TRUE(c["candidate"].is_null());  // errored rows carry no time
    EXPECT_TRUE(c["speedup"].is_null());
}

TEST_F(BasicBuild, CompileFailureHasTheFirstErrors) {
    const json& c = candidate(m_results, "gelu/examples/broken");
    EXPECT_EQ(c["compiled"], false);
    EXPECT_EQ(c["correct"], false);
    const json& errors = c["compile_errors"];
    ASSERT_FALSE(errors.empty());
    // From the first line that mentions an error, at most 20 lines.
    EXPECT_EQ(errors[0], "broken.hip:12:5: error: use of undeclared identifier 'blockIdxx'");
    EXPECT_EQ(errors.size(), 20U);
    EXPECT_EQ(c["failure"]["kind"], "compile_error");
}

TEST_F(BasicBuild, CrashWithoutAnyOutput) {
    const json& c = candidate(m_results, "gelu/examples/crashy");
    EXPECT_EQ(c["status"], "crashed");
    EXPECT_EQ(c["correct"], false);
    EXPECT_EQ(c["failure"]["kind"], "crashed");
    EXPECT_EQ(c["status_message"], "killed by SIGSEGV");
    EXPECT_TRUE(c["compiled"].is_null());  // no compile status file, no output
}

TEST_F(BasicBuild, NothingAtAllIsNotRun) {
    const json& c = candidate(m_results, "gelu/examples/missing");
    EXPECT_EQ(c["status"], "not_run");
    EXPECT_TRUE(c["correct"].is_null());
    EXPECT_TRUE(c["compiled"].is_null());
}

TEST_F(BasicBuild, TruncatedBenchmarkFileIsRecordedNotFatal) {
    const json& c = candidate(m_results, "softmax/examples/badjson");
    EXPECT_EQ(c["correct"], true);  // from the verdict
    EXPECT_TRUE(c["speedup"].is_null());
    ASSERT_EQ(c["input_errors"].size(), 1U);
    const std::string error = c["input_errors"][0];
    EXPECT_NE(error.find("hipkb.bench.softmax.examples.badjson.json:"), std::string::npos) << error;
    EXPECT_NE(error.find("truncated"), std::string::npos) << error;
    EXPECT_EQ(c["level"], 2);
}

TEST_F(BasicBuild, ProblemsAndMachines) {
    std::map<std::string, json> problems;
    for (const json& p : m_results["problems"]) problems[p["problem"]] = p;
    EXPECT_EQ(problems["relu"]["golden_correct"], true);
    EXPECT_DOUBLE_EQ(problems["relu"]["reference"]["median_ns"].get<double>(), 4000.0);   // {4.1, 3.9, 4.0} us
    EXPECT_DOUBLE_EQ(problems["matmul"]["reference"]["median_ns"].get<double>(), 1.5e6);  // ms
    EXPECT_EQ(problems["gelu"]["status"], "not_run");
    EXPECT_TRUE(problems["softmax"]["test"].is_null());
    ASSERT_GE(m_results["machines"].size(), 1U);
    const json& machine = m_results["machines"][0];
    EXPECT_EQ(machine["device"], "AMD Instinct MI210 (gfx90a)");
    EXPECT_EQ(machine["driver"], "ROCm 6.0.2");
    EXPECT_EQ(machine["platform"], "amd");
    EXPECT_EQ(machine["compiler"], "Clang 17.0.6");
    EXPECT_EQ(machine["gpu_targets"], "gfx90a");
}

TEST(CollectWithoutManifest, ScansTheFolder) {
    const json results = collect_results_from_dir(fixtures() / "build_basic/results");
    EXPECT_NO_THROW(validate_results(results, "scanned"));
    // Only benches that left files: crashy (run.json only) yes, missing no.
    EXPECT_EQ(results["candidates"].size(), 6U);
    const json& fast = candidate(results, "relu/examples/fast");
    EXPECT_DOUBLE_EQ(fast["speedup"].get<double>(), 2.0);
    const json& crashy = candidate(results, "gelu/examples/crashy");
    EXPECT_EQ(crashy["status"], "crashed");
    // Without the compile log, compiled comes from the verdict.
    EXPECT_EQ(candidate(results, "gelu/examples/broken")["compiled"], false);
}

TEST(CollectSkipped, SkippedRunsAreSaidSo) {
    const json results = collect_results_from_dir(fixtures() / "build_skipped/results");
    ASSERT_EQ(results["candidates"].size(), 1U);
    const json& c = results["candidates"][0];
    EXPECT_EQ(c["status"], "skipped");
    EXPECT_TRUE(c["correct"].is_null());  // unknown, not a failure
    EXPECT_EQ(results["summary"]["gpu_runs"]["skipped"], 2);
    EXPECT_EQ(results["summary"]["gpu_runs"]["reasons"][0], "no GPU: hipGetDeviceCount returned 0 (hipErrorNoDevice)");
}

TEST(Validate, NamesTheFieldAndTheVersion) {
    test::scratch_dir dir;
    const json good = collect_results_from_dir(fixtures() / "build_basic/results");

    json newer = good;
    newer["schema_version"] = results_schema_version + 1;
    try {
        validate_results(newer, "newer.json");
        FAIL();
    } catch (const input_error& error) {
        EXPECT_NE(std::string(error.what())
                      .find(fmt::format("newer.json: schema_version {} is not supported", results_schema_version + 1)),
                  std::string::npos)
            << error.what();
    }
    json bad = good;
    bad["candidates"][1]["speedup"] = "fast";
    try {
        validate_results(bad, "bad.json");
        FAIL();
    } catch (const input_error& error) {
        EXPECT_NE(std::string(error.what()).find("bad.json: candidates[1].speedup: expected a number or null"),
                  std::string::npos)
            << error.what();
    }
    json not_results = {{"benchmarks", json::array()}};
    EXPECT_THROW(validate_results(not_results, "x.json"), input_error);

    test::write_text(dir.path() / "good.json", good.dump());
    EXPECT_EQ(load_results(dir.path() / "good.json")["candidates"].size(), good["candidates"].size());
    test::write_text(dir.path() / "cut.json", good.dump().substr(0, 100));
    EXPECT_THROW((void)load_results(dir.path() / "cut.json"), input_error);
}

TEST(CollectResults, MissingManifestIsAnInputError) {
    EXPECT_THROW((void)collect_results("/nonexistent/hipkb_manifest.json", "/nonexistent"), input_error);
}

}  // namespace
}  // namespace hipkb::report
