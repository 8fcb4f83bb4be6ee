// Adversarial candidate "partial_write": computes only the first half of y.
// It tries to halve the work in the hope that the check samples a few
// elements (often the first ones) rather than all of them. Caught by the
// output poison and the elementwise check: the second half keeps the NaN the
// harness wrote before the launch, every element is compared, and the verdict
// is nan_output with the first unwritten index (N / 2) named.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::int64_t half = args->dims[0] / 2;
    for (std::int64_t i = 0; i < half; ++i) y[i] = 2.0f * x[i] + w[i];
    return 0;
}
