#pragma once
// `hipkb describe`: asks the model for a plain-English description of what
// each selected problem's reference (or each given file) computes, and
// writes it as <problem>/task.md (or <out>/<name>.md), the {{task}} of the
// prompt templates. Requests go through the generator's scheduler
// (concurrency, rate limits, retries) and provider (replay included); a
// rerun skips descriptions already written; failures are listed at the end.

#include <hipkb/generator/provider.hpp>
#include <hipkb/generator/run_manifest.hpp>
#include <hipkb/generator/settings.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace hipkb::generator {

struct describe_options {
    // Source files to describe; empty: the problems the settings select.
    std::vector<std::filesystem::path> files;
    // Where descriptions go as <name>.md; empty: each problem's task.md.
    // Required with files.
    std::filesystem::path out_dir;
    std::FILE* log = stderr;
    std::function<bool()> should_stop;
    std::uint64_t jitter_seed = 0;
};

// One description to write.
struct describe_item {
    std::string name;  // the problem, or the file's stem; also the replay lookup's problem
    std::filesystem::path source;
    std::filesystem::path output;
};

struct describe_result {
    std::vector<std::filesystem::path> written;
    std::vector<std::filesystem::path> already_there;  // skipped: written by an earlier run
    std::vector<failure_entry> failures;               // sample is "task"
    bool interrupted = false;

    // 0 every description exists, 1 some failed, 130 interrupted.
    [[nodiscard]] int exit_code() const;
};

// The sample name describe requests are labelled with (replay recordings
// are <replay_dir>/<name>/task.{json,md}).
inline constexpr const char* describe_sample = "task";

// What describe_run would work on. Throws settings_error for a missing
// --out with files or two files with the same name, selection_error for a
// bad selection.
[[nodiscard]] std::vector<describe_item> describe_items(const generate_settings& settings,
                                                        const describe_options& options);

// The description text of an answer: <think> spans dropped, a single fenced
// Markdown block unwrapped, trimmed. Empty when nothing is left.
[[nodiscard]] std::string description_from_answer(std::string_view content);

[[nodiscard]] describe_result describe_run(generate_settings settings, const describe_options& options = {});
[[nodiscard]] describe_result describe_run(generate_settings settings, provider& source,
                                           const describe_options& options = {});

}  // namespace hipkb::generator
