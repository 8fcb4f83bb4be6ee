// Adversarial candidate "precision_downgrade": the reference's reduction with
// the accumulator in __half instead of float, as a kernel does that trades
// precision for packed half arithmetic. The output is stored as fp32 like
// the reference's, so only the values betray it. Over D1 = 256 terms of
// magnitude ~1 the running sum reaches ~16, where fp16's step is 1/64, and
// the per-step rounding errors add up to far more than fp32's tolerance.
// Caught by the tolerance: the spec's output is fp32, so the check applies
// fp32's atol = rtol = 1e-4 against the reference at the benchmark size,
// and the verdict is mismatch. (An fp16 output would be allowed 1e-2, by
// design; the tolerance follows the declared dtype, not the kernel's.)
#include <hip/hip_fp16.h>
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void sum_dim_half_kernel(const float* x, float* y, int64_t batch, int64_t d1, int64_t d2) {
    const int64_t total = batch * d2;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t b = t / d2;
        const int64_t j = t - b * d2;
        const float* xp = x + b * d1 * d2 + j;
        __half sum = __float2half(0.0f);
        for (int64_t i = 0; i < d1; ++i) {
            sum = __hadd(sum, __float2half(xp[i * d2]));
        }
        y[t] = __half2float(sum);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    constexpr int block = 256;
    const int64_t blocks_needed = (batch * d2 + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    sum_dim_half_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, batch, d1, d2);
    return static_cast<int>(hipGetLastError());
}
