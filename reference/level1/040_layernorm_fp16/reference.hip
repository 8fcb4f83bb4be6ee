// Reference: 040_layernorm's kernel over fp16 (IEEE half) tensors: one 1024-thread block
// per batch item, two-pass statistics (mean, then the sum of squared
// deviations, which does not cancel as E[x^2] - mean^2 does). Every element
// is widened to float on load and the sums are fp32; only y is rounded to
// fp16.
#include <hip/hip_runtime.h>
#include <hip/hip_fp16.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 1024;  // a power of two: the tree halves it
constexpr float kEps = 1e-5f;

__device__ inline float to_float(__half v) { return __half2float(v); }
__device__ inline __half from_float(float v) { return __float2half(v); }

// Every thread of the block must call this (it synchronizes); all get the sum.
__device__ float block_sum(float v, float* smem) {
    const unsigned t = threadIdx.x;
    smem[t] = v;
    __syncthreads();
    for (unsigned s = kBlock / 2; s > 0; s >>= 1) {
        if (t < s) {
            smem[t] += smem[t + s];
        }
        __syncthreads();
    }
    const float total = smem[0];
    // Keeps a following call from overwriting smem[0] before everyone read it.
    __syncthreads();
    return total;
}

__global__ void __launch_bounds__(kBlock)
layernorm_kernel(const __half* x, const __half* weight, const __half* bias, __half* y,
                 int64_t n) {
    __shared__ float smem[kBlock];
    const int64_t row = blockIdx.x;
    const __half* xr = x + row * n;
    __half* yr = y + row * n;

    float part = 0.0f;
    for (int64_t i = threadIdx.x; i < n; i += kBlock) {
        part += to_float(xr[i]);
    }
    const float mean = block_sum(part, smem) / static_cast<float>(n);

    part = 0.0f;
    for (int64_t i = threadIdx.x; i < n; i += kBlock) {
        const float d = to_float(xr[i]) - mean;
        part += d * d;
    }
    const float var = block_sum(part, smem) / static_cast<float>(n);
    const float rstd = 1.0f / sqrtf(var + kEps);

    for (int64_t i = threadIdx.x; i < n; i += kBlock) {
        yr[i] = from_float((to_float(xr[i]) - mean) * rstd * to_float(weight[i]) + to_float(bias[i]));
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const __half*>(args->inputs[0]);
    const auto* weight = static_cast<const __half*>(args->inputs[1]);
    const auto* bias = static_cast<const __half*>(args->inputs[2]);
    auto* y = static_cast<__half*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t n = args->dims[1] * args->dims[2] * args->dims[3];
    layernorm_kernel<<<static_cast<unsigned>(batch), kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(
        x, weight, bias, y, n);
    return static_cast<int>(hipGetLastError());
}
