// A tiny real Google Benchmark program shaped like a hipkb candidate
// executable: "<problem>/reference" and "<problem>/<run>/<sample>" timed
// with manual time, FLOP/s and bytes/s counters, the hipkb.* context, and a
// candidate that fails with SkipWithError. The manual times are fixed (4 us
// for the reference, 2 us for the fast candidate) so that tests know the
// speedup (2) without trusting the code under test. The tests run it with
// and without repetitions and aggregates to get the installed library's
// real output.
#include <benchmark/benchmark.h>

namespace {

constexpr double reference_seconds = 4e-6;
constexpr double fast_seconds = 2e-6;

void relu_reference(benchmark::State& state) {
    for (auto _ : state) {
        state.SetIterationTime(reference_seconds);
    }
    state.counters["FLOP/s"] = 1.5e9;
    state.counters["bytes/s"] = 3.0e11;
}

void relu_fast(benchmark::State& state) {
    for (auto _ : state) {
        state.SetIterationTime(fast_seconds);
    }
    state.counters["FLOP/s"] = 3.0e9;
    state.counters["bytes/s"] = 6.0e11;
}

void relu_wrong(benchmark::State& state) {
    for (auto _ : state) {
        state.SkipWithError("mismatch: output y, seed 1: 3 of 111 elements outside atol=0.0001 rtol=0.0001");
        break;
    }
}

}  // namespace

BENCHMARK(relu_reference)->Name("relu/reference")->UseManualTime()->Unit(benchmark::kMicrosecond)->Iterations(20);
BENCHMARK(relu_fast)->Name("relu/examples/fast")->UseManualTime()->Unit(benchmark::kNanosecond)->Iterations(20);
BENCHMARK(relu_wrong)->Name("relu/examples/wrong")->UseManualTime()->Iterations(20);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::AddCustomContext("hipkb.platform", "host");
    benchmark::AddCustomContext("hipkb.device", "test device");
    benchmark::AddCustomContext("hipkb.problem", "relu");
    benchmark::AddCustomContext("hipkb.level", "1");
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
