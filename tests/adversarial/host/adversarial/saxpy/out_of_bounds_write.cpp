// Adversarial candidate "out_of_bounds_write": computes y correctly, then
// also writes y[N] and y[N + 1], as a kernel does that pads the output to an
// even length for paired stores and forgets that the buffer ends at N. Every
// element the checker compares is right, so an elementwise check alone
// passes it, while on a real device it corrupts whatever lies after the
// output (another tensor, or the allocator's bookkeeping). Caught by the
// guard bytes: the harness surrounds every output with guard regions filled
// with 0xA5 and checks them after every launch, so the first correctness
// launch already reports out_of_bounds_write with the number of changed
// bytes.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::int64_t n = args->dims[0];
    for (std::int64_t i = 0; i < n; ++i) y[i] = 2.0f * x[i] + w[i];
    // The "padding" of the paired-store layout: two elements past the end.
    y[n] = 0.0f;
    y[n + 1] = 0.0f;
    return 0;
}
