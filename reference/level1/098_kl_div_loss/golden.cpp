// CPU golden for 098_kl_div_loss: the plain definition, a zero target adding
// nothing, accumulated in double, used to prove the reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* predictions = static_cast<const float*>(args->inputs[0]);
    const auto* targets = static_cast<const float*>(args->inputs[1]);
    auto* loss = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t n = batch * args->dims[1];
    double sum = 0.0;
    for (int64_t i = 0; i < n; ++i) {
        const double t = targets[i];
        if (t > 0.0) {
            sum += t * (std::log(t) - std::log(static_cast<double>(predictions[i])));
        }
    }
    loss[0] = static_cast<float>(sum / static_cast<double>(batch));
    return 0;
}
