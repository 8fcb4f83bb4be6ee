// A tiny real Google Benchmark program registered the way a hipkb bench
// executable is: a launch count chosen at run time (--launches=N, standing
// in for hipkb's calibration) passed to Iterations(), manual time, and the
// runs reported through hipkb's stable-name reporters. Two runs with
// different counts must give benchmarks of the same names.
#include <hipkb/bench/stable_name_reporter.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

void timed(benchmark::State& state, double seconds) {
    for (auto _ : state) {
        state.SetIterationTime(seconds);
    }
}

}  // namespace

int main(int argc, char** argv) {
    long long launches = 10;
    std::vector<std::string> args;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--launches=", 0) == 0) {
            launches = std::stoll(arg.substr(std::string("--launches=").size()));
        } else {
            args.push_back(arg);
        }
    }
    std::vector<char*> gb_argv;
    for (std::string& arg : args) gb_argv.push_back(arg.data());
    int gb_argc = static_cast<int>(gb_argv.size());
    benchmark::Initialize(&gb_argc, gb_argv.data());
    if (benchmark::ReportUnrecognizedArguments(gb_argc, gb_argv.data())) return 1;
    benchmark::RegisterBenchmark("relu/reference", [](benchmark::State& state) { timed(state, 4e-6); })
        ->UseManualTime()
        ->Iterations(launches)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("relu/examples/fast", [](benchmark::State& state) { timed(state, 2e-6); })
        ->UseManualTime()
        ->Iterations(launches * 2)
        ->Unit(benchmark::kMicrosecond);
    try {
        hipkb::run_benchmarks_with_stable_names(args);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "gbench_calibrated: %s\n", error.what());
        return 2;
    }
    benchmark::Shutdown();
    return 0;
}
