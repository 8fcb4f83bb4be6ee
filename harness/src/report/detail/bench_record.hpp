#pragma once
// One benchmark executable and the files it may have left behind: what the
// results builder needs, whether it came from the manifest or from a scan
// of a results folder.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb::report::detail {

struct bench_record {
    std::string test;
    std::string kind;  // "candidate", "reference" or "vendor" (a vendor-library baseline)
    std::string problem;
    std::optional<int> level;
    std::optional<std::string> run;
    std::optional<std::string> sample;
    std::optional<std::filesystem::path> metadata;
    std::optional<std::filesystem::path> compile_log;
    std::string compile_status = "unknown";  // "compiled", "failed" or "unknown"
    std::filesystem::path gbench_file;       // <test>.json, may not exist
    std::filesystem::path verdict_file;
    std::filesystem::path run_file;
};

// What the build knew about the machine (from the manifest, when there is one).
struct build_context {
    std::optional<std::filesystem::path> manifest;
    std::filesystem::path results_dir;
    std::optional<std::string> platform;
    std::optional<std::string> compiler;
    std::optional<std::string> gpu_targets;
};

// Points the record at <test>.json, <test>.verdict.json and <test>.run.json in `results_dir`.
void set_result_files(bench_record& record, const std::filesystem::path& results_dir);

// Builds the results document (with its summary) from records.
[[nodiscard]] nlohmann::json build_results(const std::vector<bench_record>& records, const build_context& context);

}  // namespace hipkb::report::detail
