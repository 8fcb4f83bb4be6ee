// Reference: one 1024-thread block per batch item. Two-pass statistics (mean,
// then the sum of squared deviations) rather than sum and sum of squares,
// because E[x^2] - mean^2 cancels catastrophically in fp32 when |mean| is
// large against the spread. Each pass is a strided per-thread partial sum
// followed by a shared-memory tree, so nothing depends on the warp size.
// A row of 4M elements on one block leaves most of the GPU idle, but spreading
// a row over several blocks needs scratch for the partials, which the entry
// point may not allocate.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 1024;  // a power of two: the tree halves it
constexpr float kEps = 1e-5f;

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
layernorm_kernel(const float* x, const float* weight, const float* bias, float* y, int64_t n) {
    __shared__ float smem[kBlock];
    const int64_t row = blockIdx.x;
    const float* xr = x + row * n;
    float* yr = y + row * n;

    float part = 0.0f;
    for (int64_t i = threadIdx.x; i < n; i += kBlock) {
        part += xr[i];
    }
    const float mean = block_sum(part, smem) / static_cast<float>(n);

    part = 0.0f;
    for (int64_t i = threadIdx.x; i < n; i += kBlock) {
        const float d = xr[i] - mean;
        part += d * d;
    }
    const float var = block_sum(part, smem) / static_cast<float>(n);
    const float rstd = 1.0f / sqrtf(var + kEps);

    for (int64_t i = threadIdx.x; i < n; i += kBlock) {
        yr[i] = (xr[i] - mean) * rstd * weight[i] + bias[i];
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    const auto* bias = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t n = args->dims[1] * args->dims[2] * args->dims[3];
    layernorm_kernel<<<static_cast<unsigned>(batch), kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(
        x, weight, bias, y, n);
    return static_cast<int>(hipGetLastError());
}
