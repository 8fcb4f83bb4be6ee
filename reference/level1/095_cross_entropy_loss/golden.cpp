// CPU golden for 095_cross_entropy_loss: per row, the max-shifted log-sum-exp
// minus the target's logit, averaged over the rows in double, used to prove the
// reference right.
#include <hipkb/entry.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* predictions = static_cast<const float*>(args->inputs[0]);
    const auto* targets = static_cast<const int64_t*>(args->inputs[1]);
    auto* loss = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t classes = args->dims[1];
    double total = 0.0;
    for (int64_t r = 0; r < rows; ++r) {
        const float* xr = predictions + r * classes;
        double row_max = -INFINITY;
        for (int64_t j = 0; j < classes; ++j) {
            row_max = std::max(row_max, static_cast<double>(xr[j]));
        }
        double sum = 0.0;
        for (int64_t j = 0; j < classes; ++j) {
            sum += std::exp(xr[j] - row_max);
        }
        total += row_max + std::log(sum) - xr[targets[r]];
    }
    loss[0] = static_cast<float>(total / static_cast<double>(rows));
    return 0;
}
