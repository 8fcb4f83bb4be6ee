#pragma once
// Combining results documents from shards or machines into one.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hipkb::report {

struct results_input {
    nlohmann::json results;
    std::string source;  // file or folder it came from, for messages
};

// Merges results documents. All must declare the same schema version
// (input_error naming both sources otherwise), then each is validated. A
// candidate (problem/run/sample) or a problem's reference bench that ran in
// two inputs is a duplicate: input_error naming the entry and both sources.
// An entry that did not run ("not_run", as every shard lists the benches of
// the others) gives way to one that did. Machines are renumbered and
// deduplicated; candidates without a reference time get the merged
// problem's; the summary is recomputed.
[[nodiscard]] nlohmann::json merge_results(const std::vector<results_input>& inputs);

}  // namespace hipkb::report
