#pragma once
// The bench executable's command line: hipkb's own flags split off, Google
// Benchmark's passed on with hipkb's defaults.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb::detail {

struct parsed_args {
    std::vector<std::string> benchmark_args;
    // Written by this process: for direct runs; not tamper-proof (a
    // candidate in the process can rewrite it at exit).
    std::optional<std::filesystem::path> verdict_out;
    // --hipkb_report_fd: the driver's pipe (hipkb/core/report_channel.hpp);
    // the driver writes the verdict and benchmark files from what arrives.
    std::optional<int> report_fd;
    double min_time = 0.1;  // measured seconds wanted per repetition
    double max_wall = 1.0;  // wall seconds allowed per repetition
    // --hipkb_seed: the run's seed secret (hipkb/core/seed_secret.hpp); 0
    // reproduces the public seeds. Absent: the bench draws one itself.
    std::optional<std::uint64_t> seed_secret;
};

// Throws std::invalid_argument naming the flag on a bad value.
[[nodiscard]] parsed_args parse_args(int argc, char** argv);

}  // namespace hipkb::detail
