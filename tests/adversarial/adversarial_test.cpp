// The adversarial candidates against the real harness: each one games the
// benchmark in one known way, and its metadata names the failure the harness
// must report for it (docs/trust.md). One program, three suites:
//
//   --suite=host         configures a separate host-platform hipkb build over
//                        tests/fixtures/host/reference and the candidates in
//                        tests/adversarial/host, builds it, runs the bench
//                        driver, and checks every candidate's verdict (or, for
//                        a hang or a crash, how its process ended)
//   --suite=gpu          the same for tests/adversarial/gpu on this build's GPU
//                        platform, against the corpus problems they target;
//                        prints "SKIPPED: ..." when no GPU is usable
//   --suite=gpu_compile  compiles every GPU candidate with hipcc (gfx90a) and,
//                        where present, nvcc (sm_90, through hip_on_cuda);
//                        prints "SKIPPED: ..." when neither is here
//   --suite=cpu          the GPU candidates on the cpu execution layer (no GPU
//                        needed): a separate build with HIPKB_CPU_EXECUTION=on,
//                        the driver run with --execution cpu
//
// A candidate's metadata may name a different expectation for one suite
// ("expected_failure_cpu": what a CPU can and cannot see, e.g. "none" for
// work on another stream, which only a GPU's timing exposes).
//
// The slow part (build and driver run) happens once, before the cases; each
// case, named <problem>.<exploit>, then checks one candidate's results.
//
// One candidate as its own CTest test (host suite): --prepare configures and
// builds the suite's tree only (a CTest fixture), and
// --candidate=<problem>.<exploit> runs the driver on that candidate and its
// reference alone, into a results folder of its own, and checks it.
#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/failure_kinds.hpp>
#include <hipkb/core/process.hpp>
#include <hipkb/core/seed_secret.hpp>

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path source_dir = HIPKB_SOURCE_DIR;
const fs::path work_root = HIPKB_WORK_DIR;
std::string g_suite;  // host, gpu, gpu_compile or cpu
bool g_prepare_only = false;
std::string g_only;  // <problem>.<exploit>: one candidate, on a tree --prepare built

// The "not_faster" expectation: a control candidate that does the work in
// an unusual but honest way must not come out clearly faster than the
// reference (reference median / candidate median below this).
constexpr double not_faster_limit = 1.2;

// Seconds one bench executable may run in the driver: the hang candidate
// costs exactly this much.
constexpr int host_bench_timeout_seconds = 10;
constexpr int gpu_bench_timeout_seconds = 120;

// A child's output quoted in a failure message. CTest marks the GPU suites
// skipped when their output contains "SKIPPED:", so a bench that printed its
// own skip line must not turn a failure into a skip.
std::string quoted(std::string text) {
    for (std::size_t at = 0; (at = text.find("SKIPPED:", at)) != std::string::npos;) {
        text.replace(at, 8, "SKIPPED -");
    }
    return text;
}

json read_json(const fs::path& file) { return json::parse(hipkb::read_file(file)); }

// Whether a Google Benchmark run_name belongs to the benchmark registered as
// `name`: Google Benchmark appends settings such as "/iterations:8/manual_time".
bool is_benchmark(const std::string& run_name, const std::string& name) {
    return run_name == name || run_name.rfind(name + "/", 0) == 0;
}

hipkb::process_result run(const std::vector<std::string>& argv, double timeout_seconds) {
    hipkb::process_options options;
    options.timeout = std::chrono::duration<double>(timeout_seconds);
    return hipkb::run_process(argv, options);
}

std::string describe(const hipkb::process_result& result) {
    switch (result.how) {
        case hipkb::process_result::end::exited:
            return fmt::format("exit code {}", result.exit_code);
        case hipkb::process_result::end::signalled:
            return fmt::format("killed by signal {}", result.signal);
        case hipkb::process_result::end::timed_out:
            return "timed out";
        case hipkb::process_result::end::failed_to_start:
            return "failed to start: " + result.error;
    }
    return "?";
}

bool succeeded(const hipkb::process_result& result) {
    return result.how == hipkb::process_result::end::exited && result.exit_code == 0;
}

// One adversarial candidate on disk: <root>/adversarial/<problem>/<exploit>.<ext>.
struct candidate {
    std::string problem;
    std::string exploit;
    fs::path source;
    json metadata;

    [[nodiscard]] std::string expected_failure() const {
        return metadata.value("expected_failure_" + g_suite, metadata.value("expected_failure", ""));
    }
    [[nodiscard]] std::string expectation() const { return metadata.value("expected", ""); }
    [[nodiscard]] std::string test() const { return "hipkb.bench." + problem + ".adversarial." + exploit; }
    [[nodiscard]] std::string benchmark() const { return problem + "/adversarial/" + exploit; }
};

std::vector<candidate> discover(const fs::path& root, const std::string& extension) {
    std::vector<candidate> found;
    const fs::path run_dir = root / "adversarial";
    if (!fs::is_directory(run_dir)) return found;
    for (const auto& problem : fs::directory_iterator(run_dir)) {
        if (!problem.is_directory()) continue;
        for (const auto& file : fs::directory_iterator(problem.path())) {
            if (file.path().extension() != extension) continue;
            candidate c;
            c.problem = problem.path().filename().string();
            c.exploit = file.path().stem().string();
            c.source = file.path();
            fs::path meta = file.path();
            meta.replace_extension(".json");
            // A missing or broken metadata file is reported by the case, not here.
            c.metadata = fs::exists(meta) ? json::parse(hipkb::read_file(meta), nullptr, false) : json();
            if (!c.metadata.is_object()) c.metadata = json::object();
            found.push_back(std::move(c));
        }
    }
    std::sort(found.begin(), found.end(), [](const candidate& a, const candidate& b) {
        return std::tie(a.problem, a.exploit) < std::tie(b.problem, b.exploit);
    });
    return found;
}

// What a configure, build and driver run left behind.
struct suite_outcome {
    std::string skipped;      // non-empty: why this suite cannot run here
    std::string setup_error;  // non-empty: what went wrong between the steps
    std::string platform;
    fs::path build_dir;
    fs::path results_dir;
    std::optional<hipkb::process_result> configure;
    std::optional<hipkb::process_result> build;
    std::optional<hipkb::process_result> bench;
    bool prebuilt = false;  // configured and built by an earlier --prepare
};

suite_outcome g_outcome;
std::vector<candidate> g_candidates;

void configure_build_and_run(suite_outcome& outcome, const std::vector<std::string>& configure_args, int bench_timeout,
                             const std::vector<std::string>& driver_args = {}) {
    // Kept between runs: the second run only rebuilds what changed.
    outcome.build_dir = work_root / outcome.platform / "build";
    // The source policy check off: these suites prove the harness's own
    // defences, as when the check is bypassed (hipkb.test.adversarial.policy
    // tests the check).
    std::vector<std::string> configure = {HIPKB_CMAKE,
                                          "-S",
                                          source_dir.string(),
                                          "-B",
                                          outcome.build_dir.string(),
                                          "-G",
                                          HIPKB_GENERATOR,
                                          "-DHIPKB_ENABLE_TESTING=OFF",
                                          "-DHIPKB_POLICY_CHECK=off"};
    configure.insert(configure.end(), configure_args.begin(), configure_args.end());
    if (!std::string(HIPKB_HOST_CXX).empty()) configure.emplace_back("-DCMAKE_CXX_COMPILER=" HIPKB_HOST_CXX);
    outcome.prebuilt = !g_only.empty();
    if (!outcome.prebuilt) {
        fmt::print("adversarial: configuring {}\n", outcome.build_dir.string());
        std::fflush(stdout);
        outcome.configure = run(configure, 600);
        if (!succeeded(*outcome.configure)) return;
    }
    std::size_t benches = 0;
    try {
        const json manifest = read_json(outcome.build_dir / "hipkb_manifest.json");
        outcome.results_dir = manifest.value("results_dir", (outcome.build_dir / "results").string());
        benches = manifest.value("benches", json::array()).size();
    } catch (const std::exception& error) {
        outcome.setup_error =
            fmt::format("the manifest of {} cannot be read: {}", outcome.build_dir.string(), error.what());
        return;
    }
    fmt::print("adversarial: building the driver and {} bench executables\n", benches);
    std::fflush(stdout);
    // hipkb_suite: the driver and the benches (with the harness and every
    // module they need), not the generator or the hipkb command. -j2: the
    // machines this runs on are small and shared.
    if (!outcome.prebuilt) {
        outcome.build =
            run({HIPKB_CMAKE, "--build", outcome.build_dir.string(), "-j2", "--target", "hipkb_suite"}, 3000);
        if (!succeeded(*outcome.build) || g_prepare_only) return;
    }
    std::vector<std::string> driver = {(outcome.build_dir / "bench").string(), "--timeout",
                                       std::to_string(bench_timeout)};
    if (outcome.prebuilt) {
        // One candidate and its problem's reference, into a folder of its own,
        // so that candidate tests can run side by side.
        const std::string problem = g_only.substr(0, g_only.find('.'));
        const std::string exploit = g_only.substr(g_only.find('.') + 1);
        outcome.results_dir = work_root / outcome.platform / "candidates" / g_only;
        driver.insert(driver.end(),
                      {"--results", outcome.results_dir.string(), "--filter",
                       fmt::format("^hipkb\\.bench\\.{}\\.(reference|adversarial\\.{})$", problem, exploit)});
    }
    // Results of an earlier run must not stand in for this one.
    std::error_code ignored;
    fs::remove_all(outcome.results_dir, ignored);
    fmt::print("adversarial: running the bench driver (--timeout {})\n", bench_timeout);
    std::fflush(stdout);
    driver.insert(driver.end(), driver_args.begin(), driver_args.end());
    driver.insert(driver.end(), {"--", "--benchmark_min_time=0.01", "--benchmark_repetitions=2"});
    outcome.bench = run(driver, 3000);
}

void run_host_suite() {
    g_outcome.platform = "host";
    configure_build_and_run(
        g_outcome,
        {"-DHIPKB_PLATFORM=host", "-DHIPKB_REFERENCE_DIR=" + (source_dir / "tests/fixtures/host/reference").string(),
         "-DHIPKB_GENERATED_DIR=" + (source_dir / "tests/adversarial/host").string()},
        host_bench_timeout_seconds);
}

// The folder of a corpus problem: reference/<level>/<problem>.
std::optional<fs::path> corpus_problem(const std::string& problem) {
    for (const auto& level : fs::directory_iterator(source_dir / "reference")) {
        if (level.is_directory() && fs::exists(level.path() / problem / "spec.json")) return level.path() / problem;
    }
    return std::nullopt;
}

// A reference folder holding only the corpus problems the candidates
// target, so a suite's build compiles a few references, not the corpus.
fs::path copy_target_problems(const fs::path& reference_dir) {
    std::error_code ignored;
    fs::remove_all(reference_dir, ignored);
    for (const candidate& c : g_candidates) {
        const auto problem = corpus_problem(c.problem);
        if (!problem) continue;  // the case reports it
        const fs::path target = reference_dir / problem->parent_path().filename() / c.problem;
        if (fs::exists(target)) continue;
        fs::create_directories(target);
        fs::copy(*problem, target, fs::copy_options::recursive);
    }
    return reference_dir;
}

void run_gpu_suite() {
    const std::string platform = HIPKB_BUILD_PLATFORM;
    g_outcome.platform = platform;
    if (platform != "amd" && platform != "nvidia") {
        g_outcome.skipped = fmt::format(
            "this build's platform is '{}', not a GPU platform; the GPU adversarial suite runs in a build "
            "configured with HIPKB_PLATFORM=amd or nvidia on a machine with a GPU",
            platform);
        return;
    }
    // Cheap checks first: without a device node the build below would only
    // end in every bench reporting skipped.
    if (platform == "amd" && !fs::exists("/dev/kfd")) {
        g_outcome.skipped =
            "no AMD GPU on this machine (/dev/kfd is absent); the GPU adversarial candidates are "
            "only compiled (hipkb.test.adversarial.gpu_compile)";
        return;
    }
    if (platform == "nvidia" && !fs::exists("/dev/nvidiactl")) {
        g_outcome.skipped =
            "no NVIDIA GPU on this machine (/dev/nvidiactl is absent); the GPU adversarial "
            "candidates are only compiled (hipkb.test.adversarial.gpu_compile)";
        return;
    }
    const fs::path reference_dir = copy_target_problems(work_root / "gpu" / "reference");
    std::vector<std::string> args = {"-DHIPKB_PLATFORM=" + platform, "-DHIPKB_REFERENCE_DIR=" + reference_dir.string(),
                                     "-DHIPKB_GENERATED_DIR=" + (source_dir / "tests/adversarial/gpu").string()};
    // The parent build's GPU architectures, so the candidates run on the GPU
    // that build was configured for (CMake passed the lists comma-separated).
    const auto as_cmake_list = [](std::string list) {
        std::replace(list.begin(), list.end(), ',', ';');
        return list;
    };
    if (const std::string targets = HIPKB_BUILD_GPU_TARGETS; !targets.empty()) {
        args.push_back("-DHIPKB_GPU_TARGETS=" + as_cmake_list(targets));
    }
    if (const std::string architectures = HIPKB_BUILD_CUDA_ARCHITECTURES; !architectures.empty()) {
        args.push_back("-DCMAKE_CUDA_ARCHITECTURES=" + as_cmake_list(architectures));
    }
    configure_build_and_run(g_outcome, args, gpu_bench_timeout_seconds);
    if (!g_outcome.bench || !succeeded(*g_outcome.bench)) return;
    // The device node exists but the runtime may still find no usable GPU;
    // the benches then exit 77 and the driver records "skipped".
    for (const auto& entry : fs::directory_iterator(g_outcome.results_dir)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".reference.run.json") == std::string::npos) continue;
        const json record = read_json(entry.path());
        if (record.value("status", "") == "skipped") {
            g_outcome.skipped = "no usable GPU: " + record.value("message", std::string("(no reason given)"));
            return;
        }
    }
}

// The GPU candidates on the cpu execution layer: a build of this build's GPU
// platform with HIPKB_CPU_EXECUTION=on (one GPU target, for the compile
// verdict), the driver forced onto the CPU twins.
void run_cpu_suite() {
    const std::string platform = HIPKB_BUILD_PLATFORM;
    g_outcome.platform = "cpu";
    if (platform != "amd" && platform != "nvidia") {
        g_outcome.skipped = fmt::format(
            "this build's platform is '{}'; cpu execution builds .hip sources on the amd "
            "or nvidia platform",
            platform);
        return;
    }
    const fs::path reference_dir = copy_target_problems(work_root / "cpu" / "reference");
    std::vector<std::string> args = {"-DHIPKB_PLATFORM=" + platform, "-DHIPKB_CPU_EXECUTION=on",
                                     "-DHIPKB_REFERENCE_DIR=" + reference_dir.string(),
                                     "-DHIPKB_GENERATED_DIR=" + (source_dir / "tests/adversarial/gpu").string()};
    if (platform == "amd") args.emplace_back("-DHIPKB_GPU_TARGETS=gfx90a");
    configure_build_and_run(g_outcome, args, host_bench_timeout_seconds, {"--execution", "cpu"});
}

// Every case needs the configure, build and driver run to have worked.
void expect_suite_ran() {
    ASSERT_TRUE(g_outcome.setup_error.empty()) << g_outcome.setup_error;
    if (g_outcome.prebuilt) {
        ASSERT_TRUE(g_outcome.bench.has_value()) << "the driver did not run";
        return;
    }
    ASSERT_TRUE(g_outcome.configure.has_value());
    ASSERT_TRUE(succeeded(*g_outcome.configure)) << "configure: " << describe(*g_outcome.configure) << "\n"
                                                 << quoted(g_outcome.configure->output);
    ASSERT_TRUE(g_outcome.build.has_value());
    ASSERT_TRUE(succeeded(*g_outcome.build)) << "build: " << describe(*g_outcome.build) << "\n"
                                             << quoted(g_outcome.build->output);
    ASSERT_TRUE(g_outcome.bench.has_value());
}

// The reference's and the candidate's median times from the Google Benchmark
// JSON (in its time unit, which cancels in the speedup); nullopt when either
// is missing.
std::optional<std::pair<double, double>> medians(const candidate& c) {
    const fs::path file = g_outcome.results_dir / (c.test() + ".json");
    if (!fs::exists(file)) return std::nullopt;
    const json gbench = read_json(file);
    std::optional<double> reference;
    std::optional<double> candidate_time;
    for (const auto& b : gbench.value("benchmarks", json::array())) {
        if (b.value("aggregate_name", "") != "median" || b.value("error_occurred", false)) continue;
        const std::string run_name = b.value("run_name", "");
        const double time = b.value("real_time", 0.0);  // manual time: the device-event time
        if (is_benchmark(run_name, c.problem + "/reference")) reference = time;
        if (is_benchmark(run_name, c.benchmark())) candidate_time = time;
    }
    if (!reference || !candidate_time || *candidate_time <= 0) return std::nullopt;
    return std::make_pair(*reference, *candidate_time);
}

// A failed candidate is reported as a failure in the Google Benchmark JSON
// too: every run of it carries the error "<kind>: ...", and no aggregate
// time exists from which a speedup could be computed.
void expect_reported_as_failure(const candidate& c, const std::string& kind) {
    const fs::path file = g_outcome.results_dir / (c.test() + ".json");
    ASSERT_TRUE(fs::exists(file)) << file;
    const json gbench = read_json(file);
    int runs = 0;
    for (const auto& b : gbench.value("benchmarks", json::array())) {
        if (!is_benchmark(b.value("run_name", b.value("name", "")), c.benchmark())) continue;
        if (b.value("run_type", "") == "aggregate") {
            ADD_FAILURE() << "a failed candidate has an aggregate time: " << b.dump();
            continue;
        }
        ++runs;
        EXPECT_TRUE(b.value("error_occurred", false)) << "a failed candidate's run has no error: " << b.dump();
        EXPECT_EQ(b.value("error_message", "").rfind(kind + ":", 0), 0u)
            << "error_message should start with '" << kind << ":': " << b.dump();
    }
    EXPECT_GT(runs, 0) << "no run of " << c.benchmark() << " in " << file;
}

// The candidate's entry in the driver's hipkb_results.json (docs/results-schema.md),
// from which the report's fast_p, speedups and pass@k are computed.
std::optional<json> results_entry(const candidate& c) {
    const fs::path file = g_outcome.results_dir / "hipkb_results.json";
    if (!fs::exists(file)) return std::nullopt;
    for (const auto& entry : read_json(file).value("candidates", json::array())) {
        if (entry.value("test", "") == c.test()) return entry;
    }
    return std::nullopt;
}

// A caught candidate counts as incorrect, with its failure and no speedup,
// in the results every report is built from.
void expect_no_speedup_in_results(const candidate& c, const std::string& kind) {
    const auto entry = results_entry(c);
    ASSERT_TRUE(entry.has_value()) << c.test() << " is missing from hipkb_results.json";
    EXPECT_EQ(entry->value("correct", json()), json(false)) << quoted(entry->dump(2));
    EXPECT_TRUE(entry->value("speedup", json()).is_null()) << quoted(entry->dump(2));
    const json failure = entry->value("failure", json());
    ASSERT_TRUE(failure.is_object()) << quoted(entry->dump(2));
    EXPECT_EQ(failure.value("kind", ""), kind) << quoted(entry->dump(2));
}

// What the harness made of a candidate, in the words of expected_failure.
std::string observed(const candidate& c) {
    const fs::path run_file = g_outcome.results_dir / (c.test() + ".run.json");
    if (!fs::exists(run_file)) return "(not run)";
    const std::string status = read_json(run_file).value("status", "");
    if (status != "ok") return status;
    const fs::path verdict_file = g_outcome.results_dir / (c.test() + ".verdict.json");
    if (!fs::exists(verdict_file)) return "(no verdict)";
    const json verdict = read_json(verdict_file);
    if (verdict.value("failure", json()).is_object()) return verdict["failure"].value("kind", "?");
    std::string text = verdict.value("correct", false) ? "none" : "(incorrect, no failure)";
    if (const auto times = medians(c)) text += fmt::format(" (speedup {:.2f})", times->first / times->second);
    return text;
}

void check_candidate(const candidate& c) {
    ASSERT_NO_FATAL_FAILURE(expect_suite_ran());
    const std::string expected = c.expected_failure();
    ASSERT_FALSE(expected.empty()) << c.source << ": its metadata has no \"expected_failure\"";
    ASSERT_TRUE(expected == "none" || hipkb::find_failure_kind(expected) != nullptr)
        << c.source << ": expected_failure '" << expected << "' is not in hipkb/core/failure_kinds.hpp";
    EXPECT_EQ(c.metadata.value("provider", ""), "handwritten") << c.source;
    const fs::path run_file = g_outcome.results_dir / (c.test() + ".run.json");
    const fs::path verdict_file = g_outcome.results_dir / (c.test() + ".verdict.json");
    ASSERT_TRUE(fs::exists(run_file)) << "the driver did not run " << c.test() << " (is it in the manifest?)\n"
                                      << quoted(g_outcome.bench->output);
    const json record = read_json(run_file);
    const std::string status = record.value("status", "");

    if (expected == "timeout" || expected == "crashed") {
        // Process-level failures: recorded by the driver; the verdict, if the
        // bench got as far as writing one, must not call it correct.
        EXPECT_EQ(status, expected) << quoted(record.dump(2));
        if (fs::exists(verdict_file)) {
            EXPECT_FALSE(read_json(verdict_file).value("correct", false)) << quoted(hipkb::read_file(verdict_file));
        }
        expect_no_speedup_in_results(c, expected);
        return;
    }
    ASSERT_EQ(status, "ok") << quoted(record.dump(2));
    ASSERT_TRUE(fs::exists(verdict_file)) << verdict_file;
    const json verdict = read_json(verdict_file);
    EXPECT_TRUE(verdict.value("compiled", false)) << quoted(verdict.dump(2));

    const bool on_cpu = g_suite == "cpu";
    if (on_cpu) EXPECT_EQ(verdict.value("execution", ""), "cpu") << quoted(verdict.dump(2));
    if (expected == "none") {
        // A control: unusual but honest; neither flagged nor rewarded.
        EXPECT_TRUE(verdict.value("failure", json()).is_null()) << quoted(verdict.dump(2));
        EXPECT_TRUE(verdict.value("correct", false)) << quoted(verdict.dump(2));
        if (on_cpu) {
            // No timing on a CPU: a correct verdict and no speedup is all there is.
            if (const auto entry = results_entry(c)) {
                EXPECT_EQ(entry->value("correct", json()), json(true)) << quoted(entry->dump(2));
                EXPECT_TRUE(entry->value("speedup", json()).is_null()) << quoted(entry->dump(2));
            } else {
                ADD_FAILURE() << c.test() << " is missing from hipkb_results.json";
            }
            return;
        }
        EXPECT_TRUE(verdict.value("timed", false)) << quoted(verdict.dump(2));
        if (const auto entry = results_entry(c)) {
            EXPECT_EQ(entry->value("correct", json()), json(true)) << quoted(entry->dump(2));
        } else {
            ADD_FAILURE() << c.test() << " is missing from hipkb_results.json";
        }
        if (c.expectation() == "not_faster") {
            const auto times = medians(c);
            ASSERT_TRUE(times.has_value()) << "no median times for " << c.benchmark() << " and its reference";
            EXPECT_LT(times->first / times->second, not_faster_limit)
                << "reference median " << times->first << ", candidate median " << times->second;
        } else {
            EXPECT_TRUE(c.expectation().empty()) << "unknown expectation '" << c.expectation() << "'";
        }
        return;
    }
    ASSERT_TRUE(verdict.value("failure", json()).is_object())
        << "NOT CAUGHT: expected " << expected << ", but the verdict has no failure:\n"
        << quoted(verdict.dump(2));
    EXPECT_EQ(verdict["failure"].value("kind", ""), expected) << quoted(verdict["failure"].dump(2));
    // Where the metadata names the seed that must catch it (a defence that
    // lives in one seed's inputs), the failure must come from that seed. The
    // metadata names a public seed; the verdict, the run's effective one.
    if (c.metadata.contains("expected_seed")) {
        const auto secret = verdict.value("seed_secret", hipkb::public_seeds_secret);
        EXPECT_EQ(verdict["failure"].value("seed", json()),
                  hipkb::effective_seed(secret, c.metadata["expected_seed"].get<std::uint64_t>()))
            << quoted(verdict["failure"].dump(2));
    }
    EXPECT_FALSE(verdict.value("correct", true));
    if (!on_cpu) expect_reported_as_failure(c, expected);  // a CPU run writes no Google Benchmark JSON
    expect_no_speedup_in_results(c, expected);
}

// The driver ran every candidate and every reference, and the references
// (the truth the candidates are compared with) are correct.
void check_driver() {
    ASSERT_NO_FATAL_FAILURE(expect_suite_ran());
    EXPECT_TRUE(succeeded(*g_outcome.bench)) << "bench: " << describe(*g_outcome.bench) << "\n"
                                             << quoted(g_outcome.bench->output);
    const json manifest = read_json(g_outcome.build_dir / "hipkb_manifest.json");
    std::vector<std::string> tests;
    for (const auto& b : manifest.value("benches", json::array())) {
        tests.push_back(b.value("test", ""));
        if (b.value("kind", "") != "reference") continue;
        const fs::path verdict = g_outcome.results_dir / (b.value("test", "") + ".verdict.json");
        ASSERT_TRUE(fs::exists(verdict)) << verdict;
        EXPECT_TRUE(read_json(verdict).value("correct", false)) << quoted(hipkb::read_file(verdict));
    }
    for (const candidate& c : g_candidates) {
        EXPECT_NE(std::find(tests.begin(), tests.end(), c.test()), tests.end())
            << c.source << " is not in the manifest (problem '" << c.problem << "' missing?)";
    }
}

// gpu_compile: one compiler invocation per candidate.
struct toolchain {
    std::string name;
    std::vector<std::string> command;  // without the source and the object file
};

std::vector<toolchain> gpu_toolchains() {
    std::vector<toolchain> found;
    const std::string include = "-I" + (source_dir / "harness/include").string();
    if (const std::string hipcc = HIPKB_HIPCC; !hipcc.empty() && fs::exists(hipcc)) {
        // What the corpus is compiled for on machines without a GPU (gfx90a, MI200).
        found.push_back({"hipcc", {hipcc, "--offload-arch=gfx90a", include, "-c"}});
    }
    if (const std::string nvcc = HIPKB_NVCC; !nvcc.empty() && fs::exists(nvcc)) {
        // As the nvidia platform compiles .hip: CUDA through hipkb's HIP-on-CUDA headers, C++17, sm_90.
        found.push_back({"nvcc",
                         {nvcc, "-x", "cu", "-std=c++17", "-arch=sm_90", "--expt-relaxed-constexpr",
                          "-I" + (source_dir / "harness/hip_on_cuda/include").string(), include, "-c"}});
    }
    return found;
}

void check_compiles(const toolchain& tool, const candidate& c) {
    const fs::path out_dir = work_root / "gpu_compile" / tool.name;
    fs::create_directories(out_dir);
    std::vector<std::string> argv = tool.command;
    argv.push_back(c.source.string());
    argv.emplace_back("-o");
    argv.push_back((out_dir / (c.problem + "__" + c.exploit + ".o")).string());
    const auto result = run(argv, 600);
    EXPECT_TRUE(succeeded(result)) << tool.name << " " << c.source << ": " << describe(result) << "\n"
                                   << quoted(result.output);
}

// RegisterTest needs a factory producing a Test; this one runs a function.
class function_test : public ::testing::Test {
public:
    explicit function_test(std::function<void()> body) : m_body(std::move(body)) {}
    void TestBody() override { m_body(); }

private:
    std::function<void()> m_body;
};

void register_case(const std::string& suite, const std::string& name, const fs::path& file,
                   std::function<void()> body) {
    ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, file.string().c_str(), 1,
                            [body = std::move(body)]() -> ::testing::Test* { return new function_test(body); });
}

void print_summary() {
    fmt::print("\nadversarial candidates ({} platform):\n", g_outcome.platform);
    fmt::print("  {:<34} {:<22} {}\n", "candidate", "expected", "observed");
    for (const candidate& c : g_candidates) {
        std::string expected = c.expected_failure();
        if (!c.expectation().empty()) expected += " (" + c.expectation() + ")";
        fmt::print("  {:<34} {:<22} {}\n", c.problem + "." + c.exploit, expected, observed(c));
    }
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    std::string suite;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--suite=", 0) == 0) suite = arg.substr(8);
        if (arg == "--prepare") g_prepare_only = true;
        if (arg.rfind("--candidate=", 0) == 0) g_only = arg.substr(12);
    }
    if ((g_prepare_only || !g_only.empty()) && suite != "host") {
        std::cerr << "--prepare and --candidate work with --suite=host only\n";
        return 2;
    }
    if (suite != "host" && suite != "gpu" && suite != "gpu_compile" && suite != "cpu") {
        std::cerr << "usage: hipkb_test_adversarial --suite=host|gpu|gpu_compile|cpu [gtest flags]\n";
        return 2;
    }
    g_suite = suite;

    if (suite == "gpu_compile") {
        g_candidates = discover(source_dir / "tests/adversarial/gpu", ".hip");
        const std::vector<toolchain> tools = gpu_toolchains();
        if (tools.empty()) {
            fmt::print(
                "SKIPPED: neither hipcc nor nvcc was found when this build was configured; the GPU "
                "adversarial candidates were not compiled\n");
            return 0;
        }
        if (tools.front().name != "hipcc") fmt::print("adversarial: hipcc not found; compiling with nvcc only\n");
        for (const toolchain& tool : tools) {
            for (const candidate& c : g_candidates) {
                register_case(tool.name + "_" + c.problem, c.exploit, c.source, [tool, c] { check_compiles(tool, c); });
            }
        }
        return RUN_ALL_TESTS();
    }

    const bool host = suite == "host";
    g_candidates =
        discover(source_dir / (host ? "tests/adversarial/host" : "tests/adversarial/gpu"), host ? ".cpp" : ".hip");
    if (host) {
        run_host_suite();
    } else if (suite == "cpu") {
        run_cpu_suite();
    } else {
        run_gpu_suite();
    }
    if (!g_outcome.skipped.empty()) {
        fmt::print("SKIPPED: {}\n", g_outcome.skipped);
        return 0;
    }
    if (g_prepare_only) {
        register_case("prepare", "configures_and_builds_the_suite", __FILE__, [] {
            ASSERT_TRUE(g_outcome.configure && succeeded(*g_outcome.configure))
                << "configure: " << (g_outcome.configure ? quoted(g_outcome.configure->output) : "not run");
            ASSERT_TRUE(g_outcome.setup_error.empty()) << g_outcome.setup_error;
            ASSERT_TRUE(g_outcome.build && succeeded(*g_outcome.build))
                << "build: " << (g_outcome.build ? quoted(g_outcome.build->output) : "not run");
        });
        return RUN_ALL_TESTS();
    }
    if (!g_only.empty()) {
        std::erase_if(g_candidates, [](const candidate& c) { return c.problem + "." + c.exploit != g_only; });
        if (g_candidates.empty()) {
            std::cerr << "--candidate=" << g_only << ": no such candidate under tests/adversarial/host\n";
            return 2;
        }
    } else {
        register_case("driver", "runs_every_candidate_and_the_references_are_right", __FILE__, check_driver);
    }
    for (const candidate& c : g_candidates) {
        register_case(c.problem, c.exploit, c.source, [c] { check_candidate(c); });
    }
    const int rc = RUN_ALL_TESTS();
    if (g_outcome.bench) print_summary();
    return rc;
}
