// CPU golden for 040_matmul_scaling_residualadd: the plain loops and the chain step by step, in
// double.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

namespace {

double epilogue(double z) {
    return z * 0.5 + z;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    const auto* bias = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t in = args->dims[1];
    const int64_t out = args->dims[2];
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t o = 0; o < out; ++o) {
            double z = bias[o];
            for (int64_t k = 0; k < in; ++k) {
                z += static_cast<double>(x[b * in + k]) * w[o * in + k];
            }
            y[b * out + o] = static_cast<float>(epilogue(z));
        }
    }
    return 0;
}
