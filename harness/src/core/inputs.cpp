#include <hipkb/core/inputs.hpp>

#include "parallel_for.hpp"

#include <algorithm>

namespace hipkb {

input_draw_plan plan_input(const problem_spec& spec, std::size_t input_index, size_set sizes, std::uint64_t seed) {
    const tensor_spec& input = spec.inputs.at(input_index);
    const init_spec& init = input.init_for(seed, spec.seeds);
    return {spec.element_count(input, sizes),
            input.type,
            {init.distribution, init.a, init.b},
            draws::input_stream(seed, input_index)};
}

host_tensor generate_input(const problem_spec& spec, std::size_t input_index, size_set sizes, std::uint64_t seed) {
    const tensor_spec& input = spec.inputs.at(input_index);
    host_tensor tensor = make_poisoned(input.name, input.type, spec.shape_of(input, sizes));
    const input_draw_plan plan = plan_input(spec, input_index, sizes, seed);
    void* data = tensor.bytes.data();
    detail::parallel_chunks(
        tensor.count(), detail::chunk_count(tensor.count()), [&](std::int64_t, std::int64_t begin, std::int64_t end) {
            for (std::int64_t i = begin; i < end; ++i) {
                const auto index = static_cast<std::uint64_t>(i);
                draws::store_element(data, index, plan.type, draws::draw(plan.params, plan.stream, index));
            }
        });
    return tensor;
}

std::vector<host_tensor> generate_inputs(const problem_spec& spec, size_set sizes, std::uint64_t seed) {
    std::vector<host_tensor> tensors;
    for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
        tensors.push_back(generate_input(spec, i, sizes, seed));
    }
    return tensors;
}

std::vector<host_tensor> make_outputs(const problem_spec& spec, size_set sizes) {
    std::vector<host_tensor> tensors;
    for (const auto& output : spec.outputs) {
        tensors.push_back(make_poisoned(output.name, output.type, spec.shape_of(output, sizes)));
    }
    return tensors;
}

std::uint64_t timing_seed(const problem_spec& spec) {
    std::uint64_t seed = 1000003;
    while (std::find(spec.seeds.begin(), spec.seeds.end(), seed) != spec.seeds.end()) {
        ++seed;
    }
    return seed;
}

}  // namespace hipkb
