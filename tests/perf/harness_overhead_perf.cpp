// What hipkb itself costs per candidate, as Google Benchmark figures:
//
//   evaluate/minimal  one bench executable, start to exit, with the least
//                     timing it accepts (1 repetition, 1 ms measured, 10 ms
//                     of wall per repetition): process start, device setup,
//                     module loading, correctness on every seed, reference and
//                     candidate warm-up, calibration, recheck and caching
//                     probe. This is the harness's overhead: what remains
//                     when the timing itself is made negligible.
//   evaluate/default  the same executable with its default timing (5
//                     repetitions of up to 1 s each), for scale.
//   build/candidate   rebuilding the candidate's module and executable after
//                     its source changed (the source's timestamp is bumped).
//
//   hipkb_perf_harness --hipkb_build_dir=build [--hipkb_test=hipkb.bench.019_relu.examples.vectorized]
//                      [Google Benchmark flags]
//
// The build must be configured and built; the test defaults to the first
// candidate in its manifest that compiled. Each figure is the wall time of
// the whole child process (manual time); peak_rss_mb is the largest resident
// size any evaluation child reached. The kernelbench_* counters divide the
// lower bound of KernelBench's per-candidate cost (docs/trust.md, "The
// harness measured") by ours.
#include <hipkb/core/manifest.hpp>
#include <hipkb/core/process.hpp>

#include <benchmark/benchmark.h>
#include <fmt/core.h>

#include <filesystem>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace {

namespace fs = std::filesystem;

// KernelBench's evaluation spawns a Python process per candidate, imports
// torch and creates a CUDA context before doing anything: about 1.1 s
// (pytorch/pytorch#56041 times `import torch; torch.cuda.device_count()` in
// a fresh process at 1.10 s). Its compile through
// torch.utils.cpp_extension.load_inline takes 15 s at the very least for a
// kernel including torch/extension.h, about a minute typically
// (pytorch/pytorch#149480). Both are lower bounds, not measurements of
// KernelBench on this machine.
constexpr double kernelbench_evaluation_floor_seconds = 1.1;
constexpr double kernelbench_compile_floor_seconds = 15.0;

fs::path g_build_dir = "build";
std::string g_test;
hipkb::bench_entry g_bench;

double peak_child_rss_mb() {
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

hipkb::process_result must_run(benchmark::State& state, const std::vector<std::string>& argv) {
    hipkb::process_options options;
    options.timeout = std::chrono::seconds(600);
    hipkb::process_result result = hipkb::run_process(argv, options);
    if (result.how != hipkb::process_result::end::exited || (result.exit_code != 0 && result.exit_code != 77)) {
        state.SkipWithError(fmt::format("{} failed: {}", argv[0], result.output.substr(0, 2000)).c_str());
    }
    return result;
}

// Mean seconds per run of the last evaluate/minimal and build/candidate, for the summary.
double g_minimal_seconds = 0.0;
double g_build_seconds = 0.0;

double evaluate(benchmark::State& state, const std::vector<std::string>& flags) {
    std::vector<std::string> argv = {g_bench.executable.string()};
    argv.insert(argv.end(), flags.begin(), flags.end());
    double total = 0.0;
    for (auto _ : state) {
        const auto result = must_run(state, argv);
        if (result.exit_code == 77) {
            state.SkipWithError(("SKIPPED: " + result.output.substr(0, 300)).c_str());
            return 0.0;
        }
        state.SetIterationTime(result.wall_seconds);
        total += result.wall_seconds;
    }
    state.counters["peak_rss_mb"] = peak_child_rss_mb();
    return state.iterations() > 0 ? total / static_cast<double>(state.iterations()) : 0.0;
}

void evaluate_minimal(benchmark::State& state) {
    g_minimal_seconds =
        evaluate(state, {"--benchmark_repetitions=1", "--hipkb_min_time=0.001", "--hipkb_max_wall=0.01"});
    if (g_minimal_seconds > 0) {
        state.counters["kernelbench_floor_ratio"] = kernelbench_evaluation_floor_seconds / g_minimal_seconds;
    }
}

void evaluate_default(benchmark::State& state) { (void)evaluate(state, {}); }

void build_candidate(benchmark::State& state) {
    const std::string target = g_bench.executable.filename().string();
    double total = 0.0;
    for (auto _ : state) {
        // A changed source, as after a new sample: its module and executable rebuild.
        fs::last_write_time(g_bench.source, fs::file_time_type::clock::now());
        const auto result = must_run(state, {"cmake", "--build", g_build_dir.string(), "--target", target});
        state.SetIterationTime(result.wall_seconds);
        total += result.wall_seconds;
    }
    g_build_seconds = state.iterations() > 0 ? total / static_cast<double>(state.iterations()) : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<char*> rest = {argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--hipkb_build_dir=", 0) == 0) {
            g_build_dir = arg.substr(std::string("--hipkb_build_dir=").size());
        } else if (arg.rfind("--hipkb_test=", 0) == 0) {
            g_test = arg.substr(std::string("--hipkb_test=").size());
        } else {
            rest.push_back(argv[i]);
        }
    }
    int rest_argc = static_cast<int>(rest.size());
    benchmark::Initialize(&rest_argc, rest.data());
    if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) return 2;
    try {
        const hipkb::manifest suite = hipkb::load_manifest(g_build_dir / "hipkb_manifest.json");
        bool found = false;
        for (const auto& bench : suite.benches) {
            const bool wanted = g_test.empty() ? bench.kind == "candidate" && hipkb::compile_status(bench) == "compiled"
                                               : bench.test == g_test;
            if (wanted) {
                g_bench = bench;
                found = true;
                break;
            }
        }
        if (!found) {
            fmt::print(stderr, "hipkb_perf_harness: {} has no {}\n", (g_build_dir / "hipkb_manifest.json").string(),
                       g_test.empty() ? "candidate that compiled (build it first)" : "bench named " + g_test);
            return 2;
        }
        benchmark::AddCustomContext("hipkb.platform", suite.platform);
    } catch (const std::exception& error) {
        fmt::print(stderr, "hipkb_perf_harness: {}\n", error.what());
        return 2;
    }
    benchmark::AddCustomContext("hipkb.test", g_bench.test);
    benchmark::RegisterBenchmark("evaluate/minimal", evaluate_minimal)
        ->UseManualTime()
        ->Iterations(5)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("evaluate/default", evaluate_default)
        ->UseManualTime()
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("build/candidate", build_candidate)
        ->UseManualTime()
        ->Iterations(3)
        ->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    if (g_minimal_seconds > 0 && g_build_seconds > 0) {
        const double ours = g_minimal_seconds + g_build_seconds;
        const double theirs = kernelbench_evaluation_floor_seconds + kernelbench_compile_floor_seconds;
        fmt::print(
            "{}: evaluation {:.3f} s (KernelBench at least {:.1f} s: {:.1f}x), build {:.2f} s, both {:.2f} s "
            "(KernelBench at least {:.1f} s: {:.1f}x)\n",
            g_bench.test, g_minimal_seconds, kernelbench_evaluation_floor_seconds,
            kernelbench_evaluation_floor_seconds / g_minimal_seconds, g_build_seconds, ours, theirs, theirs / ours);
    }
    return 0;
}
