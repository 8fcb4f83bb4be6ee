// CPU golden for 094_mse_loss: the plain definition, accumulated in double,
// used to prove the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* predictions = static_cast<const float*>(args->inputs[0]);
    const auto* targets = static_cast<const float*>(args->inputs[1]);
    auto* loss = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    double sum = 0.0;
    for (int64_t i = 0; i < n; ++i) {
        const double d = static_cast<double>(predictions[i]) - static_cast<double>(targets[i]);
        sum += d * d;
    }
    loss[0] = static_cast<float>(sum / static_cast<double>(n));
    return 0;
}
