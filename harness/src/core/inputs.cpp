#include <hipkb/core/inputs.hpp>

#include "parallel_for.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <thread>

namespace hipkb {

namespace {

// splitmix64's finaliser: a cheap, well-mixed hash of a 64-bit counter.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// A uniform double in (0, 1) for one (stream, counter) pair.
double unit(std::uint64_t stream, std::uint64_t counter) {
    const std::uint64_t bits = mix(stream ^ mix(counter));
    return (static_cast<double>(bits >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

double draw(const init_spec& init, std::uint64_t stream, std::int64_t index) {
    const auto i = static_cast<std::uint64_t>(index);
    switch (init.distribution) {
        case init_spec::kind::normal: {
            // Box-Muller with both uniforms derived from the element index.
            const double u1 = unit(stream, 2 * i);
            const double u2 = unit(stream, 2 * i + 1);
            const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
            return init.a + init.b * z;
        }
        case init_spec::kind::uniform:
            return init.a + (init.b - init.a) * unit(stream, i);
        case init_spec::kind::randint: {
            const double span = std::floor(init.b) - std::ceil(init.a);
            return std::ceil(init.a) + std::floor(unit(stream, i) * span);
        }
    }
    return 0.0;
}

}  // namespace

host_tensor generate_input(const problem_spec& spec, std::size_t input_index, size_set sizes, std::uint64_t seed) {
    const tensor_spec& input = spec.inputs.at(input_index);
    host_tensor tensor = make_poisoned(input.name, input.type, spec.shape_of(input, sizes));
    const std::uint64_t stream = mix(mix(seed) ^ (0xA5A5A5A5ull + input_index));
    const init_spec& init = input.init_for(seed, spec.seeds);
    detail::parallel_chunks(tensor.count(), detail::chunk_count(tensor.count()),
                            [&](std::int64_t, std::int64_t begin, std::int64_t end) {
                                for (std::int64_t i = begin; i < end; ++i) {
                                    tensor.set(i, draw(init, stream, i));
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
