#pragma once
// What `hipkb report`, `compare` and `merge` accept as input: results JSON
// files, Google Benchmark JSON files, and folders of either.

#include <hipkb/report/merge.hpp>

#include <filesystem>
#include <optional>
#include <vector>

namespace hipkb::report {

struct input_options {
    // The manifest for results folders; when absent, a folder's own
    // hipkb_manifest.json or its parent's (build/results -> build/) is used
    // if its results_dir is that folder.
    std::optional<std::filesystem::path> manifest;
};

// Turns paths into results documents:
//  - a results JSON file (report.json is one) is read and validated;
//  - Google Benchmark JSON files are collected together (their sidecars are
//    used when beside them);
//  - a folder with a manifest is collected with it; a folder holding
//    results JSON files gives those; any other folder is scanned for bench
//    output (collect_results_from_dir).
// Throws input_error naming the path for anything else.
[[nodiscard]] std::vector<results_input> load_results_inputs(const std::vector<std::filesystem::path>& paths,
                                                             const input_options& options = {});

// load_results_inputs, then merge_results when there are several.
[[nodiscard]] nlohmann::json load_results_merged(const std::vector<std::filesystem::path>& paths,
                                                 const input_options& options = {});

}  // namespace hipkb::report
