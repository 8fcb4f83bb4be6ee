#include <hipkb/generator/describe.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/generator/chat.hpp>
#include <hipkb/generator/progress.hpp>
#include <hipkb/generator/prompt.hpp>
#include <hipkb/generator/scheduler.hpp>
#include <hipkb/generator/selection.hpp>

#include "templates.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>

namespace hipkb::generator {

namespace {

std::string trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last + 1 - first));
}

message_list describe_messages(const describe_item& item) {
    const prompt_template tmpl = parse_template(detail::describe_template(), "describe");
    const bool cpp = item.source.extension() == ".cpp";
    std::string source;
    try {
        source = read_file(item.source);
    } catch (const std::exception& error) {
        throw prompt_error(fmt::format("{}: {}", item.name, error.what()));
    }
    const std::map<std::string, std::string, std::less<>> values = {
        {"problem", item.name},
        {"language_name", cpp ? "C++" : "HIP"},
        {"language", cpp ? "cpp" : "hip"},
        {"reference_file", item.source.filename().string()},
        {"reference_source", trim(source)},
    };
    return {{"system", render_template(tmpl.system, values, tmpl.name)},
            {"user", render_template(tmpl.user, values, tmpl.name)}};
}

}  // namespace

int describe_result::exit_code() const {
    if (interrupted) return 130;
    return failures.empty() ? 0 : 1;
}

std::string description_from_answer(std::string_view content) {
    std::string text(content);
    // Reasoning is not part of the description.
    for (std::size_t open = text.find("<think>"); open != std::string::npos; open = text.find("<think>")) {
        const std::size_t close = text.find("</think>", open);
        text.erase(open, close == std::string::npos ? std::string::npos : close + 8 - open);
    }
    text = trim(text);
    // Some models wrap the whole answer in one ```markdown block.
    if (text.starts_with("```") && text.ends_with("```") && text.size() > 6) {
        const std::size_t line_end = text.find('\n');
        const std::string_view tag = std::string_view(text).substr(3, line_end == std::string::npos ? 0 : line_end - 3);
        const std::string_view inner =
            line_end == std::string::npos ? std::string_view() : std::string_view(text).substr(line_end + 1);
        if ((tag == "markdown" || tag == "md" || tag.empty()) && inner.size() >= 3 &&
            inner.substr(0, inner.size() - 3).find("```") == std::string_view::npos) {
            text = trim(inner.substr(0, inner.size() - 3));
        }
    }
    return text;
}

std::vector<describe_item> describe_items(const generate_settings& settings, const describe_options& options) {
    std::vector<describe_item> items;
    if (options.files.empty()) {
        const std::vector<problem_entry> problems = take_shard(
            select_problems(discover_problems(settings.reference_dir), settings.problems), parse_shard(settings.shard));
        for (const problem_entry& problem : problems) {
            items.push_back({problem.name, reference_source_path(problem.directory, settings.platform),
                             options.out_dir.empty() ? task_description_path(problem.directory)
                                                     : options.out_dir / (problem.name + ".md")});
        }
        return items;
    }
    if (options.out_dir.empty()) {
        throw settings_error("describe: --out is required with files: descriptions are written as <out>/<name>.md");
    }
    std::set<std::string> names;
    for (const std::filesystem::path& file : options.files) {
        const std::string name = file.stem().string();
        if (!names.insert(name).second) {
            throw settings_error(
                fmt::format("describe: two files are named '{}' ({} and another); their descriptions would both be {}",
                            name, file.string(), (options.out_dir / (name + ".md")).string()));
        }
        items.push_back({name, file, options.out_dir / (name + ".md")});
    }
    return items;
}

describe_result describe_run(generate_settings settings, const describe_options& options) {
    finalize_settings(settings, "describe");
    const std::unique_ptr<provider> source = make_provider(settings);
    return describe_run(std::move(settings), *source, options);
}

describe_result describe_run(generate_settings settings, provider& source, const describe_options& options) {
    finalize_settings(settings, "describe");
    const std::vector<describe_item> items = describe_items(settings, options);
    describe_result result;

    // Every prompt is built before the first request, so an unreadable file
    // stops the run before anything is spent; finished descriptions are
    // skipped (resume).
    std::vector<std::pair<const describe_item*, std::shared_ptr<const message_list>>> pending;
    for (const describe_item& item : items) {
        std::error_code error;
        if (std::filesystem::is_regular_file(item.output, error)) {
            result.already_there.push_back(item.output);
            continue;
        }
        pending.emplace_back(&item, std::make_shared<const message_list>(describe_messages(item)));
    }
    std::map<std::string, const describe_item*> by_name;
    for (const auto& [item, messages] : pending) by_name[item->name] = item;

    progress_reporter progress(settings.progress, pending.size(), options.log);
    std::size_t next = 0;
    const auto next_job = [&]() -> std::optional<job> {
        if (next >= pending.size()) return std::nullopt;
        const auto& [item, messages] = pending[next++];
        job work;
        work.label = {item->name, describe_sample};
        work.request.messages = messages;
        work.request.model = settings.model;
        work.request.temperature = settings.temperature;
        work.request.max_tokens = settings.max_tokens;
        work.request.max_tokens_field = settings.max_tokens_field;
        work.request.seed = settings.seed;
        work.reserved_tokens = estimate_prompt_tokens(*messages) + settings.max_tokens;
        return work;
    };
    const auto on_result = [&](job_result&& finished) {
        const describe_item& item = *by_name.at(finished.label.problem);
        const auto fail = [&](std::string reason, std::string message) {
            result.failures.push_back({item.name, describe_sample, std::move(reason), std::move(message)});
            progress.add_failed();
        };
        if (!finished.ok) return fail(finished.failure_kind, finished.message);
        if (!settings.record_dir.empty()) {
            write_file_atomically(std::filesystem::path(settings.record_dir) / item.name / "task.json",
                                  finished.raw_body);
        }
        const std::string text = description_from_answer(finished.response.content);
        if (text.empty()) return fail("empty_answer", "the answer holds no description (empty, or only reasoning)");
        write_file_atomically(item.output, text + "\n");
        result.written.push_back(item.output);
        progress.add_done(finished.response.prompt_tokens, finished.response.completion_tokens);
    };
    request_scheduler scheduler(
        source, scheduling_from(settings, static_cast<std::size_t>(settings.concurrency), options.jitter_seed));
    const bool completed = scheduler.run(next_job, on_result, options.should_stop, [&] { progress.tick(); });
    progress.finish();
    result.interrupted = !completed;
    std::sort(result.failures.begin(), result.failures.end(),
              [](const auto& a, const auto& b) { return a.problem < b.problem; });

    if (options.log) {
        if (!result.failures.empty()) {
            fmt::print(options.log, "{} description(s) failed:\n", result.failures.size());
            for (const auto& f : result.failures)
                fmt::print(options.log, "  {}: {}: {}\n", f.problem, f.reason, f.message);
        }
        fmt::print(options.log, "describe: {} written, {} already there, {} failed{}\n", result.written.size(),
                   result.already_there.size(), result.failures.size(), completed ? "" : ", interrupted");
    }
    return result;
}

}  // namespace hipkb::generator
