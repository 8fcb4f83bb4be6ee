#include <hipkb/generator/answer_writer.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/generator/settings.hpp>

#include <fmt/core.h>

namespace hipkb::generator {

namespace {

std::string no_code_message(const chat_response& response) {
    std::string message = "the answer has no complete ```hip, ```cpp or ```c++ code block";
    if (response.finish_reason == "length") {
        message += " (finish_reason 'length': the answer was cut off at max_tokens)";
    } else if (!response.finish_reason.empty() && response.finish_reason != "stop") {
        message += fmt::format(" (finish_reason '{}')", response.finish_reason);
    }
    if (response.content.empty()) message += "; the answer is empty";
    return message;
}

}  // namespace

sample_record make_record(const generate_settings& settings, const std::string& provider_name,
                          const problem_prompt& prompt, const std::string& sample, std::int64_t seed) {
    sample_record record;
    record.run = settings.run;
    record.problem = prompt.problem.name;
    record.sample = sample;
    record.provider = provider_name;
    record.model = settings.model.empty() ? provider_name : settings.model;
    record.template_name = prompt.template_name;
    record.mode = settings.mode;
    record.platform = settings.platform;
    record.arch = settings.arch;
    record.prompt = prompt.messages;
    record.prompt_hash = prompt.hash;
    record.seed = seed;
    record.temperature = settings.temperature;
    record.max_tokens = settings.max_tokens;
    return record;
}

stored_answer store_answer(const sample_store& store, const std::string& record_dir, const problem_prompt& prompt,
                           const sample_record& record, const job_result& result) {
    stored_answer out;
    if (!result.ok) {
        out.reason = result.failure_kind;
        out.message = result.message;
        store.write_failure(record.problem, record.sample, failure_metadata(record, result, out.reason, out.message));
        return out;
    }
    if (!record_dir.empty()) {
        write_file_atomically(std::filesystem::path(record_dir) / record.problem / (record.sample + ".json"),
                              result.raw_body);
    }
    out.answer = extract_answer(result.response.content, result.response.reasoning);
    if (!out.answer.code) {
        out.reason = "no_code_block";
        out.message = no_code_message(result.response);
        store.write_failure(record.problem, record.sample, failure_metadata(record, result, out.reason, out.message));
        return out;
    }
    out.source = candidate_source(prompt, *out.answer.code);
    store.write_sample(record.problem, record.sample, out.source, sample_metadata(record, result, out.answer));
    out.ok = true;
    return out;
}

}  // namespace hipkb::generator
