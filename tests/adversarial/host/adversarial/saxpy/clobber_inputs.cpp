// Adversarial candidate "clobber_inputs": honest while it is being checked,
// then it zeroes its inputs and its output instead of computing. Inputs are
// passed as const pointers, but nothing stops a launcher from writing
// through them. A harness that rechecks the timed result by running the
// reference on the same buffers afterwards then compares zeros with zeros
// (2 * 0 + 0), and the cheap path passes; for a compute-bound operator,
// zeroing O(n^2) inputs instead of O(n^3) work would be a large fake
// speedup. The first three calls (the spec's three correctness seeds)
// compute honestly.
//
// Caught by the input check: after every correctness launch and after each
// timed repetition the harness downloads the inputs and compares them with
// its own copy (with the per-launch perturbations applied). The verdict is
// input_modified.
#include <hipkb/entry.h>

#include <cstdint>
#include <cstring>

extern "C" int hipkb_run(const hipkb_args* args) {
    static int calls = 0;
    auto* x = const_cast<float*>(static_cast<const float*>(args->inputs[0]));
    auto* w = const_cast<float*>(static_cast<const float*>(args->inputs[1]));
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::int64_t n = args->dims[0];
    if (++calls <= 3) {
        for (std::int64_t i = 0; i < n; ++i) {
            y[i] = static_cast<float>(2.0 * static_cast<double>(x[i]) + static_cast<double>(w[i]));
        }
        return 0;
    }
    const auto bytes = static_cast<std::size_t>(n) * sizeof(float);
    std::memset(x, 0, bytes);
    std::memset(w, 0, bytes);
    std::memset(y, 0, bytes);
    return 0;
}
