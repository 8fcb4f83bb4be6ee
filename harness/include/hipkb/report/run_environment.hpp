#pragma once
// What a set of results ran on, as far as its files say: platform, device,
// driver and hipkb version. `hipkb compare` warns when the two sides differ
// (a baseline measured elsewhere says little), and `hipkb baseline update`
// records it and names the baseline file after it.

#include <hipkb/report/gbench.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace hipkb::report {

// Each field is a set: a merge of several machines may hold several values;
// an empty set means the files do not say.
struct run_environment {
    std::set<std::string> platforms;
    std::set<std::string> devices;        // device names ("AMD Instinct MI300X", "NVIDIA H200")
    std::set<std::string> architectures;  // "gfx942", "sm_90"
    std::set<std::string> drivers;
    std::set<std::string> hipkb_versions;  // "0.1.0"

    void add(const run_environment& other);
};

// From a results document: its machines, and the hipkb version of its
// "baseline" record, else of its "generator" ("hipkb 0.1.0 (merge)").
[[nodiscard]] run_environment environment_of_results(const nlohmann::json& results);

// From a Google Benchmark file's hipkb.* context (hipkb.version when the
// bench wrote it).
[[nodiscard]] run_environment environment_of_gbench(const gbench_file& file);

// One sentence per field known on both sides that differs, e.g.
// "device differs: old NVIDIA H100, new NVIDIA H200".
[[nodiscard]] std::vector<std::string> environment_differences(const run_environment& old_side,
                                                               const run_environment& new_side);

}  // namespace hipkb::report
