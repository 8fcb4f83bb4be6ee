// CPU golden for 019_relu: the plain definition, used to prove the reference right.
#include <hipkb/entry.h>

#include <algorithm>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    for (int64_t i = 0; i < n; ++i) {
        y[i] = std::max(x[i], 0.0f);
    }
    return 0;
}
