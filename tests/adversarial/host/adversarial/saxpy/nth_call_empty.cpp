// Adversarial candidate "nth_call_empty": counts its calls. The first three
// (the spec's correctness seeds, where a benchmark checks the answer) are
// honest; every later one (warm-up and timing, where a benchmark only looks
// at the clock) returns at once without writing anything.
//
// Caught by the recheck after timing: every timed launch starts from
// poisoned outputs, and after each repetition the harness compares the last
// timed launch's output with the reference on the same inputs. The empty
// call left the poison: recheck_mismatch.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    static int calls = 0;
    if (++calls > 3) return 0;
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    for (std::int64_t i = 0; i < args->dims[0]; ++i) y[i] = 2.0f * x[i] + w[i];
    return 0;
}
