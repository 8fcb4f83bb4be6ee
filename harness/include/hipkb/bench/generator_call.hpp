#pragma once
// How the bench asks the device input generator module
// (harness/src/bench/input_generator.hip) for one input. The module has the
// same hipkb_run entry as an implementation, so it is loaded and called the
// same way; its one output is the tensor and its dims carry the input's
// draw plan (doubles as their bit patterns).

#include <hipkb/core/counter_draw.hpp>

#include <cstdint>
#include <cstring>

namespace hipkb {

inline constexpr int generator_dim_count = 6;

inline void pack_draw_plan(const input_draw_plan& plan, std::int64_t (&dims)[generator_dim_count]) {
    dims[0] = plan.count;
    dims[1] = static_cast<std::int64_t>(plan.type);
    dims[2] = static_cast<std::int64_t>(plan.params.kind);
    std::memcpy(&dims[3], &plan.stream, sizeof plan.stream);
    std::memcpy(&dims[4], &plan.params.a, sizeof plan.params.a);
    std::memcpy(&dims[5], &plan.params.b, sizeof plan.params.b);
}

inline input_draw_plan unpack_draw_plan(const std::int64_t* dims) {
    input_draw_plan plan;
    plan.count = dims[0];
    plan.type = static_cast<dtype>(dims[1]);
    plan.params.kind = static_cast<draws::distribution>(dims[2]);
    std::memcpy(&plan.stream, &dims[3], sizeof plan.stream);
    std::memcpy(&plan.params.a, &dims[4], sizeof plan.params.a);
    std::memcpy(&plan.params.b, &dims[5], sizeof plan.params.b);
    return plan;
}

}  // namespace hipkb
