// CPU golden for 056_matmul_sigmoid_sum: the plain loops, in double.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    const auto* bias = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t in = args->dims[1];
    const int64_t hidden = args->dims[2];
    for (int64_t b = 0; b < batch; ++b) {
        double sum = 0.0;
        for (int64_t j = 0; j < hidden; ++j) {
            double z = bias[j];
            for (int64_t k = 0; k < in; ++k) {
                z += static_cast<double>(x[b * in + k]) * w[j * in + k];
            }
            sum += 1.0 / (1.0 + std::exp(-z));
        }
        y[b] = static_cast<float>(sum);
    }
    return 0;
}
