#pragma once
// The metadata JSON written beside each sample (and each failure record).
// Field reference: docs/generator.md.

#include <hipkb/generator/chat.hpp>
#include <hipkb/generator/extract.hpp>
#include <hipkb/generator/scheduler.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace hipkb::generator {

inline constexpr int sample_schema_version = 1;

// What is known about a sample before its answer arrives.
struct sample_record {
    std::string run;
    std::string problem;
    std::string sample;
    std::string provider;
    std::string model;
    std::string template_name;
    std::string mode;
    std::string platform;
    std::string arch;
    std::shared_ptr<const message_list> prompt;
    std::string prompt_hash;
    std::optional<std::int64_t> seed;
    double temperature = 0.0;
    std::int64_t max_tokens = 0;
    int turn = 0;                       // 0 for generate; 1, 2, ... for refinement turns
    std::optional<std::string> parent;  // the sample a refinement turn improves on
    nlohmann::json feedback;            // what the model was told about the parent (null for turn 0)
};

// Metadata of a sample that produced a candidate.
[[nodiscard]] nlohmann::json sample_metadata(const sample_record& record, const job_result& result,
                                             const extracted_answer& answer);

// Record of a sample that did not: `reason` is a short kind (no_code_block,
// timeout, http_error, ...), `message` says what happened; the raw answer or
// error body is kept (up to 1 MiB).
[[nodiscard]] nlohmann::json failure_metadata(const sample_record& record, const job_result& result,
                                              std::string_view reason, std::string_view message);

// Now, as "2024-05-01T12:34:56Z".
[[nodiscard]] std::string utc_timestamp();

}  // namespace hipkb::generator
