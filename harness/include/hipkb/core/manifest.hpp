#pragma once
// build/hipkb_manifest.json: the list of benchmark executables a configure
// produced (format in docs/build-outputs.md).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb {

struct bench_entry {
    std::string test;  // hipkb.bench.<problem>.<run>.<sample> or hipkb.bench.<problem>.reference
    std::filesystem::path executable;
    // The same bench built for cpu execution (HIPKB_CPU_EXECUTION), if it was.
    std::optional<std::filesystem::path> cpu_executable;
    std::string kind;  // "candidate" or "reference"
    std::string problem;
    int level = 0;
    std::filesystem::path spec;
    std::optional<std::string> run;
    std::optional<std::string> sample;
    std::filesystem::path source;
    std::optional<std::filesystem::path> metadata;
    std::optional<std::filesystem::path> compile_log;
};

struct manifest {
    std::filesystem::path file;
    std::string platform;
    std::string gpu_targets;
    std::string compiler;
    std::filesystem::path source_dir;
    std::filesystem::path results_dir;
    std::vector<bench_entry> benches;
};

// Throws std::runtime_error naming the file and the field on bad input.
[[nodiscard]] manifest load_manifest(const std::filesystem::path& file);

// "compiled", "failed", or "unknown" when no status file exists yet (the
// candidate has not been built).
[[nodiscard]] std::string compile_status(const bench_entry& bench);

}  // namespace hipkb
