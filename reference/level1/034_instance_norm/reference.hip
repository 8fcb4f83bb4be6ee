// Reference: one 256-thread block per (n, c) plane of H*W contiguous elements.
// Two-pass statistics (mean, then the sum of squared deviations) rather than
// sum and sum of squares, because E[x^2] - mean^2 cancels in fp32 when |mean|
// is large against the spread. Each pass is a strided per-thread partial
// followed by a shared-memory tree, so nothing depends on the warp size.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr int64_t kMaxGrid = 65536;
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

__global__ void __launch_bounds__(kBlock) instance_norm_kernel(const float* x, float* y, int64_t planes, int64_t hw) {
    __shared__ float smem[kBlock];
    // The plane loop depends only on blockIdx, so the whole block takes the
    // same trips and reaches the barriers in block_sum together.
    for (int64_t p = blockIdx.x; p < planes; p += gridDim.x) {
        const float* xp = x + p * hw;
        float* yp = y + p * hw;

        float part = 0.0f;
        for (int64_t i = threadIdx.x; i < hw; i += kBlock) {
            part += xp[i];
        }
        const float mean = block_sum(part, smem) / static_cast<float>(hw);

        part = 0.0f;
        for (int64_t i = threadIdx.x; i < hw; i += kBlock) {
            const float d = xp[i] - mean;
            part += d * d;
        }
        const float var = block_sum(part, smem) / static_cast<float>(hw);
        const float rstd = 1.0f / sqrtf(var + kEps);

        for (int64_t i = threadIdx.x; i < hw; i += kBlock) {
            yp[i] = (xp[i] - mean) * rstd;
        }
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t planes = args->dims[0] * args->dims[1];
    const int64_t hw = args->dims[2] * args->dims[3];
    if (planes == 0) {
        return 0;
    }
    const int grid = static_cast<int>(planes < kMaxGrid ? planes : kMaxGrid);
    instance_norm_kernel<<<grid, kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, planes, hw);
    return static_cast<int>(hipGetLastError());
}
