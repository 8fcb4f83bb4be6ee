// Adversarial candidate "cache_by_pointer": remembers which buffers it has
// already computed and returns at once when handed them again. Benchmarks
// typically launch the same kernel on the same buffers many times, so every
// launch after the first is free. The key is the input and output pointers
// and N, plus the bits of x[0]: allocators hand freed addresses straight
// back, so the harness's per-seed correctness buffers often reuse one
// address, and without that spot check the cache would already hit (and
// fail) on the second correctness seed. With it the candidate is right on
// every correctness seed and wrong only while being timed. Caught by the
// recheck: the harness changes one input element and re-poisons the outputs
// before every timed launch, and after timing compares the last launch's
// output with the reference on those changed inputs; the skipped launch left
// NaN there, so the verdict is recheck_mismatch.
#include <hipkb/entry.h>

#include <bit>
#include <cstdint>

namespace {

struct buffers_key {
    const void* x = nullptr;
    const void* w = nullptr;
    void* y = nullptr;
    std::int64_t n = -1;
    std::uint32_t first_x_bits = 0;

    bool operator==(const buffers_key&) const = default;
};

// The buffers of the last computed call ("computed already").
buffers_key g_last;

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::int64_t n = args->dims[0];
    const buffers_key key{x, w, y, n, n > 0 ? std::bit_cast<std::uint32_t>(x[0]) : 0u};
    if (key == g_last) return 0;  // "these buffers already hold the result"
    for (std::int64_t i = 0; i < n; ++i) y[i] = 2.0f * x[i] + w[i];
    g_last = key;
    return 0;
}
