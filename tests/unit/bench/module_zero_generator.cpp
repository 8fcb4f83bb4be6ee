// A device input generator that draws nothing right: zeros for every
// element (dims as hipkb/bench/generator_call.hpp packs them), so the
// bench's bit-for-bit check against the host must catch it.
#include <hipkb/entry.h>
#include <hipkb/bench/generator_call.hpp>

#include <hip/hip_runtime_api.h>

extern "C" int hipkb_run(const hipkb_args* args) {
    const hipkb::generator_call call = hipkb::generator_call::from_dims(args->dims);
    const bool wide = call.type == hipkb::draws::element_type::int64;
    const bool narrow = call.type == hipkb::draws::element_type::fp16 || call.type == hipkb::draws::element_type::bf16;
    const size_t element = wide ? 8 : narrow ? 2 : 4;
    return static_cast<int>(hipMemsetAsync(args->outputs[0], 0, static_cast<size_t>(call.count) * element,
                                           static_cast<hipStream_t>(args->stream)));
}
