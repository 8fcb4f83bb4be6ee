// CPU golden for 097_scaled_dot_product_attention: per query row, the scaled
// scores, a max-shifted softmax and the weighted sum of the value rows, all in
// double, used to prove the reference right.
#include <hipkb/entry.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* q = static_cast<const float*>(args->inputs[0]);
    const auto* k = static_cast<const float*>(args->inputs[1]);
    const auto* v = static_cast<const float*>(args->inputs[2]);
    auto* out = static_cast<float*>(args->outputs[0]);
    const int64_t heads = args->dims[0] * args->dims[1];
    const int64_t l = args->dims[2];
    const int64_t e = args->dims[3];
    const double scale = 1.0 / std::sqrt(static_cast<double>(e));
    std::vector<double> weights(static_cast<size_t>(l));
    std::vector<double> row(static_cast<size_t>(e));
    for (int64_t head = 0; head < heads; ++head) {
        const float* qh = q + head * l * e;
        const float* kh = k + head * l * e;
        const float* vh = v + head * l * e;
        float* oh = out + head * l * e;
        for (int64_t i = 0; i < l; ++i) {
            double row_max = -INFINITY;
            for (int64_t j = 0; j < l; ++j) {
                double dot = 0.0;
                for (int64_t c = 0; c < e; ++c) {
                    dot += static_cast<double>(qh[i * e + c]) * kh[j * e + c];
                }
                weights[j] = dot * scale;
                row_max = std::max(row_max, weights[j]);
            }
            double sum = 0.0;
            for (int64_t j = 0; j < l; ++j) {
                weights[j] = std::exp(weights[j] - row_max);
                sum += weights[j];
            }
            std::fill(row.begin(), row.end(), 0.0);
            for (int64_t j = 0; j < l; ++j) {
                for (int64_t c = 0; c < e; ++c) {
                    row[c] += weights[j] * vh[j * e + c];
                }
            }
            for (int64_t c = 0; c < e; ++c) {
                oh[i * e + c] = static_cast<float>(row[c] / sum);
            }
        }
    }
    return 0;
}
