#include <hipkb/core/host_code_policy_file.hpp>
#include <hipkb/core/json_fields.hpp>

#include <fmt/core.h>

namespace hipkb {

std::filesystem::path policy_file_for(const std::filesystem::path& compile_log) {
    std::filesystem::path file = compile_log;
    file.replace_extension(".policy.json");
    return file;
}

std::optional<host_code_violation> read_host_code_violation(const std::filesystem::path& policy_file) {
    std::error_code ignored;
    if (!std::filesystem::exists(policy_file, ignored)) return std::nullopt;
    // The project's one JSON reader: errors name the file and the field
    // (hipkb_policy_check writes both fields).
    const nlohmann::json report = read_json_file(policy_file);
    const json_place top{policy_file.string(), ""};
    const bool ok = required_field(report, "ok", json_kind::boolean, top).get<bool>();
    const nlohmann::json& findings = required_array(report, "findings", top);
    if (ok) return std::nullopt;
    std::string message = "forbidden_host_code";
    if (!findings.empty()) {
        const nlohmann::json& first = findings.front();
        message += fmt::format(": {}:{}:{}: {} ({}): {}", first.value("file", "?"), first.value("line", 0),
                               first.value("column", 0), first.value("construct", "?"), first.value("category", "?"),
                               first.value("why", ""));
        if (findings.size() > 1) message += fmt::format(" (and {} more)", findings.size() - 1);
    }
    return host_code_violation{message, {{"policy_file", policy_file.string()}, {"findings", findings}}};
}

}  // namespace hipkb
