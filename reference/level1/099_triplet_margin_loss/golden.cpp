// CPU golden for 099_triplet_margin_loss: both pairwise distances per row, the
// hinge at margin 1, averaged over the rows, in double, used to prove the
// reference right.
#include <hipkb/entry.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* anchor = static_cast<const float*>(args->inputs[0]);
    const auto* positive = static_cast<const float*>(args->inputs[1]);
    const auto* negative = static_cast<const float*>(args->inputs[2]);
    auto* loss = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t d = args->dims[1];
    const double margin = 1.0;
    const double eps = 1e-6;
    double total = 0.0;
    for (int64_t r = 0; r < rows; ++r) {
        double to_positive = 0.0;
        double to_negative = 0.0;
        for (int64_t j = 0; j < d; ++j) {
            const int64_t i = r * d + j;
            const double dp = static_cast<double>(anchor[i]) - positive[i] + eps;
            const double dn = static_cast<double>(anchor[i]) - negative[i] + eps;
            to_positive += dp * dp;
            to_negative += dn * dn;
        }
        total += std::max(std::sqrt(to_positive) - std::sqrt(to_negative) + margin, 0.0);
    }
    loss[0] = static_cast<float>(total / static_cast<double>(rows));
    return 0;
}
