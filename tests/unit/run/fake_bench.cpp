// A stand-in for a bench executable, for the suite runner's tests. What it
// does is chosen by the name it is run under (the tests make symlinks):
//
//   ok...     writes Google Benchmark JSON (steady times) and a verdict, exits 0
//             (with --hipkb_report_fd, both also go over that pipe, as a bench sends them)
//   tamper... as ok, then, as a candidate's exit handler might, writes a
//             verdict saying correct where the driver writes the verdict
//   forge...  as ok, then writes bytes that are not a frame to the report pipe
//   noisy...  the same with times that vary by 30%, so the median misses a 1% CV target
//   skip...   prints "SKIPPED: <reason>" and exits 77
//   fail...   prints 100 numbered lines, then exits 3
//   crash...  prints a line, then aborts (SIGABRT)
//   hang...   writes its pid next to the executable, prints a line, then sleeps
//
// Every run appends its arguments, one per line, to <executable>.argv.
#include <hipkb/core/report_channel.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

namespace {

using json = nlohmann::json;

std::string flag_value(const std::vector<std::string>& args, const std::string& prefix) {
    for (const std::string& arg : args) {
        if (arg.rfind(prefix, 0) == 0) return arg.substr(prefix.size());
    }
    return {};
}

// A Google Benchmark file as the installed library writes it with
// repetitions: one row per repetition, in microseconds.
json gbench_document(int repetitions, bool noisy) {
    json rows = json::array();
    for (int i = 0; i < repetitions; ++i) {
        const double time = noisy && i % 2 == 1 ? 130.0 : 100.0;
        rows.push_back({{"name", "row_offsets/fake/0/manual_time"},
                        {"run_name", "row_offsets/fake/0/manual_time"},
                        {"run_type", "iteration"},
                        {"repetitions", repetitions},
                        {"repetition_index", i},
                        {"threads", 1},
                        {"iterations", 10},
                        {"real_time", time},
                        {"cpu_time", time},
                        {"time_unit", "us"}});
    }
    return {{"context", {{"executable", "fake_bench"}, {"library_build_type", "release"}}}, {"benchmarks", rows}};
}

int write_results(const std::vector<std::string>& args, bool noisy) {
    const std::string repetitions = flag_value(args, "--benchmark_repetitions=");
    const std::string gbench_out = flag_value(args, "--benchmark_out=");
    const std::string verdict_out = flag_value(args, "--hipkb_verdict_out=");
    const std::string report_fd = flag_value(args, "--hipkb_report_fd=");
    const json gbench = gbench_document(repetitions.empty() ? 1 : std::stoi(repetitions), noisy);
    if (!gbench_out.empty()) std::ofstream(gbench_out) << gbench.dump(2);
    const json verdict = {{"schema_version", 1}, {"problem", "row_offsets"}, {"kind", "candidate"},
                          {"compiled", true},    {"correct", true},          {"failure", nullptr},
                          {"timed", true},       {"execution", "gpu"}};
    if (!verdict_out.empty()) std::ofstream(verdict_out) << verdict.dump(2);
    if (!report_fd.empty()) {
        hipkb::send_report(std::stoi(report_fd), "benchmark", gbench.dump(2));
        hipkb::send_report(std::stoi(report_fd), "verdict", verdict.dump(2));
    }
    return 0;
}

// Where the driver will write this bench's verdict: beside the Google
// Benchmark file it named, as a candidate could work it out.
std::string driver_verdict_path(const std::vector<std::string>& args) {
    std::string path = flag_value(args, "--benchmark_out=");
    const std::string child_suffix = ".child.json";
    if (path.size() > child_suffix.size() && path.ends_with(child_suffix)) {
        path.replace(path.size() - child_suffix.size(), child_suffix.size(), ".verdict.json");
    }
    return path;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::filesystem::path self = argv[0];
    {
        std::ofstream record(self.string() + ".argv", std::ios::app);
        for (const std::string& arg : args) record << arg << '\n';
    }
    const std::string name = self.filename().string();
    const auto is = [&](const char* prefix) { return name.rfind(prefix, 0) == 0; };
    if (is("ok")) return write_results(args, false);
    if (is("noisy")) return write_results(args, true);
    if (is("tamper")) {
        const int rc = write_results(args, false);
        std::ofstream(driver_verdict_path(args)) << R"({"correct": true, "failure": null, "timed": true})";
        return rc;
    }
    if (is("forge")) {
        const int rc = write_results(args, false);
        const std::string fd = flag_value(args, "--hipkb_report_fd=");
        if (!fd.empty()) {
            const std::string junk = "correct: true\n";
            (void)!::write(std::stoi(fd), junk.data(), junk.size());
        }
        return rc;
    }
    if (is("skip")) {
        std::printf("probing the GPU\nSKIPPED: no usable GPU: hipGetDeviceCount returned hipErrorNoDevice\n");
        return 77;
    }
    if (is("fail")) {
        // 100 lines of 60 bytes: more than the 4000 bytes a record keeps.
        for (int line = 1; line <= 100; ++line)
            std::printf("line %03d of the failing bench's output ...............\n", line);
        return 3;
    }
    if (is("crash")) {
        const rlimit no_core{0, 0};
        (void)::setrlimit(RLIMIT_CORE, &no_core);  // an abort here should leave no core file behind
        std::printf("about to crash\n");
        std::fflush(stdout);
        std::abort();
    }
    if (is("hang")) {
        std::ofstream(self.string() + ".pid") << ::getpid();
        std::printf("hanging\n");
        std::fflush(stdout);
        for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
    std::fprintf(stderr, "fake_bench: no behaviour for the name '%s'\n", name.c_str());
    return 2;
}
