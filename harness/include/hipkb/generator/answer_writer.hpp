#pragma once
// Turning one finished request into files: the candidate and its metadata,
// or a failure record that keeps the raw answer. Shared by generate and
// refine so both write samples the same way.

#include <hipkb/generator/extract.hpp>
#include <hipkb/generator/metadata.hpp>
#include <hipkb/generator/prompt.hpp>
#include <hipkb/generator/sample_store.hpp>
#include <hipkb/generator/scheduler.hpp>

#include <string>

namespace hipkb::generator {

struct generate_settings;

// The record of sample `sample` of `prompt`'s problem, before its answer.
[[nodiscard]] sample_record make_record(const generate_settings& settings, const std::string& provider_name,
                                        const problem_prompt& prompt, const std::string& sample, std::int64_t seed);

struct stored_answer {
    bool ok = false;
    std::string reason;   // when not ok: the failure kind
    std::string message;  // when not ok: what happened
    extracted_answer answer;
    std::string source;  // when ok: the candidate as written
};

// Writes the sample `record` names. `record_dir`, when not empty, also gets
// the raw response (replay layout). Never throws for a bad answer: that is
// a failure record; only file-system errors throw.
[[nodiscard]] stored_answer store_answer(const sample_store& store, const std::string& record_dir,
                                         const problem_prompt& prompt, const sample_record& record,
                                         const job_result& result);

}  // namespace hipkb::generator
