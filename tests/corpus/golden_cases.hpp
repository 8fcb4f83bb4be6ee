#pragma once
// A problem's golden_cases.json: tiny inputs with outputs computed by hand (or
// by an independent formula), each with a note of how. Running them proves
// the golden itself, which everything else is checked against.

#include <hipkb/core/spec.hpp>
#include <hipkb/core/tensor.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb::test {

struct golden_case {
    std::string name;
    std::string derivation;
    std::vector<std::int64_t> dims;    // in the spec's order
    std::vector<host_tensor> inputs;   // in the spec's order
    std::vector<host_tensor> outputs;  // the hand-computed values, in the spec's order
    std::optional<tolerance> tolerance_override;
};

// Reads `<problem dir>/golden_cases.json` against the problem's spec: every
// dim, input and output of the spec named, each tensor with exactly as many
// values as its shape at the case's dims. Throws json_input_error naming the
// file, the place and what was expected.
[[nodiscard]] std::vector<golden_case> load_golden_cases(const std::filesystem::path& file, const problem_spec& spec);

// Runs the golden module on the case and compares each output with the hand
// values (the case's tolerance, else the spec's for that output). Returns
// why they disagree, or nothing when every output matches.
[[nodiscard]] std::optional<std::string> golden_disagreement(const std::filesystem::path& golden_module,
                                                             const problem_spec& spec, const golden_case& item);

}  // namespace hipkb::test
