// Builds and runs a tiny host-platform suite: a correct, a wrong, a
// same-named-symbol and a non-compiling candidate, plus one for a problem
// that does not exist, and checks what each produced.
#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/process.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path source_dir = HIPKB_SOURCE_DIR;
const fs::path work_dir = HIPKB_WORK_DIR;
const fs::path build_dir = work_dir / "build";
const fs::path generated_dir = work_dir / "generated";
const fs::path results_dir = build_dir / "results";

hipkb::process_result run(const std::vector<std::string>& argv, double timeout = 1200) {
    hipkb::process_options options;
    options.timeout = std::chrono::duration<double>(timeout);
    return hipkb::run_process(argv, options);
}

json read_json(const fs::path& file) { return json::parse(hipkb::read_file(file)); }

class HostSuite : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        fs::remove_all(work_dir);
        fs::create_directories(work_dir);
        // A copy, so the test can add a candidate without touching the source tree.
        fs::copy(source_dir / "tests/fixtures/host/generated", generated_dir, fs::copy_options::recursive);
        std::vector<std::string> configure = {
            HIPKB_CMAKE,
            "-S",
            source_dir.string(),
            "-B",
            build_dir.string(),
            "-G",
            HIPKB_GENERATOR,
            "-DHIPKB_PLATFORM=host",
            "-DHIPKB_ENABLE_TESTING=OFF",
            "-DHIPKB_REFERENCE_DIR=" + (source_dir / "tests/fixtures/host/reference").string(),
            "-DHIPKB_GENERATED_DIR=" + generated_dir.string()};
        if (!std::string(HIPKB_HOST_CXX).empty()) configure.push_back("-DCMAKE_CXX_COMPILER=" HIPKB_HOST_CXX);
        s_configure = run(configure);
        if (s_configure.exit_code != 0) return;
        s_build = run({HIPKB_CMAKE, "--build", build_dir.string(), "--target", "hipkb_suite", "-j2"});
        if (s_build.exit_code != 0) return;
        s_bench = run({(build_dir / "bench").string(), "--", "--benchmark_min_time=0.01", "--hipkb_max_wall=0.2",
                       "--benchmark_repetitions=3"});
    }

    static void expect_built() {
        ASSERT_EQ(s_configure.exit_code, 0) << s_configure.output;
        ASSERT_EQ(s_build.exit_code, 0) << s_build.output;
    }

    static json verdict(const std::string& test) { return read_json(results_dir / (test + ".verdict.json")); }

    static hipkb::process_result s_configure;
    static hipkb::process_result s_build;
    static hipkb::process_result s_bench;
};

hipkb::process_result HostSuite::s_configure;
hipkb::process_result HostSuite::s_build;
hipkb::process_result HostSuite::s_bench;

TEST_F(HostSuite, configure_warns_about_a_candidate_for_an_unknown_problem_by_name) {
    ASSERT_EQ(s_configure.exit_code, 0) << s_configure.output;
    EXPECT_NE(s_configure.output.find("unknown_problem/orphan.cpp"), std::string::npos) << s_configure.output;
    EXPECT_NE(s_configure.output.find("not under"), std::string::npos) << s_configure.output;
}

TEST_F(HostSuite, a_candidate_that_does_not_compile_does_not_break_the_build) {
    expect_built();
    const fs::path log = build_dir / "bench-targets/compile-logs/saxpy__demo__broken.log";
    EXPECT_EQ(hipkb::read_file(log.string() + ".status"), "failed\n");
    EXPECT_NE(hipkb::read_file(log).find("undeclared_value"), std::string::npos);
}

TEST_F(HostSuite, the_driver_runs_every_bench_and_exits_cleanly) {
    expect_built();
    EXPECT_EQ(s_bench.exit_code, 0) << s_bench.output;
    const json manifest = read_json(build_dir / "hipkb_manifest.json");
    const std::size_t count = manifest["benches"].size();
    EXPECT_NE(s_bench.output.find("[" + std::to_string(count) + "/" + std::to_string(count) + "]"), std::string::npos)
        << s_bench.output;
    for (const auto& bench : manifest["benches"]) {
        EXPECT_TRUE(fs::exists(results_dir / (bench["test"].get<std::string>() + ".run.json"))) << bench["test"];
    }
    EXPECT_TRUE(fs::exists(results_dir / "hipkb_results.json"));
    EXPECT_TRUE(fs::exists(results_dir / "report" / "report.md"));
}

TEST_F(HostSuite, the_correct_candidate_is_correct_and_timed_beside_its_reference) {
    expect_built();
    const json v = verdict("hipkb.bench.saxpy.demo.correct");
    EXPECT_TRUE(v["compiled"].get<bool>());
    EXPECT_TRUE(v["correct"].get<bool>()) << v.dump(2);
    EXPECT_TRUE(v["timed"].get<bool>());
    EXPECT_TRUE(v["failure"].is_null());
    const json gbench = read_json(results_dir / "hipkb.bench.saxpy.demo.correct.json");
    int reference_runs = 0;
    int candidate_runs = 0;
    bool has_median = false;
    for (const auto& b : gbench["benchmarks"]) {
        const std::string run_name = b.value("run_name", "");
        if (b.value("run_type", "") == "iteration") {
            EXPECT_FALSE(b.value("error_occurred", false)) << b.dump();
            EXPECT_GT(b["FLOP/s"].get<double>(), 0.0);
            EXPECT_GT(b["bytes/s"].get<double>(), 0.0);
            // Google Benchmark appends /iterations:N/manual_time to the name.
            if (run_name.starts_with("saxpy/reference/")) ++reference_runs;
            if (run_name.starts_with("saxpy/demo/correct/")) ++candidate_runs;
        }
        has_median = has_median || b.value("aggregate_name", "") == "median";
    }
    EXPECT_EQ(reference_runs, 3);
    EXPECT_EQ(candidate_runs, 3);
    EXPECT_TRUE(has_median);
    EXPECT_EQ(gbench["context"]["hipkb.platform"], "host");
    EXPECT_EQ(gbench["context"]["hipkb.problem"], "saxpy");
}

TEST_F(HostSuite, the_wrong_candidate_fails_with_the_first_unwritten_element) {
    expect_built();
    const json v = verdict("hipkb.bench.saxpy.demo.wrong");
    EXPECT_TRUE(v["compiled"].get<bool>());
    EXPECT_FALSE(v["correct"].get<bool>());
    EXPECT_FALSE(v["timed"].get<bool>());
    ASSERT_TRUE(v["failure"].is_object()) << v.dump(2);
    EXPECT_EQ(v["failure"]["kind"], "nan_output");
    // N = 100003: the unrolled loop stops at 100000.
    EXPECT_EQ(v["failure"]["first_index"], 100000);
    EXPECT_EQ(v["failure"]["mismatches"], 3);
    const json gbench = read_json(results_dir / "hipkb.bench.saxpy.demo.wrong.json");
    bool candidate_errored = false;
    for (const auto& b : gbench["benchmarks"]) {
        if (b.value("run_name", b.value("name", "")).starts_with("saxpy/demo/wrong/")) {
            candidate_errored = b.value("error_occurred", false);
            EXPECT_NE(b.value("error_message", "").find("nan_output"), std::string::npos);
        }
    }
    EXPECT_TRUE(candidate_errored);
}

TEST_F(HostSuite, same_named_functions_in_reference_and_candidate_stay_apart) {
    expect_built();
    const json v = verdict("hipkb.bench.saxpy.demo.shadow");
    EXPECT_FALSE(v["correct"].get<bool>());
    EXPECT_EQ(v["failure"]["kind"], "mismatch");
    // Off by exactly 1: the candidate ran its own saxpy_body, the reference its own.
    const double got = v["failure"]["got"].get<double>();
    const double expected = v["failure"]["expected"].get<double>();
    EXPECT_NEAR(got - expected, 1.0, 1e-5);
    EXPECT_TRUE(verdict("hipkb.bench.saxpy.reference")["correct"].get<bool>());
}

TEST_F(HostSuite, the_non_compiling_candidate_is_recorded_with_its_errors) {
    expect_built();
    const json v = verdict("hipkb.bench.saxpy.demo.broken");
    EXPECT_FALSE(v["compiled"].get<bool>());
    EXPECT_FALSE(v["correct"].get<bool>());
    EXPECT_EQ(v["failure"]["kind"], "compile_error");
    EXPECT_NE(v["compile_errors"].get<std::string>().find("undeclared_value"), std::string::npos);
}

TEST_F(HostSuite, run_records_say_how_each_process_ended) {
    expect_built();
    for (const char* test :
         {"hipkb.bench.saxpy.reference", "hipkb.bench.saxpy.demo.correct", "hipkb.bench.saxpy.demo.broken"}) {
        const json record = read_json(results_dir / (std::string(test) + ".run.json"));
        EXPECT_EQ(record["status"], "ok") << test;
    }
}

TEST_F(HostSuite, a_new_candidate_is_picked_up_by_the_next_build) {
    expect_built();
    fs::copy_file(generated_dir / "demo/saxpy/correct.cpp", generated_dir / "demo/saxpy/late.cpp");
    const auto rebuild = run({HIPKB_CMAKE, "--build", build_dir.string(), "--target", "hipkb_suite", "-j2"});
    ASSERT_EQ(rebuild.exit_code, 0) << rebuild.output;
    const std::string manifest = hipkb::read_file(build_dir / "hipkb_manifest.json");
    EXPECT_NE(manifest.find("hipkb.bench.saxpy.demo.late"), std::string::npos);
    const auto bench = run({(build_dir / "bench").string(), "--filter", "late", "--no-report", "--",
                            "--benchmark_min_time=0.01", "--hipkb_max_wall=0.2", "--benchmark_repetitions=1"});
    EXPECT_EQ(bench.exit_code, 0) << bench.output;
    EXPECT_TRUE(verdict("hipkb.bench.saxpy.demo.late")["correct"].get<bool>());
}

}  // namespace

namespace {

// A CV target no machine meets makes the driver run the executable again
// with more repetitions, capped by --max-repetitions; the run record says
// so and the Google Benchmark file holds the second run's repetitions.
TEST_F(HostSuite, a_missed_cv_target_reruns_with_more_repetitions) {
    expect_built();
    const fs::path results = work_dir / "cv-results";
    const auto bench = run({(build_dir / "bench").string(), "--filter", "saxpy.demo.correct$", "--no-report",
                            "--results", results.string(), "--cv-target", "1e-9", "--max-repetitions", "7", "--",
                            "--benchmark_min_time=0.001", "--hipkb_max_wall=0.02"});
    ASSERT_EQ(bench.exit_code, 0) << bench.output;
    EXPECT_NE(bench.output.find("7 repetitions"), std::string::npos) << bench.output;
    const json record = read_json(results / "hipkb.bench.saxpy.demo.correct.run.json");
    EXPECT_EQ(record["status"], "ok");
    EXPECT_EQ(record["attempts"], 2) << record.dump(2);
    EXPECT_EQ(record["repetitions"], 7) << record.dump(2);
    EXPECT_EQ(record["cv_target_met"], false) << record.dump(2);
    const json gbench = read_json(results / "hipkb.bench.saxpy.demo.correct.json");
    int candidate_repetitions = 0;
    for (const json& row : gbench["benchmarks"]) {
        if (row["run_type"] == "iteration" && row["run_name"].get<std::string>().rfind("saxpy/demo/correct", 0) == 0) {
            ++candidate_repetitions;
        }
    }
    EXPECT_EQ(candidate_repetitions, 7);
}

// A target the first run already meets costs nothing more.
TEST_F(HostSuite, a_met_cv_target_runs_once) {
    expect_built();
    const fs::path results = work_dir / "cv-met-results";
    const auto bench =
        run({(build_dir / "bench").string(), "--filter", "saxpy.demo.correct$", "--no-report", "--results",
             results.string(), "--cv-target", "100", "--", "--benchmark_min_time=0.001", "--hipkb_max_wall=0.02"});
    ASSERT_EQ(bench.exit_code, 0) << bench.output;
    const json record = read_json(results / "hipkb.bench.saxpy.demo.correct.run.json");
    EXPECT_EQ(record["attempts"], 1) << record.dump(2);
    EXPECT_EQ(record["repetitions"], 5) << record.dump(2);
    EXPECT_EQ(record["cv_target_met"], true) << record.dump(2);
}

}  // namespace

namespace {

// The harness-overhead benchmark (docs/trust.md) works on a real build: it
// finds the candidate in the manifest, runs its bench and reports figures.
// Its timings are not judged here (shared, noisy machines).
TEST_F(HostSuite, the_harness_overhead_benchmark_measures_a_candidate) {
    expect_built();
    const auto perf = run({HIPKB_PERF_HARNESS, "--hipkb_build_dir=" + build_dir.string(),
                           "--hipkb_test=hipkb.bench.saxpy.demo.correct", "--benchmark_filter=evaluate/minimal",
                           "--benchmark_format=json"});
    ASSERT_EQ(perf.exit_code, 0) << perf.output;
    const auto start = perf.output.find('{');
    ASSERT_NE(start, std::string::npos) << perf.output;
    const json report = json::parse(perf.output.substr(start, perf.output.rfind('}') - start + 1));
    ASSERT_EQ(report["benchmarks"].size(), 1U) << perf.output;
    const json& row = report["benchmarks"][0];
    EXPECT_FALSE(row.value("error_occurred", false)) << row.dump(2);
    EXPECT_GT(row["real_time"].get<double>(), 0.0);
    EXPECT_GT(row["peak_rss_mb"].get<double>(), 0.0);
    EXPECT_GT(row["kernelbench_floor_ratio"].get<double>(), 0.0);
    EXPECT_EQ(report["context"]["hipkb.test"], "hipkb.bench.saxpy.demo.correct");
}

// A test name the manifest does not have is an error that names it.
TEST_F(HostSuite, the_harness_overhead_benchmark_rejects_an_unknown_test) {
    expect_built();
    const auto perf = run({HIPKB_PERF_HARNESS, "--hipkb_build_dir=" + build_dir.string(), "--hipkb_test=no.such.test"});
    EXPECT_EQ(perf.exit_code, 2) << perf.output;
    EXPECT_NE(perf.output.find("no.such.test"), std::string::npos) << perf.output;
}

}  // namespace
