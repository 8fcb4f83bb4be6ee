#pragma once
// How the bench asks the device input generator module
// (harness/src/bench/input_generator.hip) for one input. The module has the
// same hipkb_run entry as an implementation, so it is loaded and called the
// same way; its one output is the tensor and its dims carry the draw plan
// (doubles as their bit patterns).

#include <hipkb/core/counter_draw.hpp>

#include <cstdint>
#include <cstring>

namespace hipkb {

struct generator_call {
    static constexpr int dim_count = 6;

    std::int64_t count = 0;
    draws::element_type type = draws::element_type::fp32;
    draws::draw_params params;
    std::uint64_t stream = 0;

    void to_dims(std::int64_t (&dims)[dim_count]) const {
        dims[0] = count;
        dims[1] = static_cast<std::int64_t>(type);
        dims[2] = static_cast<std::int64_t>(params.kind);
        std::memcpy(&dims[3], &stream, sizeof stream);
        std::memcpy(&dims[4], &params.a, sizeof params.a);
        std::memcpy(&dims[5], &params.b, sizeof params.b);
    }

    static generator_call from_dims(const std::int64_t* dims) {
        generator_call call;
        call.count = dims[0];
        call.type = static_cast<draws::element_type>(dims[1]);
        call.params.kind = static_cast<draws::distribution>(dims[2]);
        std::memcpy(&call.stream, &dims[3], sizeof call.stream);
        std::memcpy(&call.params.a, &dims[4], sizeof call.params.a);
        std::memcpy(&call.params.b, &dims[5], sizeof call.params.b);
        return call;
    }
};

}  // namespace hipkb
