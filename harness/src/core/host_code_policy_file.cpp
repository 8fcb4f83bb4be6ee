#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/host_code_policy_file.hpp>

#include <fmt/core.h>

#include <stdexcept>

namespace hipkb {

std::filesystem::path policy_file_for(const std::filesystem::path& compile_log) {
    std::filesystem::path file = compile_log;
    file.replace_extension(".policy.json");
    return file;
}

std::optional<host_code_violation> read_host_code_violation(const std::filesystem::path& policy_file) {
    std::error_code ignored;
    if (!std::filesystem::exists(policy_file, ignored)) return std::nullopt;
    nlohmann::json report;
    try {
        report = nlohmann::json::parse(read_file(policy_file));
    } catch (const std::exception& error) {
        throw std::runtime_error(fmt::format("{}: not a policy report: {}", policy_file.string(), error.what()));
    }
    if (!report.contains("ok") || !report["ok"].is_boolean() || !report.contains("findings") ||
        !report["findings"].is_array()) {
        throw std::runtime_error(fmt::format(
            "{}: a policy report needs a boolean 'ok' and a 'findings' array (hipkb_policy_check writes them)",
            policy_file.string()));
    }
    if (report["ok"].get<bool>()) return std::nullopt;
    const nlohmann::json& findings = report["findings"];
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
