#pragma once
// The results JSON (schema in docs/results-schema.md): one document per
// build, shard or machine, holding every problem and candidate with its
// compile, correctness and timing outcome, the machines, and a summary.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace hipkb::report {

inline constexpr const char* results_schema_name = "hipkb.results";
// 2 added the vendor baselines ("vendors", "vendor_baseline", "vendor_speedup");
// version 1 documents are migrated on reading (migrate_results).
inline constexpr int results_schema_version = 2;

// Builds results from build/hipkb_manifest.json and the files the benches
// and the driver left in `results_dir` (<test>.json, <test>.verdict.json,
// <test>.run.json; any may be missing). Every bench of the manifest appears,
// with its status. A file that cannot be read is noted in the entry's
// "input_errors" instead of aborting the whole collection. Throws
// input_error if the manifest itself cannot be read.
[[nodiscard]] nlohmann::json collect_results(const std::filesystem::path& manifest_file,
                                             const std::filesystem::path& results_dir);

// The same without a manifest: the benches are the <test>.json,
// .verdict.json and .run.json files found in `results_dir`; problem, run and
// sample come from the hipkb.* context of the Google Benchmark JSON, the
// verdict, or the test name. Compile logs and metadata are unknown.
[[nodiscard]] nlohmann::json collect_results_from_dir(const std::filesystem::path& results_dir);

// The same for Google Benchmark files named one by one (their sidecars are
// used when they sit beside them).
[[nodiscard]] nlohmann::json collect_results_from_files(const std::vector<std::filesystem::path>& gbench_files);

// True when `document` declares the results schema ("schema": "hipkb.results").
[[nodiscard]] bool is_results_json(const nlohmann::json& document);

// Checks the schema name and version and the type of every field the tools
// read. Throws input_error naming `source` and the field.
void validate_results(const nlohmann::json& results, const std::string& source);

// Brings an older results document up to results_schema_version: version 1
// gains an empty "vendors" list and null vendor fields. Documents of the
// current version (and ones that are no results at all) are returned as
// they are, for validate_results to judge.
[[nodiscard]] nlohmann::json migrate_results(nlohmann::json results);

// Reads, migrates and validates a results file.
[[nodiscard]] nlohmann::json load_results(const std::filesystem::path& file);

// A candidate's identity, "<problem>/<run>/<sample>", unique within a results document.
[[nodiscard]] std::string candidate_id(const nlohmann::json& candidate);

}  // namespace hipkb::report
