#pragma once
// Seeded input generation from a problem's spec.

#include <hipkb/core/counter_draw.hpp>
#include <hipkb/core/spec.hpp>
#include <hipkb/core/tensor.hpp>

#include <cstdint>
#include <vector>

namespace hipkb {

// How one input is drawn: its element count and type, the distribution for
// this seed, and its counter stream. The host loop below and the device
// generator (harness/src/bench/input_generator.hip) both follow it through
// hipkb/core/counter_draw.hpp, so they write the same bits.
struct input_draw_plan {
    std::int64_t count = 0;
    draws::element_type type = draws::element_type::fp32;
    draws::draw_params params;
    std::uint64_t stream = 0;
};
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
