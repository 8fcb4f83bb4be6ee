#include <hipkb/bench/device_input_generator.hpp>

#include <hipkb/bench/generator_call.hpp>

#include <fmt/core.h>

namespace hipkb {

device_input_generator::device_input_generator(const std::filesystem::path& module) : m_module(module) {}

void device_input_generator::fill(device_memory& memory, const input_draw_plan& plan, const stream& on) const {
    std::int64_t dims[generator_dim_count] = {};
    pack_draw_plan(plan, dims);
    void* outputs[] = {memory.get()};
    hipkb_args args{};
    args.outputs = outputs;
    args.num_outputs = 1;
    args.dims = dims;
    args.num_dims = generator_dim_count;
    args.stream = on.handle();
    if (const int rc = m_module.run(args); rc != 0) {
        throw device_error(rc, fmt::format("the device input generator ({}) failed to launch: {}",
                                           m_module.file().string(), error_string(rc)));
    }
}

}  // namespace hipkb
