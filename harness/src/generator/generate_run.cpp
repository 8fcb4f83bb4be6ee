#include <hipkb/generator/generate_run.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/shard.hpp>
#include <hipkb/generator/answer_writer.hpp>
#include <hipkb/generator/background_writer.hpp>
#include <hipkb/generator/metadata.hpp>
#include <hipkb/generator/progress.hpp>
#include <hipkb/generator/prompt.hpp>
#include <hipkb/generator/sample_store.hpp>
#include <hipkb/generator/scheduler.hpp>
#include <hipkb/generator/selection.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <mutex>
#include <tuple>
#include <unordered_map>

namespace hipkb::generator {

namespace {

void print_failures(std::FILE* log, const run_summary& summary) {
    if (!log || summary.failures.empty()) return;
    fmt::print(log, "{} failed sample(s):\n", summary.failures.size());
    for (const auto& f : summary.failures) {
        fmt::print(log, "  {}/{}: {}: {}\n", f.problem, f.sample, f.reason, f.message);
    }
}

}  // namespace

std::string candidate_extension(std::string_view platform) { return platform == "host" ? "cpp" : "hip"; }

int generate_result::exit_code() const {
    if (summary.status == "interrupted") return 130;
    return summary.failures.empty() ? 0 : 1;
}

generate_result generate_run(generate_settings settings, const generate_options& options) {
    finalize_settings(settings, "generate");
    const std::unique_ptr<provider> source = make_provider(settings);
    return generate_run(std::move(settings), *source, options);
}

generate_result generate_run(generate_settings settings, provider& source, const generate_options& options) {
    finalize_settings(settings, "generate");
    // generate splits by (problem, sample), finer than by problem, so that n
    // machines share even a one-problem run; "<problem>/<sample>" is hashed.
    const shard_spec shard = parse_shard(settings.shard);
    const auto in_this_shard = [&](const std::string& problem, std::int64_t index) {
        return in_shard_part(problem + "/" + sample_name(index, settings.samples), shard);
    };
    generate_settings unsharded = settings;
    unsharded.shard.clear();
    std::vector<problem_prompt> prompts;
    for (problem_prompt& prompt : build_prompts(unsharded)) {
        for (std::int64_t i = 0; i < settings.samples; ++i) {
            if (in_this_shard(prompt.problem.name, i)) {
                prompts.push_back(std::move(prompt));
                break;
            }
        }
    }

    const sample_store store(settings.generated_dir, settings.run, candidate_extension(settings.platform));
    generate_result result;
    run_summary& summary = result.summary;
    summary.command = "generate";
    summary.provider = source.name();
    summary.started = utc_timestamp();
    std::unordered_map<std::string, std::size_t> index_of;
    std::size_t pending = 0;
    for (std::size_t p = 0; p < prompts.size(); ++p) {
        problem_summary entry;
        entry.problem = prompts[p].problem.name;
        entry.level = prompts[p].problem.level;
        for (std::int64_t i = 0; i < settings.samples; ++i) {
            if (!in_this_shard(entry.problem, i)) continue;
            ++entry.requested;
            if (store.is_finished(entry.problem, sample_name(i, settings.samples))) {
                ++entry.skipped;
            } else {
                ++pending;
            }
        }
        index_of.emplace(entry.problem, p);
        summary.problems.push_back(std::move(entry));
    }
    result.manifest = manifest_path(store.run_dir(), "generate", shard);
    summary.status = "running";
    summary.finished = "";
    write_file_atomically(result.manifest, manifest_json(settings, summary).dump(2) + "\n");

    progress_reporter progress(settings.progress, pending, options.log);
    // The job source walks (problem, sample) lazily and skips what is done.
    std::size_t next_problem = 0;
    std::int64_t next_sample = 0;
    const auto next_job = [&]() -> std::optional<job> {
        while (next_problem < prompts.size()) {
            if (next_sample >= settings.samples) {
                ++next_problem;
                next_sample = 0;
                continue;
            }
            const problem_prompt& prompt = prompts[next_problem];
            const std::int64_t index = next_sample++;
            if (!in_this_shard(prompt.problem.name, index)) continue;
            std::string sample = sample_name(index, settings.samples);
            if (store.is_finished(prompt.problem.name, sample)) continue;
            job work;
            work.label = {prompt.problem.name, std::move(sample)};
            work.request.messages = prompt.messages;
            work.request.model = settings.model;
            work.request.temperature = settings.temperature;
            work.request.max_tokens = settings.max_tokens;
            work.request.max_tokens_field = settings.max_tokens_field;
            work.request.seed = settings.seed + index;
            work.reserved_tokens = estimate_prompt_tokens(*prompt.messages) + settings.max_tokens;
            return work;
        }
        return std::nullopt;
    };

    // Results are written by a few threads beside the request loop; `shared`
    // guards the summary and the progress line they update.
    std::mutex shared;
    const std::size_t writers = static_cast<std::size_t>(std::clamp<std::int64_t>(settings.concurrency, 1, 8));
    background_writer writer(writers, 2 * static_cast<std::size_t>(settings.concurrency));
    const auto on_result = [&](job_result&& finished) {
        auto r = std::make_shared<job_result>(std::move(finished));
        writer.submit([&, r] {
            const std::size_t p = index_of.at(r->label.problem);
            const problem_prompt& prompt = prompts[p];
            const std::int64_t index = std::stoll(r->label.sample.substr(1));
            const sample_record record =
                make_record(settings, source.name(), prompt, r->label.sample, settings.seed + index);
            const stored_answer stored = store_answer(store, settings.record_dir, prompt, record, *r);
            std::lock_guard lock(shared);
            problem_summary& entry = summary.problems[p];
            if (r->ok) {
                entry.tokens_in += r->response.prompt_tokens;
                entry.tokens_out += r->response.completion_tokens;
            }
            if (stored.ok) {
                ++entry.generated;
                progress.add_done(r->response.prompt_tokens, r->response.completion_tokens);
            } else {
                ++entry.failed;
                summary.failures.push_back({record.problem, record.sample, stored.reason, stored.message});
                progress.add_failed();
            }
        });
    };

    const scheduler_settings scheduling =
        scheduling_from(settings, static_cast<std::size_t>(settings.concurrency), options.jitter_seed);
    request_scheduler scheduler(source, scheduling);
    scheduler.set_backlog_probe([&writer] { return writer.pending(); });
    const bool completed = scheduler.run(next_job, on_result, options.should_stop, [&] {
        std::lock_guard lock(shared);
        progress.tick();
    });
    // Answers that arrived are written even after an interruption.
    writer.drain();
    progress.finish();
    // Failures in the order of their samples, not of the writer threads.
    std::sort(summary.failures.begin(), summary.failures.end(), [](const auto& a, const auto& b) {
        return std::tie(a.problem, a.sample) < std::tie(b.problem, b.sample);
    });
    result.peak_in_flight = scheduler.peak_in_flight();

    for (auto& entry : summary.problems) {
        for (std::int64_t i = 0; i < settings.samples; ++i) {
            if (in_this_shard(entry.problem, i) && store.is_finished(entry.problem, sample_name(i, settings.samples))) {
                ++entry.present;
            }
        }
    }
    summary.status = completed ? "finished" : "interrupted";
    summary.lost = static_cast<std::int64_t>(scheduler.abandoned());
    summary.finished = utc_timestamp();
    write_file_atomically(result.manifest, manifest_json(settings, summary).dump(2) + "\n");

    print_failures(options.log, summary);
    if (options.log) {
        std::int64_t generated = 0;
        std::int64_t skipped = 0;
        for (const auto& entry : summary.problems) {
            generated += entry.generated;
            skipped += entry.skipped;
        }
        fmt::print(options.log,
                   "generate: {} problem(s), {} sample(s) written, {} already there, {} failed{}; manifest {}\n",
                   summary.problems.size(), generated, skipped, summary.failures.size(),
                   completed ? "" : fmt::format(", interrupted with {} request(s) in flight", summary.lost),
                   result.manifest.string());
    }
    return result;
}

}  // namespace hipkb::generator
