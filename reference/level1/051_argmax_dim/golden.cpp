// CPU golden for 051_argmax_dim: a forward scan that only moves on a strictly
// larger value, so ties keep the first index (as torch.argmax), used to prove
// the reference right.
#include <hipkb/entry.h>

#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<int64_t*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t j = 0; j < d2; ++j) {
            int64_t best = 0;
            for (int64_t i = 1; i < d1; ++i) {
                if (x[(b * d1 + i) * d2 + j] > x[(b * d1 + best) * d2 + j]) {
                    best = i;
                }
            }
            y[b * d2 + j] = best;
        }
    }
    return 0;
}
