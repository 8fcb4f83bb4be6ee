// How fast the host draws inputs (hipkb/core/inputs.hpp over
// hipkb/core/counter_draw.hpp), per distribution and type: the rate that
// once capped benchmark sizes and that the device generator
// (harness/src/bench/input_generator.hip) now takes over on GPUs. The
// host still draws every test-size input, and on the host platform all of
// them. Items per second are elements per wall-clock second; the fill uses
// every core.
#include <hipkb/core/inputs.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>

namespace {

hipkb::problem_spec one_input(std::int64_t n, hipkb::dtype type, hipkb::init_spec init) {
    hipkb::problem_spec spec;
    spec.name = "perf";
    spec.dims = {{"N", n, n}};
    spec.inputs = {{"x", type, {"N"}, init, {}}};
    spec.outputs = {{"y", hipkb::dtype::fp32, {"N"}, {}, {}}};
    return spec;
}

void draw(benchmark::State& state, hipkb::dtype type, hipkb::init_spec init) {
    const std::int64_t n = state.range(0);
    const hipkb::problem_spec spec = one_input(n, type, init);
    std::uint64_t seed = 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(hipkb::generate_input(spec, 0, hipkb::size_set::benchmark, seed++));
    }
    state.SetItemsProcessed(state.iterations() * n);
}

using kind = hipkb::init_spec::kind;
BENCHMARK_CAPTURE(draw, normal_fp32, hipkb::dtype::fp32, hipkb::init_spec{kind::normal, 0.0, 1.0})
    ->Arg(1 << 22)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(draw, uniform_fp32, hipkb::dtype::fp32, hipkb::init_spec{kind::uniform, -1.0, 1.0})
    ->Arg(1 << 22)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(draw, normal_fp16, hipkb::dtype::fp16, hipkb::init_spec{kind::normal, 0.0, 1.0})
    ->Arg(1 << 22)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(draw, randint_int64, hipkb::dtype::int64, hipkb::init_spec{kind::randint, 0.0, 1000.0})
    ->Arg(1 << 22)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
