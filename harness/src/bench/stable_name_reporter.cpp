#include <hipkb/bench/stable_name_reporter.hpp>

#include <fmt/core.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string_view>

namespace hipkb {

bool stable_name_reporter::ReportContext(const Context& context) {
    // RunSpecifiedBenchmarks points this reporter's streams at the
    // --benchmark_out file before reporting anything; the inner one writes.
    m_inner.SetOutputStream(&GetOutputStream());
    m_inner.SetErrorStream(&GetErrorStream());
    return m_inner.ReportContext(context);
}

void stable_name_reporter::ReportRuns(const std::vector<Run>& runs) {
    std::vector<Run> renamed = runs;
    for (Run& run : renamed) run.run_name.iterations.clear();
    m_inner.ReportRuns(renamed);
}

void stable_name_reporter::Finalize() { m_inner.Finalize(); }

namespace {

// The value of the last "--<flag>=value" (the library's own rule: a later
// flag overrides an earlier one), else the environment variable the library
// reads for that flag (its name in upper case), else nullopt.
std::optional<std::string> flag_value(const std::vector<std::string>& args, std::string_view flag,
                                      const char* environment_name) {
    const std::string prefix = fmt::format("--{}=", flag);
    std::optional<std::string> value;
    for (const std::string& arg : args) {
        if (arg.rfind(prefix, 0) == 0) value = arg.substr(prefix.size());
    }
    if (value) return value;
    if (const char* from_environment = std::getenv(environment_name)) return std::string(from_environment);
    return std::nullopt;
}

std::unique_ptr<benchmark::BenchmarkReporter> make_file_reporter(const std::string& format) {
    if (format == "json") return std::make_unique<benchmark::JSONReporter>();
    if (format == "console") return std::make_unique<benchmark::ConsoleReporter>(benchmark::ConsoleReporter::OO_None);
    throw std::invalid_argument(fmt::format(
        "--benchmark_out_format={}: expected json or console (the library's deprecated csv output is not supported)",
        format));
}

}  // namespace

std::optional<benchmark_file_output> find_benchmark_file_output(const std::vector<std::string>& benchmark_args) {
    const auto path = flag_value(benchmark_args, "benchmark_out", "BENCHMARK_OUT");
    if (!path || path->empty()) return std::nullopt;
    const auto format = flag_value(benchmark_args, "benchmark_out_format", "BENCHMARK_OUT_FORMAT");
    return benchmark_file_output{*path, format.value_or("json")};
}

std::size_t run_benchmarks_with_stable_names(const std::vector<std::string>& benchmark_args) {
    // The library owns its default display reporter (it honours
    // --benchmark_format and --benchmark_color).
    stable_name_reporter display(*benchmark::CreateDefaultDisplayReporter());
    const auto file_output = find_benchmark_file_output(benchmark_args);
    if (!file_output) return benchmark::RunSpecifiedBenchmarks(&display);
    // Without --benchmark_out the library exits when given a file reporter,
    // hence the check above; with it, the library opens the file.
    const std::unique_ptr<benchmark::BenchmarkReporter> file_writer = make_file_reporter(file_output->format);
    stable_name_reporter file(*file_writer);
    return benchmark::RunSpecifiedBenchmarks(&display, &file);
}

}  // namespace hipkb
