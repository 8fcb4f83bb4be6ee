#include <hipkb/workload.hpp>

#include <hipkb/inputs.hpp>

namespace hipkb {

device_inputs::device_inputs(const problem_spec& spec, size_set sizes, std::uint64_t seed)
    : m_host(generate_inputs(spec, sizes, seed)), m_dims(spec.dim_vector(sizes)), m_seed(seed) {
    for (const auto& tensor : m_host) {
        device_memory memory(tensor.bytes.size());
        memory.upload(tensor.bytes.data(), tensor.bytes.size());
        m_pointers.push_back(memory.get());
        m_device.push_back(std::move(memory));
    }
}

device_outputs::device_outputs(const problem_spec& spec, size_set sizes) {
    for (const auto& output : spec.outputs) {
        host_tensor shape = make_poisoned(output.name, output.type, spec.shape_of(output, sizes));
        device_memory memory(shape.bytes.size());
        m_pointers.push_back(memory.get());
        m_device.push_back(std::move(memory));
        shape.bytes.clear();
        shape.bytes.shrink_to_fit();
        m_shapes.push_back(std::move(shape));
    }
}

void device_outputs::poison(const stream& on) {
    for (auto& memory : m_device) {
        memory.fill(0xFF, on);
    }
}

std::vector<host_tensor> device_outputs::download() const {
    std::vector<host_tensor> result;
    for (std::size_t i = 0; i < m_device.size(); ++i) {
        host_tensor tensor = make_poisoned(m_shapes[i].name, m_shapes[i].type, m_shapes[i].shape);
        m_device[i].download(tensor.bytes.data(), tensor.bytes.size());
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
