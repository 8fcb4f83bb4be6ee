#pragma once
// Seeded input generation from a problem's spec.

#include <hipkb/core/counter_draw.hpp>
#include <hipkb/core/spec.hpp>
#include <hipkb/core/tensor.hpp>

#include <cstdint>
#include <vector>

namespace hipkb {

// How input `input_index` is drawn for `seed` (input_draw_plan is in
// hipkb/core/counter_draw.hpp, which device code can include).
[[nodiscard]] input_draw_plan plan_input(const problem_spec& spec, std::size_t input_index, size_set sizes,
                                         std::uint64_t seed);

// The value of every element depends only on (seed, input position, element
// index), never on thread count or platform, so a seed names the same data
// everywhere, on the host and on a device. Large tensors are filled on
// several threads.
[[nodiscard]] host_tensor generate_input(const problem_spec& spec, std::size_t input_index, size_set sizes,
                                         std::uint64_t seed);
[[nodiscard]] std::vector<host_tensor> generate_inputs(const problem_spec& spec, size_set sizes, std::uint64_t seed);
// Outputs of the spec's shapes, poisoned (see make_poisoned).
[[nodiscard]] std::vector<host_tensor> make_outputs(const problem_spec& spec, size_set sizes);

// The seed timing runs use: distinct from every correctness seed, so a
// candidate that memorised the correctness inputs is caught by the recheck.
[[nodiscard]] std::uint64_t timing_seed(const problem_spec& spec);

}  // namespace hipkb
