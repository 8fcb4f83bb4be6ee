#pragma once
// What a refinement turn tells the model about its previous candidate:
// compiler errors, the first mismatch, or the timings.

#include <hipkb/generator/evaluation.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace hipkb::generator {

// Whether an evaluated candidate is good enough to stop refining: correct
// and faster than the reference by at least `min_gain` (0.05 = 5%), or,
// checked on the CPU (no GPU, so no time), correct.
[[nodiscard]] bool meets_goal(const evaluation& result, double min_gain);

// The user message for the next turn. `answer_shape` says what to answer
// with ("the complete new source file" or "the new body of `k`") and
// `language` the code block's tag.
[[nodiscard]] std::string feedback_message(const evaluation& result, double min_gain, std::string_view answer_shape,
                                           std::string_view language);

// The evaluation as recorded in the next sample's metadata ("feedback").
[[nodiscard]] nlohmann::json evaluation_json(const evaluation& result);

}  // namespace hipkb::generator
