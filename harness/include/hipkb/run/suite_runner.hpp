#pragma once
// Runs the benchmark executables of a configured build, each in its own
// process with a time limit, and writes the results and the report.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb {

struct shard {
    int index = 0;  // 0-based
    int count = 1;
};

// Parses "i/n" (1-based i, as users count). Throws std::invalid_argument.
[[nodiscard]] shard parse_shard(const std::string& text);

struct suite_options {
    std::filesystem::path build_dir;
    std::optional<std::filesystem::path> results_dir;  // default: the manifest's
    std::optional<std::filesystem::path> report_dir;   // default: <results>/report
    std::string filter;                                 // regex on test names; empty = all
    shard part;
    double timeout_seconds = 600.0;
    std::vector<std::string> benchmark_args;  // passed on to every executable
    // Precision wanted of every reported median: its estimated CV
    // (repetition_target.hpp). A benchmark that misses it after the default
    // repetitions runs again with enough of them, up to max_repetitions.
    // 0 turns this off; a --benchmark_repetitions flag does too.
    double cv_target = 0.01;
    int max_repetitions = 50;
    bool write_report = true;
    // Where benches run: "auto" runs the GPU executable and, when it is
    // skipped for want of a usable GPU, its cpu-execution twin (correctness
    // only); "gpu" never falls back; "cpu" runs only the twins.
    std::string execution = "auto";
};

// Returns the exit code: 0 when every bench ran or was skipped for want of a
// GPU, 1 when a reference bench failed (the problem or the harness is
// broken), 130 when interrupted (what finished is still written).
int run_suite(const suite_options& options);

// Deterministic selection of a shard: bench i of n goes to shard i mod n,
// in the manifest's (sorted) order.
[[nodiscard]] bool in_shard(std::size_t position, const shard& part);

}  // namespace hipkb
