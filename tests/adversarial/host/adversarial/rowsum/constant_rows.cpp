// Adversarial candidate "constant_rows": sums row 0 only and writes that sum
// to every row, as if every row of the input were the same. It tries to pass
// a check that runs on degenerate inputs (all ones, all zeros, a constant
// fill), where every row sum is indeed equal, while doing 1/R of the work.
// Caught by the inputs: the harness draws every input element independently
// from the spec's distribution (here normal(0, 1)) for each seed, so the rows
// differ, every output element is compared, and the verdict is mismatch
// from row 1 on.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::int64_t rows = args->dims[0];
    const std::int64_t cols = args->dims[1];
    double sum = 0.0;
    for (std::int64_t c = 0; c < cols; ++c) sum += static_cast<double>(x[c]);
    for (std::int64_t r = 0; r < rows; ++r) y[r] = static_cast<float>(sum);
    return 0;
}
