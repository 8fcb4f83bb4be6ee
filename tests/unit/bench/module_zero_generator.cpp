// A device input generator that draws nothing right: zeros for every
// element (dims as hipkb/bench/generator_call.hpp packs them), so the
// bench's bit-for-bit check against the host must catch it.
#include <hipkb/entry.h>
#include <hipkb/bench/generator_call.hpp>

#include <hip/hip_runtime_api.h>

extern "C" int hipkb_run(const hipkb_args* args) {
    const hipkb::input_draw_plan plan = hipkb::unpack_draw_plan(args->dims);
    return static_cast<int>(hipMemsetAsync(args->outputs[0], 0,
                                           static_cast<size_t>(plan.count) * hipkb::size_of(plan.type),
                                           static_cast<hipStream_t>(args->stream)));
}
