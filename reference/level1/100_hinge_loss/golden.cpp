// CPU golden for 100_hinge_loss: the plain definition, accumulated in double,
// used to prove the reference right. targets[j] = 2 * labels[j] - 1.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* predictions = static_cast<const float*>(args->inputs[0]);
    const auto* labels = static_cast<const float*>(args->inputs[1]);
    auto* loss = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t d = args->dims[1];
    double sum = 0.0;
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t j = 0; j < d; ++j) {
            const double target = 2.0 * static_cast<double>(labels[j]) - 1.0;
            const double margin = 1.0 - static_cast<double>(predictions[b * d + j]) * target;
            sum += margin > 0.0 ? margin : 0.0;
        }
    }
    loss[0] = static_cast<float>(sum / static_cast<double>(batch * d));
    return 0;
}
