// Reference: one 256-thread block per (n, group). A group's C/G channels are
// consecutive, so its (C/G)*H*W elements are one contiguous run.
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

__global__ void __launch_bounds__(kBlock) group_norm_kernel(const float* x, float* y, int64_t groups, int64_t group_size) {
    __shared__ float smem[kBlock];
    // The group loop depends only on blockIdx, so the whole block takes the
    // same trips and reaches the barriers in block_sum together.
    for (int64_t grp = blockIdx.x; grp < groups; grp += gridDim.x) {
        const float* xg = x + grp * group_size;
        float* yg = y + grp * group_size;

        float part = 0.0f;
        for (int64_t i = threadIdx.x; i < group_size; i += kBlock) {
            part += xg[i];
        }
        const float mean = block_sum(part, smem) / static_cast<float>(group_size);

        part = 0.0f;
        for (int64_t i = threadIdx.x; i < group_size; i += kBlock) {
            const float d = xg[i] - mean;
            part += d * d;
        }
        const float var = block_sum(part, smem) / static_cast<float>(group_size);
        const float rstd = 1.0f / sqrtf(var + kEps);

        for (int64_t i = threadIdx.x; i < group_size; i += kBlock) {
            yg[i] = (xg[i] - mean) * rstd;
        }
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t g = args->dims[2];
    const int64_t hw = args->dims[3] * args->dims[4];
    const int64_t groups = n * g;
    if (groups == 0) {
        return 0;
    }
    const int grid = static_cast<int>(groups < kMaxGrid ? groups : kMaxGrid);
    group_norm_kernel<<<grid, kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, groups, (c / g) * hw);
    return static_cast<int>(hipGetLastError());
}
