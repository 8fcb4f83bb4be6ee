#pragma once
// Runs the benchmark executables of a configured build, each in its own
// process with a time limit, and writes the results and the report.

#include <hipkb/core/shard.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb {

struct suite_options {
    std::filesystem::path build_dir;
    std::optional<std::filesystem::path> results_dir;  // default: the manifest's
    std::optional<std::filesystem::path> report_dir;   // default: <results>/report
    std::string filter;                                // regex on test names; empty = all
    shard_part part;                                   // by a hash of each bench's test name (hipkb/core/shard.hpp)
    // Executables run at once. On the GPU each gets a GPU of its own (the
    // visible devices, hipkb/run/gpu_slots.hpp), so at most one per GPU;
    // on cpu execution they simply run side by side.
    int jobs = 1;
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
    // The run's seed secret (hipkb/core/seed_secret.hpp), passed to every
    // executable as --hipkb_seed and recorded in each <test>.run.json. Absent:
    // one is drawn from the OS random source per run_suite call. 0
    // reproduces the public seeds.
    std::optional<std::uint64_t> seed_secret;
};

// Returns the exit code: 0 when every bench ran or was skipped for want of a
// GPU, 1 when a reference bench failed (the problem or the harness is
// broken), 130 when interrupted (what finished is still written).
int run_suite(const suite_options& options);

}  // namespace hipkb
