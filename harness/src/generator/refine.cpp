#include <hipkb/generator/refine.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/manifest.hpp>
#include <hipkb/generator/answer_writer.hpp>
#include <hipkb/generator/evaluation.hpp>
#include <hipkb/generator/feedback.hpp>
#include <hipkb/generator/generate_run.hpp>
#include <hipkb/generator/kernel_source.hpp>
#include <hipkb/generator/prompt.hpp>
#include <hipkb/generator/sample_store.hpp>
#include <hipkb/generator/scheduler.hpp>
#include <hipkb/generator/speedup_targets.hpp>

#include <fmt/core.h>

namespace hipkb::generator {

namespace {

using json = nlohmann::json;

// Runs one request through the scheduler, so a refinement turn gets the
// same retries, timeouts and rate limits as generate. nullopt when stopped.
std::optional<job_result> ask(provider& source, const scheduler_settings& scheduling, job work,
                              const std::function<bool()>& should_stop) {
    request_scheduler scheduler(source, scheduling);
    std::optional<job> pending = std::move(work);
    std::optional<job_result> answer;
    scheduler.run(
        [&]() -> std::optional<job> {
            std::optional<job> next = std::move(pending);
            pending.reset();
            return next;
        },
        [&](job_result&& r) { answer = std::move(r); }, should_stop);
    return answer;
}

std::string speedup_text(const evaluation& e) {
    if (e.what != evaluation::status::evaluated) {
        return fmt::format("{}: {}", to_string(e.what), e.failure_message);
    }
    if (!e.compiled) return "did not compile";
    if (!e.correct) return fmt::format("incorrect ({}): {}", e.failure_kind, e.failure_message);
    if (!e.speedup) return e.execution == "cpu" ? "correct (cpu): checked on the CPU, not timed" : "correct, not timed";
    return fmt::format("correct, speedup {:.3f}x", *e.speedup);
}

// The build only sees candidates in its own generated folder, and it
// decides the platform, so refine takes all three from the build.
void adopt_build(generate_settings& settings) {
    const std::filesystem::path build_dir = settings.build_dir;
    const build_dirs dirs = read_build_dirs(build_dir);
    settings.reference_dir = dirs.reference_dir.string();
    settings.generated_dir = dirs.generated_dir.string();
    const manifest suite = load_manifest(build_dir / "hipkb_manifest.json");
    if (!suite.platform.empty()) settings.platform = suite.platform;
}

// A problem to refine and what it aims for.
struct planned_problem {
    const problem_prompt* prompt = nullptr;
    refine_goal goal;
    std::optional<resolved_target> target;
};

json target_json(const resolved_target& target, const generate_settings& settings) {
    return {{"level", target.level},
            {"speedup", target.speedup},
            {"device", target.device},
            {"best_known", target.best_known},
            {"upper_bound", target.upper_bound},
            {"best_candidate", target.best_candidate},
            {"mode", settings.target_mode}};
}

}  // namespace

std::string turn_sample_name(std::string_view start, int turn) { return fmt::format("{}_t{}", start, turn); }

int refine_result::exit_code() const {
    if (no_gpu) return 77;
    if (summary.status == "interrupted") return 130;
    return summary.failures.empty() && summary.skipped_problems.empty() ? 0 : 1;
}

refine_result refine_run(generate_settings settings, const refine_options& options) {
    adopt_build(settings);
    finalize_settings(settings, "refine");
    const std::unique_ptr<provider> source = make_provider(settings);
    return refine_run(std::move(settings), *source, options);
}

refine_result refine_run(generate_settings settings, provider& source, const refine_options& options) {
    const std::filesystem::path build_dir = settings.build_dir;
    adopt_build(settings);
    finalize_settings(settings, "refine");

    const std::vector<problem_prompt> prompts = build_prompts(settings);

    const std::string language = settings.platform == "host" ? "cpp" : "hip";
    const sample_store store(settings.generated_dir, settings.run, candidate_extension(settings.platform));
    const scheduler_settings scheduling = scheduling_from(settings, 1, options.jitter_seed);

    refine_result result;
    run_summary& summary = result.summary;
    summary.command = "refine";
    summary.provider = source.name();
    summary.started = utc_timestamp();
    summary.status = "finished";
    result.manifest = manifest_path(store.run_dir(), "refine", parse_shard(settings.shard));
    const auto say = [&](const std::string& line) {
        if (options.log) {
            fmt::print(options.log, "refine: {}\n", line);
            std::fflush(options.log);
        }
    };
    const auto stopped = [&] { return options.should_stop && options.should_stop(); };

    // Every goal is settled before the first request: a problem without a
    // usable target is reported and skipped now, never discovered mid-run.
    std::vector<planned_problem> plan;
    json targets_document;
    if (!settings.targets.empty()) {
        targets_document = load_targets(settings.targets);
        summary.targets = {{"file", settings.targets},
                           {"level", settings.target_level},
                           {"mode", settings.target_mode},
                           {"device", settings.target_device.empty() ? json(nullptr) : json(settings.target_device)}};
    }
    for (const problem_prompt& prompt : prompts) {
        planned_problem planned;
        planned.prompt = &prompt;
        planned.goal = min_gain_goal(settings.min_gain);
        if (!targets_document.is_null()) {
            auto resolved =
                resolve_target(targets_document, prompt.problem.name, settings.target_level, settings.target_device);
            if (const auto* missing = std::get_if<target_unavailable>(&resolved)) {
                summary.skipped_problems.push_back({prompt.problem.name, "", missing->reason, missing->message});
                say(fmt::format("{}: skipped, no usable target: {}", prompt.problem.name, missing->message));
                problem_summary entry;
                entry.problem = prompt.problem.name;
                entry.level = prompt.problem.level;
                entry.extra = {
                    {"stop_reason", "skipped"}, {"skip_reason", missing->reason}, {"message", missing->message}};
                summary.problems.push_back(std::move(entry));
                continue;
            }
            const resolved_target& target = std::get<resolved_target>(resolved);
            planned.goal.speedup = target.speedup;
            planned.goal.from_target = true;
            planned.goal.keep_going = settings.target_mode == "upper-bound";
            planned.goal.level = target.level;
            planned.goal.best_known = target.best_known;
            planned.target = target;
            say(fmt::format("{}: target {:.3f}x on {} (level {} of the best known {:.3f}x; mode {})",
                            prompt.problem.name, target.speedup, target.device, target.level, target.best_known,
                            settings.target_mode));
        }
        plan.push_back(std::move(planned));
    }

    for (const planned_problem& planned : plan) {
        if (stopped() || result.no_gpu) break;
        const problem_prompt& prompt = *planned.prompt;
        const refine_goal& goal = planned.goal;
        const std::string& name = prompt.problem.name;
        problem_summary entry;
        entry.problem = name;
        entry.level = prompt.problem.level;
        json history = json::array();
        std::string stop_reason;
        const auto record_failure = [&](const std::string& sample, const std::string& reason,
                                        const std::string& message) {
            ++entry.failed;
            summary.failures.push_back({name, sample, reason, message});
            say(fmt::format("{}/{}: {}: {}", name, sample, reason, message));
        };
        const auto count_tokens = [&](const job_result& r) {
            if (!r.ok) return;
            entry.tokens_in += r.response.prompt_tokens;
            entry.tokens_out += r.response.completion_tokens;
        };

        // Turn 0: the start sample, generated first when it does not exist.
        const std::string start = settings.from_sample;
        if (store.is_finished(name, start)) {
            ++entry.skipped;
        } else {
            job work;
            work.label = {name, start};
            work.request = {prompt.messages,           settings.model, settings.temperature, settings.max_tokens,
                            settings.max_tokens_field, settings.seed};
            work.reserved_tokens = estimate_prompt_tokens(*prompt.messages) + settings.max_tokens;
            say(fmt::format("{}/{}: asking for the first candidate", name, start));
            const auto answer = ask(source, scheduling, std::move(work), options.should_stop);
            if (!answer) {
                summary.status = "interrupted";
                break;
            }
            count_tokens(*answer);
            ++entry.requested;
            const stored_answer stored =
                store_answer(store, settings.record_dir, prompt,
                             make_record(settings, source.name(), prompt, start, settings.seed), *answer);
            if (!stored.ok) {
                record_failure(start, stored.reason, stored.message);
                entry.extra = {{"start", start}, {"stop_reason", "request_failed"}, {"history", history}};
                summary.problems.push_back(std::move(entry));
                continue;
            }
            ++entry.generated;
        }

        std::string current = start;
        std::optional<evaluation> current_result;
        std::optional<std::string> best_sample;
        std::optional<double> best_speedup;
        int turn = 0;
        while (true) {
            if (stopped()) {
                summary.status = "interrupted";
                stop_reason = "interrupted";
                break;
            }
            if (!current_result) {
                say(fmt::format("{}/{}: building and evaluating", name, current));
                current_result = evaluate_candidate(build_dir, name, settings.run, current, settings.eval_timeout_s);
                const evaluation& e = *current_result;
                say(fmt::format("{}/{}: {}", name, current, speedup_text(e)));
                history.push_back({{"sample", current}, {"evaluation", evaluation_json(e)}});
                if (e.what == evaluation::status::no_gpu) {
                    result.no_gpu = true;
                    result.no_gpu_message = e.failure_message;
                    stop_reason = "no_gpu";
                    break;
                }
                if (e.what == evaluation::status::build_failed) {
                    record_failure(current, "build_failed", e.failure_message + "\n" + e.output_tail);
                    stop_reason = "build_failed";
                    break;
                }
                if (planned.target && e.execution != "cpu" && !e.device.empty() && e.device != planned.target->device) {
                    // A speedup measured here says nothing about a target set on another
                    // device. (A check on the CPU has no speedup to compare at all.)
                    record_failure(current, "device_mismatch",
                                   fmt::format("the bench ran on '{}', but the target is for '{}'; pass "
                                               "--target-device or use this device's targets",
                                               e.device, planned.target->device));
                    stop_reason = "device_mismatch";
                    break;
                }
                if (e.correct && e.speedup && (!best_speedup || *e.speedup > *best_speedup)) {
                    best_speedup = e.speedup;
                    best_sample = current;
                }
            }
            const evaluation& e = *current_result;
            if (meets_goal(e, goal)) {
                stop_reason = e.execution == "cpu" ? "correct_on_cpu"
                              : goal.from_target   ? "reached_target"
                                                   : "reached_goal";
                if (e.execution == "cpu") {
                    say(fmt::format("{}/{}: correct on the CPU (no GPU here): timings need a GPU", name, current));
                }
                break;
            }
            if (turn >= settings.max_turns) {
                stop_reason = "max_turns";
                break;
            }
            ++turn;
            const std::string next = turn_sample_name(start, turn);
            if (store.is_finished(name, next)) {
                // Left by an earlier, interrupted refine: evaluate it, ask nothing.
                ++entry.skipped;
                current = next;
                current_result.reset();
                continue;
            }

            // The conversation so far, shortened to what matters: the
            // original request, the previous candidate, and what was wrong.
            const std::string current_source = read_file(store.source_path(name, current));
            std::string previous_code = current_source;
            std::string answer_shape = "the complete new source file";
            if (prompt.kernel) {
                answer_shape = fmt::format("the new body of `{}`", prompt.kernel->name);
                try {
                    const function_location where = find_function(current_source, prompt.kernel->name, current);
                    previous_code = current_source.substr(where.body_begin, where.body_end - where.body_begin);
                } catch (const std::invalid_argument&) {
                    // The candidate no longer has the function; show it whole.
                }
            }
            auto messages = std::make_shared<message_list>(*prompt.messages);
            messages->push_back({"assistant", fmt::format("```{}\n{}\n```", language, previous_code)});
            messages->push_back({"user", feedback_message(e, goal, answer_shape, language)});

            job work;
            work.label = {name, next};
            work.request = {messages,
                            settings.model,
                            settings.temperature,
                            settings.max_tokens,
                            settings.max_tokens_field,
                            settings.seed + turn};
            work.reserved_tokens = estimate_prompt_tokens(*messages) + settings.max_tokens;
            say(fmt::format("{}/{}: asking for turn {} with feedback on {}", name, next, turn, current));
            const auto answer = ask(source, scheduling, std::move(work), options.should_stop);
            if (!answer) {
                summary.status = "interrupted";
                stop_reason = "interrupted";
                break;
            }
            count_tokens(*answer);
            ++entry.requested;
            problem_prompt turn_prompt = prompt;
            turn_prompt.messages = messages;
            turn_prompt.hash = prompt_hash(*messages);
            sample_record record = make_record(settings, source.name(), turn_prompt, next, settings.seed + turn);
            record.turn = turn;
            record.parent = current;
            record.feedback = evaluation_json(e);
            const stored_answer stored = store_answer(store, settings.record_dir, turn_prompt, record, *answer);
            if (!stored.ok) {
                record_failure(next, stored.reason, stored.message);
                if (stored.reason != "no_code_block") {
                    stop_reason = "request_failed";
                    break;
                }
                continue;  // the turn is spent; ask again from the same candidate
            }
            ++entry.generated;
            current = next;
            current_result.reset();
        }

        for (int t = 0; t <= settings.max_turns; ++t) {
            if (store.is_finished(name, t == 0 ? start : turn_sample_name(start, t))) ++entry.present;
        }
        entry.extra = {{"start", start},
                       {"last", current},
                       {"turns", turn},
                       {"stop_reason", stop_reason},
                       {"best_sample", best_sample ? json(*best_sample) : json(nullptr)},
                       {"best_speedup", best_speedup ? json(*best_speedup) : json(nullptr)},
                       {"history", std::move(history)}};
        if (planned.target) {
            entry.extra["target"] = target_json(*planned.target, settings);
            entry.extra["target_reached"] = best_speedup.has_value() && *best_speedup >= planned.target->speedup;
        }
        say(fmt::format(
            "{}: {} after {} turn(s); best {}", name, stop_reason, turn,
            best_sample ? fmt::format("{} at {:.3f}x", *best_sample, *best_speedup) : std::string("none correct")));
        summary.problems.push_back(std::move(entry));
        if (summary.status == "interrupted") break;
    }
    if (stopped()) summary.status = "interrupted";
    summary.finished = utc_timestamp();
    write_file_atomically(result.manifest, manifest_json(settings, summary).dump(2) + "\n");
    if (result.no_gpu) {
        say(
            fmt::format("stopped: no GPU to evaluate candidates on ({}). Refinement needs a machine with a GPU, or a "
                        "build configured with HIPKB_PLATFORM=host.",
                        result.no_gpu_message));
    }
    if (!summary.failures.empty() && options.log) {
        fmt::print(options.log, "{} failure(s):\n", summary.failures.size());
        for (const auto& f : summary.failures)
            fmt::print(options.log, "  {}/{}: {}: {}\n", f.problem, f.sample, f.reason, f.message);
    }
    if (!summary.skipped_problems.empty() && options.log) {
        fmt::print(options.log, "{} problem(s) skipped, no usable target:\n", summary.skipped_problems.size());
        for (const auto& f : summary.skipped_problems) {
            fmt::print(options.log, "  {}: {}: {}\n", f.problem, f.reason, f.message);
        }
    }
    say(fmt::format("manifest {}", result.manifest.string()));
    return result;
}

}  // namespace hipkb::generator
