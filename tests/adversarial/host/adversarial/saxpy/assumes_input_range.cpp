// Adversarial candidate "assumes_input_range": only right for inputs in the
// range the benchmark's main distribution produces. It stands for the
// shortcuts a model takes when it has only seen easy inputs: a polynomial or
// a table valid on [-8, 8], a narrower type that overflows beyond it, a
// branch dropped because "x is never large". Here the shortcut is explicit:
// x is clamped to [-8, 8] (normal(0, 1) inputs, the fixture's main
// distribution, never leave it), so the result is exact on those inputs and
// wrong elsewhere.
//
// Caught by inputs from several distributions: the fixture spec gives x a
// second distribution, uniform(-1000, 1000), used by its second correctness
// seed ("also_init", docs/problems.md). The verdict is mismatch on seed 2.
#include <hipkb/entry.h>

#include <algorithm>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    for (std::int64_t i = 0; i < args->dims[0]; ++i) {
        const double easy_x = std::clamp(static_cast<double>(x[i]), -8.0, 8.0);
        y[i] = static_cast<float>(2.0 * easy_x + static_cast<double>(w[i]));
    }
    return 0;
}
