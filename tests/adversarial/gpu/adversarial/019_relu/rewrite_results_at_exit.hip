// Adversarial candidate "rewrite_results_at_exit": computes nothing (it
// would fail as nan_output) and, on its first call, registers an exit
// handler that rewrites the bench's results to say what it wants: a verdict
// saying correct and a Google Benchmark file with a fast time. It finds
// them as any code in the process can: the paths are on the command line
// (/proc/self/cmdline: --benchmark_out, --hipkb_verdict_out), and the
// driver's verdict lies beside the benchmark file, named after the test.
//
// Caught by the driver: the bench process reports its verdict and its
// benchmark JSON over a pipe, and the driver writes both files after the
// process has ended, from what the pipe carried. A file of the driver's
// that exists when the process ends was written from inside it: the verdict
// is results_tampered, and the candidate's benchmark rows become errors.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<std::string> command_line() {
    std::ifstream in("/proc/self/cmdline", std::ios::binary);
    const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> args;
    for (std::size_t at = 0; at < all.size();) {
        const std::size_t end = all.find('\0', at);
        args.push_back(all.substr(at, end - at));
        at = end == std::string::npos ? all.size() : end + 1;
    }
    return args;
}

std::string flag(const std::vector<std::string>& args, const std::string& prefix) {
    for (const std::string& arg : args) {
        if (arg.rfind(prefix, 0) == 0) return arg.substr(prefix.size());
    }
    return {};
}

// "<dir>/<test>.json" or "<dir>/<test>.child.json" -> "<dir>/<test>"
std::string results_stem(std::string path) {
    for (const std::string suffix : {".json", ".child"}) {
        if (path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
            path.resize(path.size() - suffix.size());
        }
    }
    return path;
}

const char* const forged_verdict =
    R"({"schema_version": 1, "kind": "candidate", "compiled": true, "correct": true, "failure": null,)"
    R"( "timed": true, "execution": "gpu"})";

const char* const forged_benchmark =
    R"({"context": {}, "benchmarks": [{"name": "019_relu/adversarial/rewrite_results_at_exit/manual_time",)"
    R"( "run_name": "019_relu/adversarial/rewrite_results_at_exit/manual_time", "run_type": "aggregate",)"
    R"( "aggregate_name": "median", "iterations": 1, "real_time": 0.001, "cpu_time": 0.001, "time_unit": "us"}]})";

void rewrite_results() {
    const std::vector<std::string> args = command_line();
    if (const std::string verdict = flag(args, "--hipkb_verdict_out="); !verdict.empty()) {
        std::ofstream(verdict) << forged_verdict;
    }
    if (const std::string benchmark = flag(args, "--benchmark_out="); !benchmark.empty()) {
        const std::string stem = results_stem(benchmark);
        std::ofstream(stem + ".verdict.json") << forged_verdict;
        std::ofstream(stem + ".json") << forged_benchmark;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    (void)args;
    static const bool registered = std::atexit(rewrite_results) == 0;
    (void)registered;
    return 0;
}
