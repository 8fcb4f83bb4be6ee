// Reference: one thread per output element (b, j), scanning dim 1 forwards.
// Neighbouring threads take neighbouring j, so every step is a coalesced read
// of a row. Only a strictly larger value moves the index, so ties keep the
// first one, as torch.argmax does.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void argmax_dim_kernel(const float* x, int64_t* y, int64_t batch, int64_t d1, int64_t d2) {
    const int64_t total = batch * d2;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t b = t / d2;
        const int64_t j = t - b * d2;
        const float* xp = x + b * d1 * d2 + j;
        float best_val = xp[0];
        int64_t best = 0;
        for (int64_t i = 1; i < d1; ++i) {
            const float v = xp[i * d2];
            if (v > best_val) {
                best_val = v;
                best = i;
            }
        }
        y[t] = best;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<int64_t*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    constexpr int block = 256;
    const int64_t blocks_needed = (batch * d2 + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    argmax_dim_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, batch, d1, d2);
    return static_cast<int>(hipGetLastError());
}
