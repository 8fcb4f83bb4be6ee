#include <hipkb/run/suite_runner.hpp>

#include <hipkb/core/atomic_file.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <stdlib.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct fake {
    fake(std::string test_name, std::string program_name, std::string bench_kind = "candidate",
         std::string cpu_program_name = {})
        : test(std::move(test_name)),
          program(std::move(program_name)),
          kind(std::move(bench_kind)),
          cpu_program(std::move(cpu_program_name)) {}
    std::string test;         // hipkb.bench.<problem>...
    std::string program;      // the name fake_bench runs under: its behaviour
    std::string kind;         // candidate or reference
    std::string cpu_program;  // the cpu-execution twin's name, if any
};

// A configured build in a temporary folder: a manifest of fake benches,
// each a symlink to fake_bench named for what it should do.
class SuiteRunner : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "hipkb_suite_runner_XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_build = pattern;
        hipkb::write_file_atomically(m_build / "spec.json",
                                     R"({"schema_version": 1, "name": "row_offsets", "level": 1,
                                         "dims": [{"name": "N", "value": 1000, "test": 7}],
                                         "inputs": [{"name": "x", "dtype": "fp32", "shape": ["N"], "init": {"kind": "normal", "mean": 0, "stddev": 1}}],
                                         "outputs": [{"name": "y", "dtype": "fp32", "shape": ["N"]}]})");
        m_options.build_dir = m_build;
        m_options.write_report = false;
        m_options.timeout_seconds = 60;
    }

    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(m_build, ignored);
    }

    fs::path program(const std::string& name) {
        const fs::path link = m_build / name;
        std::error_code exists;
        if (!fs::is_symlink(link, exists)) fs::create_symlink(HIPKB_TEST_FAKE_BENCH, link);
        return link;
    }

    void write_manifest(const std::vector<fake>& benches) {
        json entries = json::array();
        for (const fake& bench : benches) {
            json entry = {{"test", bench.test},
                          {"executable", bench.program.empty() ? "" : program(bench.program).string()},
                          {"kind", bench.kind},
                          {"problem", "row_offsets"},
                          {"level", 1},
                          {"spec", (m_build / "spec.json").string()},
                          {"source", (m_build / "source.hip").string()}};
            if (bench.kind == "candidate") {
                entry["run"] = "fake";
                entry["sample"] = bench.program;
            }
            if (!bench.cpu_program.empty()) entry["cpu_executable"] = program(bench.cpu_program).string();
            entries.push_back(entry);
        }
        const json manifest = {
            {"schema_version", 1}, {"platform", "amd"}, {"results_dir", results().string()}, {"benches", entries}};
        hipkb::write_file_atomically(m_build / "hipkb_manifest.json", manifest.dump(2));
    }

    [[nodiscard]] fs::path results() const { return m_build / "results"; }

    [[nodiscard]] json record(const std::string& test) const {
        std::ifstream in(results() / (test + ".run.json"));
        if (!in) throw std::runtime_error("no run record for " + test);
        return json::parse(in);
    }

    // The arguments of every run of a fake program, in order.
    [[nodiscard]] std::vector<std::string> arguments_of(const std::string& name) const {
        std::ifstream in(m_build / (name + ".argv"));
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        return lines;
    }

    fs::path m_build;
    hipkb::suite_options m_options;
};

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(SuiteRunner, a_bench_that_runs_is_ok_and_its_results_are_written) {
    write_manifest({{"hipkb.bench.row_offsets.fake.ok", "ok"}});
    m_options.benchmark_args = {"--benchmark_min_time=0.01"};
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json run = record("hipkb.bench.row_offsets.fake.ok");
    EXPECT_EQ(run["status"], "ok");
    EXPECT_EQ(run["exit_code"], 0);
    EXPECT_EQ(run["execution"], "gpu");
    EXPECT_EQ(run["attempts"], 1);
    EXPECT_EQ(run["repetitions"], 5);
    EXPECT_EQ(run["cv_target_met"], true) << "steady times meet the 1% target";
    EXPECT_TRUE(fs::exists(results() / "hipkb.bench.row_offsets.fake.ok.json"));
    EXPECT_TRUE(fs::exists(results() / "hipkb.bench.row_offsets.fake.ok.verdict.json"));
    const std::vector<std::string> args = arguments_of("ok");
    // The bench writes its Google Benchmark file elsewhere and reports both
    // over the pipe; the driver writes the results.
    EXPECT_TRUE(
        contains(args, "--benchmark_out=" + (results() / "hipkb.bench.row_offsets.fake.ok.child.json").string()));
    EXPECT_TRUE(contains(args, "--benchmark_out_format=json"));
    EXPECT_TRUE(contains(args, "--hipkb_report_fd=3"));
    EXPECT_FALSE(fs::exists(results() / "hipkb.bench.row_offsets.fake.ok.child.json"));
    const json verdict = json::parse(hipkb::read_file(results() / "hipkb.bench.row_offsets.fake.ok.verdict.json"));
    EXPECT_EQ(verdict["written_by"], "driver");
    EXPECT_EQ(verdict["correct"], true);
    EXPECT_EQ(run["report"]["messages"], 2);
    EXPECT_TRUE(run["report"]["problems"].empty());
    EXPECT_TRUE(contains(args, "--benchmark_repetitions=5"));
    EXPECT_TRUE(contains(args, "--benchmark_min_time=0.01")) << "extra flags go to every executable";
    const json collected = json::parse(hipkb::read_file(results() / "hipkb_results.json"));
    EXPECT_TRUE(contains(collected.dump(), "hipkb.bench.row_offsets.fake.ok"));
}

TEST_F(SuiteRunner, a_skipped_executable_is_recorded_as_skipped_with_its_reason) {
    write_manifest({{"hipkb.bench.row_offsets.fake.skip", "skip"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 0) << "a skip for want of a GPU is not a failure";
    const json run = record("hipkb.bench.row_offsets.fake.skip");
    EXPECT_EQ(run["status"], "skipped");
    EXPECT_EQ(run["exit_code"], 77);
    EXPECT_EQ(run["message"], "no usable GPU: hipGetDeviceCount returned hipErrorNoDevice");
}

TEST_F(SuiteRunner, a_failing_executable_is_a_failure_with_the_tail_of_its_output) {
    write_manifest({{"hipkb.bench.row_offsets.fake.fail", "fail"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 0) << "a candidate's failure is its own, not the run's";
    const json run = record("hipkb.bench.row_offsets.fake.fail");
    EXPECT_EQ(run["status"], "failed");
    EXPECT_EQ(run["exit_code"], 3);
    const std::string message = run["message"];
    EXPECT_TRUE(contains(message, "line 100 of the failing bench's output")) << "the end is kept";
    EXPECT_FALSE(contains(message, "line 001 ")) << "the start of a long output is cut";
    EXPECT_LE(message.size(), 4000u);
}

TEST_F(SuiteRunner, a_crashing_executable_is_recorded_with_its_signal_and_output) {
    write_manifest({{"hipkb.bench.row_offsets.fake.crash", "crash"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json run = record("hipkb.bench.row_offsets.fake.crash");
    EXPECT_EQ(run["status"], "crashed");
    EXPECT_EQ(run["signal"], SIGABRT);
    EXPECT_TRUE(run["exit_code"].is_null());
    const std::string message = run["message"];
    EXPECT_TRUE(contains(message, "killed by signal 6")) << message;
    EXPECT_TRUE(contains(message, "about to crash")) << message;
}

TEST_F(SuiteRunner, a_hanging_executable_is_killed_at_its_timeout) {
    write_manifest({{"hipkb.bench.row_offsets.fake.hang", "hang"}});
    m_options.timeout_seconds = 1.0;
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json run = record("hipkb.bench.row_offsets.fake.hang");
    EXPECT_EQ(run["status"], "timeout");
    EXPECT_EQ(run["signal"], SIGTERM);
    EXPECT_GE(run["wall_seconds"].get<double>(), 1.0);
    EXPECT_LT(run["wall_seconds"].get<double>(), 30.0);
    EXPECT_TRUE(contains(run["message"].get<std::string>(), "hanging")) << "its output so far is kept";
    const pid_t pid = std::stoi(hipkb::read_file(m_build / "hang.pid"));
    EXPECT_NE(::kill(pid, 0), 0) << "process " << pid << " is still alive";
}

TEST_F(SuiteRunner, results_of_the_others_are_kept_beside_every_kind_of_failure) {
    write_manifest({{"hipkb.bench.row_offsets.fake.crash", "crash"},
                    {"hipkb.bench.row_offsets.fake.fail", "fail"},
                    {"hipkb.bench.row_offsets.fake.hang", "hang"},
                    {"hipkb.bench.row_offsets.fake.ok", "ok"},
                    {"hipkb.bench.row_offsets.fake.skip", "skip"}});
    m_options.timeout_seconds = 1.0;
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    EXPECT_EQ(record("hipkb.bench.row_offsets.fake.crash")["status"], "crashed");
    EXPECT_EQ(record("hipkb.bench.row_offsets.fake.fail")["status"], "failed");
    EXPECT_EQ(record("hipkb.bench.row_offsets.fake.hang")["status"], "timeout");
    EXPECT_EQ(record("hipkb.bench.row_offsets.fake.ok")["status"], "ok");
    EXPECT_EQ(record("hipkb.bench.row_offsets.fake.skip")["status"], "skipped");
    EXPECT_TRUE(fs::exists(results() / "hipkb.bench.row_offsets.fake.ok.json"));
    EXPECT_TRUE(fs::exists(results() / "hipkb.bench.row_offsets.fake.ok.verdict.json"));
    const std::string collected = hipkb::read_file(results() / "hipkb_results.json");
    for (const char* test : {"fake.crash", "fake.fail", "fake.hang", "fake.ok", "fake.skip"}) {
        EXPECT_TRUE(contains(collected, std::string("hipkb.bench.row_offsets.") + test)) << test;
    }
}

TEST_F(SuiteRunner, a_failing_reference_fails_the_run) {
    write_manifest(
        {{"hipkb.bench.row_offsets.reference", "crash", "reference"}, {"hipkb.bench.row_offsets.fake.ok", "ok"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 1) << "a broken reference means a broken problem or harness";
    EXPECT_EQ(record("hipkb.bench.row_offsets.reference")["status"], "crashed");
    EXPECT_EQ(record("hipkb.bench.row_offsets.fake.ok")["status"], "ok") << "the other benches still run";
}

TEST_F(SuiteRunner, a_noisy_median_is_run_again_with_more_repetitions) {
    write_manifest({{"hipkb.bench.row_offsets.fake.noisy", "noisy"}});
    m_options.max_repetitions = 12;
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json run = record("hipkb.bench.row_offsets.fake.noisy");
    EXPECT_EQ(run["status"], "ok");
    EXPECT_EQ(run["attempts"], 2) << "the second run is at the cap; a third could not ask for more";
    EXPECT_EQ(run["repetitions"], 12);
    EXPECT_EQ(run["cv_target_met"], false);
    const std::vector<std::string> args = arguments_of("noisy");
    EXPECT_TRUE(contains(args, "--benchmark_repetitions=5"));
    EXPECT_TRUE(contains(args, "--benchmark_repetitions=12"));
}

TEST_F(SuiteRunner, a_repetitions_flag_turns_the_cv_target_off) {
    write_manifest({{"hipkb.bench.row_offsets.fake.noisy", "noisy"}});
    m_options.benchmark_args = {"--benchmark_repetitions=3"};
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json run = record("hipkb.bench.row_offsets.fake.noisy");
    EXPECT_EQ(run["attempts"], 1);
    EXPECT_FALSE(run.contains("cv_target_met"));
    const std::vector<std::string> args = arguments_of("noisy");
    EXPECT_TRUE(contains(args, "--benchmark_repetitions=3"));
    EXPECT_FALSE(contains(args, "--benchmark_repetitions=5"));
}

TEST_F(SuiteRunner, a_gpu_bench_skipped_for_want_of_a_gpu_runs_as_its_cpu_twin) {
    write_manifest({{"hipkb.bench.row_offsets.fake.twin", "skip", "candidate", "ok_twin"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json run = record("hipkb.bench.row_offsets.fake.twin");
    EXPECT_EQ(run["status"], "ok");
    EXPECT_EQ(run["execution"], "cpu");
    EXPECT_EQ(run["gpu_skip_reason"], "no usable GPU: hipGetDeviceCount returned hipErrorNoDevice");
    EXPECT_FALSE(arguments_of("ok_twin").empty()) << "the twin ran";
}

TEST_F(SuiteRunner, a_later_run_in_the_same_process_asks_the_gpu_again) {
    // The first run learns there is no GPU; a second run_suite call (a
    // driver or a test that runs twice) must not inherit that answer.
    write_manifest({{"hipkb.bench.row_offsets.fake.twin", "skip", "candidate", "ok_twin"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    write_manifest({{"hipkb.bench.row_offsets.fake.gpu", "ok", "candidate", "ok_twin"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json run = record("hipkb.bench.row_offsets.fake.gpu");
    EXPECT_EQ(run["status"], "ok");
    EXPECT_EQ(run["execution"], "gpu") << run.dump(2);
    EXPECT_FALSE(arguments_of("ok").empty()) << "the GPU executable ran";
}

TEST_F(SuiteRunner, cpu_execution_without_a_twin_is_not_built) {
    write_manifest({{"hipkb.bench.row_offsets.fake.ok", "ok"}});
    m_options.execution = "cpu";
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json run = record("hipkb.bench.row_offsets.fake.ok");
    EXPECT_EQ(run["status"], "not_built");
    EXPECT_TRUE(contains(run["message"].get<std::string>(), "HIPKB_CPU_EXECUTION=on"));
    EXPECT_TRUE(arguments_of("ok").empty()) << "the GPU executable must not run";
}

TEST_F(SuiteRunner, a_missing_executable_is_not_built_and_named) {
    write_manifest({{"hipkb.bench.row_offsets.fake.ok", "ok"}});
    fs::remove(m_build / "ok");
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json run = record("hipkb.bench.row_offsets.fake.ok");
    EXPECT_EQ(run["status"], "not_built");
    EXPECT_TRUE(contains(run["message"].get<std::string>(), (m_build / "ok").string() + " is missing"));
}

TEST_F(SuiteRunner, the_filter_selects_benches_by_test_name) {
    write_manifest({{"hipkb.bench.row_offsets.fake.ok", "ok"}, {"hipkb.bench.row_offsets.fake.skip", "skip"}});
    m_options.filter = "fake\\.sk";
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    EXPECT_TRUE(fs::exists(results() / "hipkb.bench.row_offsets.fake.skip.run.json"));
    EXPECT_FALSE(fs::exists(results() / "hipkb.bench.row_offsets.fake.ok.run.json"));
    EXPECT_TRUE(arguments_of("ok").empty());
}

TEST_F(SuiteRunner, results_of_an_earlier_run_of_a_bench_are_removed_first) {
    write_manifest({{"hipkb.bench.row_offsets.fake.skip", "skip"}});
    fs::create_directories(results());
    hipkb::write_file_atomically(results() / "hipkb.bench.row_offsets.fake.skip.json", "{\"stale\": true}");
    hipkb::write_file_atomically(results() / "hipkb.bench.row_offsets.fake.skip.verdict.json", "{\"stale\": true}");
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    EXPECT_FALSE(fs::exists(results() / "hipkb.bench.row_offsets.fake.skip.json"));
    EXPECT_FALSE(fs::exists(results() / "hipkb.bench.row_offsets.fake.skip.verdict.json"));
    EXPECT_EQ(record("hipkb.bench.row_offsets.fake.skip")["status"], "skipped");
}

// The values of every --hipkb_seed= argument the named fake programs got.
std::vector<std::string> seed_arguments(const std::vector<std::string>& args) {
    const std::string prefix = "--hipkb_seed=";
    std::vector<std::string> values;
    for (const std::string& arg : args) {
        if (arg.rfind(prefix, 0) == 0) values.push_back(arg.substr(prefix.size()));
    }
    return values;
}

// One secret per run: a GPU bench, its CPU twin after a skip, a bench run
// again for precision, a failing one; each gets the same --hipkb_seed on
// every run, and every run record names it.
TEST_F(SuiteRunner, one_drawn_secret_goes_to_every_executable_and_into_every_run_record) {
    write_manifest({{"hipkb.bench.row_offsets.fake.ok", "ok"},
                    {"hipkb.bench.row_offsets.fake.noisy", "noisy"},
                    {"hipkb.bench.row_offsets.fake.fail", "fail"},
                    {"hipkb.bench.row_offsets.fake.skip", "skip", "candidate", "ok_twin"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    std::vector<std::string> seen;
    std::size_t runs = 0;
    for (const std::string name : {"ok", "noisy", "fail", "skip", "ok_twin"}) {
        const std::vector<std::string> values = seed_arguments(arguments_of(name));
        ASSERT_FALSE(values.empty()) << name << " got no --hipkb_seed";
        runs += values.size();
        seen.insert(seen.end(), values.begin(), values.end());
    }
    EXPECT_GT(runs, 5U) << "the noisy bench should have run more than once";
    const std::string secret = seen.front();
    for (const std::string& value : seen) EXPECT_EQ(value, secret);
    EXPECT_NE(secret, "0") << "a drawn secret is never the public seeds";
    for (const std::string test : {"ok", "noisy", "fail", "skip"}) {
        const json run = record("hipkb.bench.row_offsets.fake." + test);
        ASSERT_TRUE(run["seed_secret"].is_number_unsigned()) << run.dump(2);
        EXPECT_EQ(std::to_string(run["seed_secret"].get<std::uint64_t>()), secret) << test;
    }
}

TEST_F(SuiteRunner, each_run_draws_a_new_secret) {
    write_manifest({{"hipkb.bench.row_offsets.fake.ok", "ok"}});
    m_options.cv_target = 0;
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const std::vector<std::string> values = seed_arguments(arguments_of("ok"));
    ASSERT_EQ(values.size(), 2U);
    EXPECT_NE(values[0], values[1]);
}

// --seed / HIPKB_SEED_SECRET: a run reproduced, or the public seeds (0).
TEST_F(SuiteRunner, a_given_secret_is_passed_on_and_recorded_unchanged) {
    write_manifest({{"hipkb.bench.row_offsets.fake.ok", "ok"}});
    m_options.cv_target = 0;
    for (const std::uint64_t secret : {std::uint64_t{0x5eedf00dcafe1234}, std::uint64_t{0}}) {
        m_options.seed_secret = secret;
        EXPECT_EQ(hipkb::run_suite(m_options), 0);
        EXPECT_EQ(seed_arguments(arguments_of("ok")).back(), std::to_string(secret));
        EXPECT_EQ(record("hipkb.bench.row_offsets.fake.ok")["seed_secret"].get<std::uint64_t>(), secret);
    }
}

TEST_F(SuiteRunner, a_build_without_a_manifest_is_an_error_naming_the_file) {
    try {
        (void)hipkb::run_suite(m_options);
        FAIL() << "ran without a manifest";
    } catch (const std::runtime_error& error) {
        EXPECT_TRUE(contains(error.what(), (m_build / "hipkb_manifest.json").string())) << error.what();
    }
}

}  // namespace

// A bench process that writes the verdict file itself (an exit handler
// rewriting it to say correct) changes nothing the report is built from:
// the driver writes the verdict from the pipe and names the tampering.
TEST_F(SuiteRunner, a_bench_writing_the_verdict_file_itself_is_results_tampered) {
    write_manifest({{"hipkb.bench.row_offsets.fake.tamper", "tamper"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json verdict = json::parse(hipkb::read_file(results() / "hipkb.bench.row_offsets.fake.tamper.verdict.json"));
    EXPECT_EQ(verdict["correct"], false);
    EXPECT_EQ(verdict["failure"]["kind"], "results_tampered");
    EXPECT_TRUE(contains(verdict["failure"]["message"].get<std::string>(), "which only the driver writes"));
    const json gbench = json::parse(hipkb::read_file(results() / "hipkb.bench.row_offsets.fake.tamper.json"));
    for (const json& row : gbench["benchmarks"]) {
        EXPECT_EQ(row["error_occurred"], true) << "no time may come from a tampering candidate: " << row.dump();
    }
    const json collected = json::parse(hipkb::read_file(results() / "hipkb_results.json"));
    ASSERT_EQ(collected["candidates"].size(), 1u);
    EXPECT_EQ(collected["candidates"][0]["correct"], false);
    EXPECT_EQ(collected["candidates"][0]["failure"]["kind"], "results_tampered");
    EXPECT_TRUE(collected["candidates"][0]["speedup"].is_null());
}

TEST_F(SuiteRunner, bytes_on_the_report_pipe_that_are_not_a_frame_are_results_tampered) {
    write_manifest({{"hipkb.bench.row_offsets.fake.forge", "forge"}});
    EXPECT_EQ(hipkb::run_suite(m_options), 0);
    const json verdict = json::parse(hipkb::read_file(results() / "hipkb.bench.row_offsets.fake.forge.verdict.json"));
    EXPECT_EQ(verdict["failure"]["kind"], "results_tampered");
    EXPECT_TRUE(contains(verdict["failure"]["message"].get<std::string>(), "report channel"));
}
