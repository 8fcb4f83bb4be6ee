#pragma once
// What the source policy check (hipkb_policy_check, a build step) leaves
// beside a candidate's compile log: <log without .log>.policy.json. The
// bench reads it before it loads the candidate, so a candidate whose host
// code the policy forbids is never run (docs/trust.md, "The source policy").

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace hipkb {

struct host_code_violation {
    std::string message;     // "forbidden_host_code: file:line:column: construct (category): why"
    nlohmann::json details;  // {"policy_file", "findings": [...]}
};

// compile-logs/<id>.log -> compile-logs/<id>.policy.json
[[nodiscard]] std::filesystem::path policy_file_for(const std::filesystem::path& compile_log);

// nullopt when the file says ok or does not exist (the check is off in this
// build). Throws std::runtime_error naming the file when it cannot be read.
[[nodiscard]] std::optional<host_code_violation> read_host_code_violation(const std::filesystem::path& policy_file);

}  // namespace hipkb
