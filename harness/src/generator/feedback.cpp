#include <hipkb/generator/feedback.hpp>

#include <fmt/core.h>

namespace hipkb::generator {

namespace {

std::string time_text(double ns) {
    if (ns >= 1e6) return fmt::format("{:.3f} ms", ns / 1e6);
    if (ns >= 1e3) return fmt::format("{:.3f} us", ns / 1e3);
    return fmt::format("{:.1f} ns", ns);
}

}  // namespace

refine_goal min_gain_goal(double min_gain) {
    refine_goal goal;
    goal.speedup = 1.0 + min_gain;
    return goal;
}

bool meets_goal(const evaluation& result, const refine_goal& goal) {
    if (result.what != evaluation::status::evaluated || !result.compiled || !result.correct) return false;
    // Checked on the CPU, a correct candidate is as far as refinement can go:
    // only a GPU could say whether it is faster.
    if (result.execution == "cpu") return true;
    if (goal.keep_going) return false;
    return result.speedup && *result.speedup >= goal.speedup;
}

std::string feedback_message(const evaluation& result, const refine_goal& goal, std::string_view answer_shape,
                             std::string_view language) {
    std::string problem;
    if (result.what == evaluation::status::bench_failed && result.compiled && !result.correct &&
        !result.failure_kind.empty()) {
        problem =
            fmt::format("The code compiled but failed its check ({}): {}", result.failure_kind, result.failure_message);
    } else if (result.what == evaluation::status::bench_failed) {
        problem = fmt::format("The code crashed or hung the benchmark: {}.\nThe end of its output:\n```\n{}\n```",
                              result.failure_message, result.output_tail);
    } else if (!result.compiled) {
        problem = fmt::format("The code did not compile. The compiler said:\n```\n{}\n```", result.compile_errors);
    } else if (!result.correct) {
        problem = fmt::format("The code compiled but its results are wrong ({}): {}", result.failure_kind,
                              result.failure_message);
        if (result.execution == "cpu") {
            problem +=
                "\n(Checked by running the kernels on the CPU, with the threads of a block in several orders; "
                "there is no GPU here, so no timings.)";
        }
    } else if (result.speedup) {
        std::string required;
        if (goal.keep_going) {
            required = fmt::format(
                "Make it as fast as you can: the best speedup known for this problem on this device is {:.3f}x.",
                goal.best_known);
        } else if (goal.from_target) {
            required = fmt::format(
                "The target speedup is {:.3f}x ({}% of the best known {:.3f}x on this device); it must be at least "
                "that fast.",
                goal.speedup, goal.level, goal.best_known);
        } else {
            required = fmt::format("It must be at least {:.2f}x as fast as the reference.", goal.speedup);
        }
        problem = fmt::format(
            "The code is correct. Its median time is {} against the reference's {}: a speedup of {:.3f}x. {} Find a "
            "faster approach (memory access pattern, vectorised loads, occupancy, fewer passes over the data).",
            time_text(*result.candidate_ns), time_text(*result.reference_ns), *result.speedup, required);
    } else {
        problem = "The code is correct, but it could not be timed. Make sure it runs all its work within hipkb_run.";
    }
    const bool told_speedup = result.what == evaluation::status::evaluated && result.correct && result.speedup;
    if (goal.from_target && !told_speedup) {
        problem += fmt::format(
            "\n\nThe goal is a correct candidate at least {:.3f}x as fast as the reference (target level {}, of a "
            "best known {:.3f}x on this device).",
            goal.speedup, goal.level, goal.best_known);
    }
    return fmt::format(
        "{}\n\nAnswer with {} in a single ```{} code block. Put any reasoning before it, in a "
        "```thinking block.",
        problem, answer_shape, language);
}

nlohmann::json evaluation_json(const evaluation& result) {
    const auto optional_number = [](const std::optional<double>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    };
    return {
        {"status", to_string(result.what)},
        {"test", result.test},
        {"compiled", result.compiled},
        {"correct", result.correct},
        {"failure_kind", result.failure_kind},
        {"failure_message", result.failure_message},
        {"compile_errors", result.compile_errors},
        {"reference_ns", optional_number(result.reference_ns)},
        {"candidate_ns", optional_number(result.candidate_ns)},
        {"speedup", optional_number(result.speedup)},
        {"execution", result.execution},
        {"device", result.device},
    };
}

}  // namespace hipkb::generator
