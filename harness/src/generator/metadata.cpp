#include <hipkb/generator/metadata.hpp>

#include <fmt/chrono.h>
#include <fmt/core.h>

#include <ctime>

namespace hipkb::generator {

namespace {

using json = nlohmann::json;

constexpr std::size_t max_raw_bytes = std::size_t{1} << 20;

json common_fields(const sample_record& record, const job_result& result) {
    json prompt = json::array();
    if (record.prompt) {
        for (const auto& message : *record.prompt)
            prompt.push_back({{"role", message.role}, {"content", message.content}});
    }
    return {
        {"schema_version", sample_schema_version},
        {"run", record.run},
        {"problem", record.problem},
        {"sample", record.sample},
        {"provider", record.provider},
        {"model", record.model},
        {"template", record.template_name},
        {"mode", record.mode},
        {"platform", record.platform},
        {"arch", record.arch},
        {"prompt_hash", record.prompt_hash},
        {"seed", record.seed ? json(*record.seed) : json(nullptr)},
        {"temperature", record.temperature},
        {"max_tokens", record.max_tokens},
        {"turn", record.turn},
        {"parent", record.parent ? json(*record.parent) : json(nullptr)},
        {"feedback", record.feedback},
        {"attempts", result.attempts},
        {"latency_seconds", result.latency_s},
        {"elapsed_seconds", result.elapsed_s},
        {"created", utc_timestamp()},
        {"prompt", std::move(prompt)},
    };
}

std::string clip(std::string_view text) {
    if (text.size() <= max_raw_bytes) return std::string(text);
    return fmt::format("{}\n[... {} more bytes not kept]", text.substr(0, max_raw_bytes), text.size() - max_raw_bytes);
}

}  // namespace

json sample_metadata(const sample_record& record, const job_result& result, const extracted_answer& answer) {
    json out = common_fields(record, result);
    out["response_model"] = result.response.model;
    out["tokens_in"] = result.response.prompt_tokens;
    out["tokens_out"] = result.response.completion_tokens;
    out["finish_reason"] = result.response.finish_reason;
    out["code_language"] = answer.language;
    out["thinking"] = answer.thinking;
    out["answer"] = clip(result.response.content);
    return out;
}

json failure_metadata(const sample_record& record, const job_result& result, std::string_view reason,
                      std::string_view message) {
    json out = common_fields(record, result);
    out["failed"] = true;
    out["reason"] = reason;
    out["message"] = message;
    out["http_status"] = result.http_status;
    if (result.ok) {
        out["tokens_in"] = result.response.prompt_tokens;
        out["tokens_out"] = result.response.completion_tokens;
        out["finish_reason"] = result.response.finish_reason;
        out["answer"] = clip(result.response.content);
        out["thinking"] = result.response.reasoning;
    } else {
        out["raw_body"] = clip(result.raw_body);
    }
    return out;
}

std::string utc_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", utc);
}

}  // namespace hipkb::generator
