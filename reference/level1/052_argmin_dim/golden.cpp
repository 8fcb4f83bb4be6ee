// CPU golden for 052_argmin_dim: the first index of the smallest value in each
// column, found by taking the minimum first and then searching for it, so it
// shares no tie-breaking logic with the reference.
#include <hipkb/entry.h>

#include <algorithm>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<int64_t*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t j = 0; j < d2; ++j) {
            const auto at = [&](int64_t i) { return x[(b * d1 + i) * d2 + j]; };
            float smallest = at(0);
            for (int64_t i = 1; i < d1; ++i) {
                smallest = std::min(smallest, at(i));
            }
            int64_t first = 0;
            while (at(first) != smallest) {
                ++first;
            }
            y[b * d2 + j] = first;
        }
    }
    return 0;
}
