#include <hipkb/bench/workload.hpp>

#include <hipkb/bench/device_input_generator.hpp>
#include <hipkb/core/inputs.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <stdexcept>

namespace hipkb {

namespace {

// Empty when both copies of an input hold the same bits, else where they
// first differ.
std::string first_difference(const host_tensor& device, const host_tensor& host) {
    const auto [at_host, at_device] = std::mismatch(host.bytes.begin(), host.bytes.end(), device.bytes.begin());
    if (at_host == host.bytes.end()) return {};
    const auto index = static_cast<std::int64_t>((at_host - host.bytes.begin()) / size_of(host.type));
    return fmt::format("element {} is {} on the device and {} on the host", index, device.at(index), host.at(index));
}

}  // namespace

device_inputs::device_inputs(const problem_spec& spec, size_set sizes, std::uint64_t seed,
                             const device_input_generator* generator)
    : m_dims(spec.dim_vector(sizes)), m_seed(seed) {
    if (generator == nullptr) {
        m_host = generate_inputs(spec, sizes, seed);
        for (const auto& tensor : m_host) {
            device_memory memory(tensor.bytes.size());
            memory.upload(tensor.bytes.data(), tensor.bytes.size());
            m_pointers.push_back(memory.get());
            m_device.push_back(std::move(memory));
        }
        return;
    }
    const stream on;
    for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
        const tensor_spec& input = spec.inputs[i];
        host_tensor tensor = make_poisoned(input.name, input.type, spec.shape_of(input, sizes));
        device_memory memory(tensor.bytes.size());
        generator->fill(memory, plan_input(spec, i, sizes, seed), on);
        on.synchronize();
        memory.download(tensor.bytes.data(), tensor.bytes.size());
        if (sizes == size_set::test) {
            const std::string difference = first_difference(tensor, generate_input(spec, i, sizes, seed));
            if (!difference.empty()) {
                throw std::runtime_error(fmt::format(
                    "device_input_mismatch: input {} of {} (seed {}, test sizes): {}; the device's arithmetic "
                    "differs from the host's (hipkb/core/counter_draw.hpp relies on IEEE +, -, *, /, sqrt and "
                    "fma only), so a seed would not name the same data on both",
                    input.name, spec.name, seed, difference));
            }
        }
        m_pointers.push_back(memory.get());
        m_device.push_back(std::move(memory));
        m_host.push_back(std::move(tensor));
    }
}

void device_inputs::perturb(std::uint64_t iteration, const stream& on) {
    for (std::size_t i = 0; i < m_device.size(); ++i) {
        const host_tensor& tensor = m_host[i];
        const auto count = static_cast<std::uint64_t>(tensor.count());
        const std::size_t element = size_of(tensor.type);
        // A stride coprime with most sizes spreads the changes over rows.
        const std::uint64_t position = (iteration * 7919u + 13u * i) % count;
        // 0x3F bytes: 0.747 in fp32, 1.81 in fp16, 0.746 in bf16; integers get 0.
        const unsigned char value = is_floating(tensor.type) ? 0x3F : 0x00;
        m_device[i].fill_range(position * element, element, value, on);
        std::memset(m_host[i].bytes.data() + position * element, value, element);
    }
}

std::string device_inputs::find_changes() const {
    for (std::size_t i = 0; i < m_device.size(); ++i) {
        const host_tensor& expected = m_host[i];
        std::vector<std::byte> now(expected.bytes.size());
        m_device[i].download(now.data(), now.size());
        if (std::memcmp(now.data(), expected.bytes.data(), now.size()) == 0) continue;
        std::size_t changed = 0;
        std::optional<std::size_t> first;
        for (std::size_t b = 0; b < now.size(); ++b) {
            if (now[b] != expected.bytes[b]) {
                ++changed;
                if (!first) first = b;
            }
        }
        return fmt::format("input {}: {} bytes changed, the first at element {}", expected.name, changed,
                           *first / size_of(expected.type));
    }
    return {};
}

device_outputs::device_outputs(const problem_spec& spec, size_set sizes) {
    for (const auto& output : spec.outputs) {
        host_tensor shape = make_poisoned(output.name, output.type, spec.shape_of(output, sizes));
        device_memory memory(front_guard_bytes + shape.bytes.size() + back_guard_bytes);
        m_pointers.push_back(static_cast<char*>(memory.get()) + front_guard_bytes);
        m_device.push_back(std::move(memory));
        const std::size_t bytes = shape.bytes.size();
        shape.bytes.clear();
        shape.bytes.shrink_to_fit();
        m_shapes.push_back({std::move(shape), bytes});
    }
}

void device_outputs::poison(const stream& on) {
    for (std::size_t i = 0; i < m_device.size(); ++i) {
        const std::size_t data = m_shapes[i].count_bytes;
        m_device[i].fill_range(0, front_guard_bytes, guard_byte, on);
        m_device[i].fill_range(front_guard_bytes, data, 0xFF, on);
        m_device[i].fill_range(front_guard_bytes + data, back_guard_bytes, guard_byte, on);
    }
}

std::string device_outputs::check_guards() const {
    for (std::size_t i = 0; i < m_device.size(); ++i) {
        const std::size_t data = m_shapes[i].count_bytes;
        std::vector<unsigned char> front(front_guard_bytes);
        std::vector<unsigned char> back(back_guard_bytes);
        m_device[i].download_range(0, front.data(), front.size());
        m_device[i].download_range(front_guard_bytes + data, back.data(), back.size());
        std::size_t changed_back = 0;
        std::optional<std::size_t> first_back;
        for (std::size_t b = 0; b < back.size(); ++b) {
            if (back[b] != guard_byte) {
                ++changed_back;
                if (!first_back) first_back = b;
            }
        }
        if (first_back) {
            return fmt::format("output {}: {} guard bytes changed past the end, the first {} bytes after it",
                               m_shapes[i].tensor.name, changed_back, *first_back);
        }
        for (std::size_t b = front.size(); b-- > 0;) {
            if (front[b] != guard_byte) {
                return fmt::format("output {}: guard bytes changed before the start, the nearest {} bytes before it",
                                   m_shapes[i].tensor.name, front.size() - b);
            }
        }
    }
    return {};
}

std::vector<host_tensor> device_outputs::download() const {
    std::vector<host_tensor> result;
    for (std::size_t i = 0; i < m_device.size(); ++i) {
        host_tensor tensor = make_poisoned(m_shapes[i].tensor.name, m_shapes[i].tensor.type, m_shapes[i].tensor.shape);
        m_device[i].download_range(front_guard_bytes, tensor.bytes.data(), tensor.bytes.size());
        result.push_back(std::move(tensor));
    }
    return result;
}

hipkb_args make_args(const device_inputs& inputs, const device_outputs& outputs, const stream& on) {
    hipkb_args args{};
    args.inputs = inputs.pointers().data();
    args.num_inputs = static_cast<int>(inputs.pointers().size());
    args.outputs = outputs.pointers().data();
    args.num_outputs = static_cast<int>(outputs.pointers().size());
    args.dims = inputs.dims().data();
    args.num_dims = static_cast<int>(inputs.dims().size());
    args.stream = on.handle();
    return args;
}

hipkb_args make_host_args(const std::vector<host_tensor>& inputs, std::vector<host_tensor>& outputs,
                          const std::vector<std::int64_t>& dims, std::vector<const void*>& input_pointers,
                          std::vector<void*>& output_pointers) {
    input_pointers.clear();
    output_pointers.clear();
    for (const auto& tensor : inputs) input_pointers.push_back(tensor.bytes.data());
    for (auto& tensor : outputs) output_pointers.push_back(tensor.bytes.data());
    hipkb_args args{};
    args.inputs = input_pointers.data();
    args.num_inputs = static_cast<int>(input_pointers.size());
    args.outputs = output_pointers.data();
    args.num_outputs = static_cast<int>(output_pointers.size());
    args.dims = dims.data();
    args.num_dims = static_cast<int>(dims.size());
    args.stream = nullptr;
    return args;
}

}  // namespace hipkb
