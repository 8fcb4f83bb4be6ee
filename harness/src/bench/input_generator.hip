// Draws a benchmark input on the device: the host needs about 2 s per 67M
// elements on two cores, a GPU a few milliseconds. Every element goes
// through hipkb/core/counter_draw.hpp, the functions the host generator
// uses, so both give the same bits (the bench checks that at test sizes on
// every run). Built as a module with an implementation's entry point:
//   outputs[0] the tensor; dims as hipkb/bench/generator_call.hpp packs them.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>
#include <hipkb/bench/generator_call.hpp>
#include <hipkb/core/counter_draw.hpp>

#include <algorithm>
#include <cstdint>

namespace {

__global__ void draw_input(void* out, std::uint64_t count, hipkb::dtype type, hipkb::draws::draw_params params,
                           std::uint64_t stream) {
    const std::uint64_t step = static_cast<std::uint64_t>(gridDim.x) * blockDim.x;
    for (std::uint64_t i = static_cast<std::uint64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < count; i += step) {
        hipkb::draws::store_element(out, i, type, hipkb::draws::draw(params, stream, i));
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    if (args->num_outputs < 1 || args->num_dims < hipkb::generator_dim_count) {
        return static_cast<int>(hipErrorInvalidValue);
    }
    const hipkb::input_draw_plan plan = hipkb::unpack_draw_plan(args->dims);
    if (plan.count <= 0) return static_cast<int>(hipErrorInvalidValue);
    constexpr std::int64_t threads = 256;
    // Enough blocks to fill any current GPU; each thread loops over the rest.
    const std::int64_t blocks = std::min<std::int64_t>((plan.count + threads - 1) / threads, 16384);
    draw_input<<<static_cast<unsigned>(blocks), static_cast<unsigned>(threads), 0,
                 static_cast<hipStream_t>(args->stream)>>>(args->outputs[0], static_cast<std::uint64_t>(plan.count),
                                                           plan.type, plan.params, plan.stream);
    return static_cast<int>(hipGetLastError());
}
