// Reference: 036_rmsnorm's kernel over bf16 (bfloat16) tensors: one thread per (batch,
// spatial position), looping over the features, so each feature step is a
// coalesced row read. Values are widened to float on load and the sum of
// squares is fp32; only y is rounded to bf16.
#include <hip/hip_runtime.h>
#include <hip/hip_bfloat16.h>
#include <hipkb/entry.h>

namespace {

constexpr float kEps = 1e-5f;

// hip_bfloat16 (<hip/hip_bfloat16.h>) rather than __hip_bfloat16: ROCm 5.2, the
// oldest ROCm hipkb builds with, has only the older struct.
__device__ inline float to_float(hip_bfloat16 v) { return static_cast<float>(v); }
__device__ inline hip_bfloat16 from_float(float v) { return hip_bfloat16(v); }

__global__ void rmsnorm_kernel(const hip_bfloat16* x, hip_bfloat16* y, int64_t batch, int64_t features,
                               int64_t spatial) {
    const int64_t total = batch * spatial;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t b = t / spatial;
        const int64_t s = t - b * spatial;
        const hip_bfloat16* xp = x + b * features * spatial + s;
        hip_bfloat16* yp = y + b * features * spatial + s;
        float sq = 0.0f;
        for (int64_t f = 0; f < features; ++f) {
            const float v = to_float(xp[f * spatial]);
            sq += v * v;
        }
        const float rms = sqrtf(sq / static_cast<float>(features) + kEps);
        for (int64_t f = 0; f < features; ++f) {
            yp[f * spatial] = from_float(to_float(xp[f * spatial]) / rms);
        }
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const hip_bfloat16*>(args->inputs[0]);
    auto* y = static_cast<hip_bfloat16*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t features = args->dims[1];
    const int64_t spatial = args->dims[2] * args->dims[3];
    constexpr int block = 256;
    const int64_t blocks_needed = (batch * spatial + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    rmsnorm_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, batch, features, spatial);
    return static_cast<int>(hipGetLastError());
}
