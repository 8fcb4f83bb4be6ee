#pragma once
// Google Benchmark names a benchmark registered with Iterations(n)
// "<name>/iterations:<n>/manual_time". hipkb calibrates n on every run, so
// that name would change from run to run (and machine to machine), and tools
// that pair two runs by name (Google Benchmark's tools/compare.py,
// github-action-benchmark's `googlecpp`) could not pair them. These
// reporters pass every run on without the count in its name
// ("019_relu/reference/manual_time"); the count stays in each run's
// "iterations" field.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace hipkb {

// Forwards everything to `inner` (which must outlive it), each run with its
// name's iteration count cleared. The output and error streams the library
// sets on this reporter are handed on to `inner`.
class stable_name_reporter final : public benchmark::BenchmarkReporter {
public:
    explicit stable_name_reporter(benchmark::BenchmarkReporter& inner) : m_inner(inner) {}

    bool ReportContext(const Context& context) override;
    void ReportRuns(const std::vector<Run>& runs) override;
    void Finalize() override;

private:
    benchmark::BenchmarkReporter& m_inner;
};

// Where Google Benchmark writes its file output, as the library itself
// decides it from the arguments given to benchmark::Initialize and the
// environment (--benchmark_out / BENCHMARK_OUT, --benchmark_out_format /
// BENCHMARK_OUT_FORMAT, default "json"); nullopt when nothing goes to a file.
// The library does not expose its flags, so they are read here.
struct benchmark_file_output {
    std::string path;
    std::string format;
};
[[nodiscard]] std::optional<benchmark_file_output> find_benchmark_file_output(
    const std::vector<std::string>& benchmark_args);

// Runs the registered benchmarks as benchmark::RunSpecifiedBenchmarks()
// does (the display format of --benchmark_format, the file of
// --benchmark_out), with stable names on both. `benchmark_args` are the
// arguments given to benchmark::Initialize. Throws std::invalid_argument
// naming an unknown --benchmark_out_format.
std::size_t run_benchmarks_with_stable_names(const std::vector<std::string>& benchmark_args);

}  // namespace hipkb
