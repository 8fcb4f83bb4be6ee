#pragma once
// generated/<run>/run.json (run.shard-<i>-of-<n>.json for shard i of n, refine.json
// for refinement): the settings of the last invocation, a summary per
// problem and every failure with its reason.

#include <hipkb/generator/selection.hpp>
#include <hipkb/generator/settings.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hipkb::generator {

struct problem_summary {
    std::string problem;
    int level = 0;
    std::int64_t requested = 0;  // samples asked for (generate) or turns run (refine)
    std::int64_t present = 0;    // finished samples on disk afterwards
    std::int64_t generated = 0;  // written by this invocation
    std::int64_t skipped = 0;    // already finished before it
    std::int64_t failed = 0;
    std::int64_t tokens_in = 0;
    std::int64_t tokens_out = 0;
    nlohmann::json extra;  // refine: the outcome of the problem
};

struct failure_entry {
    std::string problem;
    std::string sample;
    std::string reason;
    std::string message;
};

struct run_summary {
    std::string command;   // "generate" or "refine"
    std::string provider;  // as recorded in samples
    std::string status;    // "finished" or "interrupted"
    std::string started;
    std::string finished;
    std::int64_t lost = 0;  // requests in flight when interrupted
    std::vector<problem_summary> problems;
    std::vector<failure_entry> failures;
    // refine: problems not attempted at all (no usable speedup target),
    // found before the first request; `sample` is empty.
    std::vector<failure_entry> skipped_problems;
    nlohmann::json targets;  // refine --targets: the file, level, mode and device; null otherwise
};

[[nodiscard]] nlohmann::json manifest_json(const generate_settings& settings, const run_summary& summary);

// Where the manifest of `command` goes for this run and shard.
[[nodiscard]] std::filesystem::path manifest_path(const std::filesystem::path& run_dir, std::string_view command,
                                                  const shard_spec& shard);

}  // namespace hipkb::generator
