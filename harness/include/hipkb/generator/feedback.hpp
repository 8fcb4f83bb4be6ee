#pragma once
// What a refinement turn tells the model about its previous candidate:
// compiler errors, the first mismatch, or the timings.

#include <hipkb/generator/evaluation.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace hipkb::generator {

// What a problem's refinement aims for: by default 1 + min_gain; with
// `hipkb refine --targets`, a target speedup from targets.json, or (mode
// upper-bound) the best speedup the turn budget can reach.
struct refine_goal {
    double speedup = 1.05;  // correct and at least this fast is enough
    bool from_target = false;
    bool keep_going = false;  // upper-bound mode: never stop before the turn budget is spent
    std::string level;        // the target's level ("90") when from_target
    double best_known = 0.0;  // the best speedup recorded for the problem, when from_target
};

// The goal of `--min-gain`: correct and faster than the reference by at
// least min_gain (0.05 = 5%).
[[nodiscard]] refine_goal min_gain_goal(double min_gain);

// Whether an evaluated candidate is good enough to stop refining: correct
// and at least goal.speedup times as fast as the reference, or, checked on
// the CPU (no GPU, so no time), correct. Never in upper-bound mode.
[[nodiscard]] bool meets_goal(const evaluation& result, const refine_goal& goal);

// The user message for the next turn: what was wrong, or the speedup
// reached against the one required (the target, when there is one).
// `answer_shape` says what to answer with ("the complete new source file" or
// "the new body of `k`") and `language` the code block's tag.
[[nodiscard]] std::string feedback_message(const evaluation& result, const refine_goal& goal,
                                           std::string_view answer_shape, std::string_view language);

// The evaluation as recorded in the next sample's metadata ("feedback").
[[nodiscard]] nlohmann::json evaluation_json(const evaluation& result);

}  // namespace hipkb::generator
