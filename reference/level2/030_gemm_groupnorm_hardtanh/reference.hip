// Reference: two kernels. A shared-memory tiled GEMM (16x16 tiles, one output
// per thread, bias added at the store) writes the Linear output into y; then
// one block per (row, group) normalizes that group of y in place and clamps
// it. The statistics are two-pass (mean, then the sum of squared deviations),
// each a strided per-thread partial and a shared-memory tree, so nothing
// depends on the warp size.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kTile = 16;
constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr float kEps = 1e-5f;
constexpr float kMin = -2.0f;
constexpr float kMax = 2.0f;

__global__ void __launch_bounds__(kTile * kTile)
linear_kernel(const float* x, const float* w, const float* bias, float* y, int64_t batch, int64_t in, int64_t out) {
    __shared__ float x_tile[kTile][kTile];
    __shared__ float w_tile[kTile][kTile + 1];  // +1: the inner loop reads it by column
    const int tx = static_cast<int>(threadIdx.x);
    const int ty = static_cast<int>(threadIdx.y);
    const int64_t row = static_cast<int64_t>(blockIdx.y) * kTile + ty;
    const int64_t col = static_cast<int64_t>(blockIdx.x) * kTile + tx;
    const int64_t w_row = static_cast<int64_t>(blockIdx.x) * kTile + ty;

    // Threads outside y still load tiles and reach every barrier; they only
    // skip the final store. Zero-filled edges add nothing to the sums.
    float acc = 0.0f;
    for (int64_t k0 = 0; k0 < in; k0 += kTile) {
        const int64_t k = k0 + tx;
        x_tile[ty][tx] = (row < batch && k < in) ? x[row * in + k] : 0.0f;
        w_tile[ty][tx] = (w_row < out && k < in) ? w[w_row * in + k] : 0.0f;
        __syncthreads();
        for (int i = 0; i < kTile; ++i) {
            acc += x_tile[ty][i] * w_tile[tx][i];
        }
        // The next step overwrites tiles that slower threads may still be reading.
        __syncthreads();
    }
    if (row < batch && col < out) {
        y[row * out + col] = acc + bias[col];
    }
}

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

// Block (b, g) owns features [g*CG, (g+1)*CG) of row b.
__global__ void __launch_bounds__(kBlock)
group_norm_hardtanh_kernel(float* y, const float* gamma, const float* beta, int64_t groups, int64_t group_size) {
    __shared__ float smem[kBlock];
    const int64_t b = blockIdx.x / groups;
    const int64_t g = blockIdx.x % groups;
    const int64_t first = g * group_size;
    float* yg = y + b * groups * group_size + first;

    float part = 0.0f;
    for (int64_t i = threadIdx.x; i < group_size; i += kBlock) {
        part += yg[i];
    }
    const float mean = block_sum(part, smem) / static_cast<float>(group_size);
    part = 0.0f;
    for (int64_t i = threadIdx.x; i < group_size; i += kBlock) {
        const float d = yg[i] - mean;
        part += d * d;
    }
    const float var = block_sum(part, smem) / static_cast<float>(group_size);
    const float rstd = 1.0f / sqrtf(var + kEps);
    for (int64_t i = threadIdx.x; i < group_size; i += kBlock) {
        const float v = (yg[i] - mean) * rstd * gamma[first + i] + beta[first + i];
        yg[i] = fminf(fmaxf(v, kMin), kMax);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    const auto* bias = static_cast<const float*>(args->inputs[2]);
    const auto* gamma = static_cast<const float*>(args->inputs[3]);
    const auto* beta = static_cast<const float*>(args->inputs[4]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t in = args->dims[1];
    const int64_t groups = args->dims[2];
    const int64_t group_size = args->dims[3];
    const int64_t out = groups * group_size;
    if (batch == 0 || out == 0) {
        return 0;
    }
    const auto stream = static_cast<hipStream_t>(args->stream);
    const dim3 grid(static_cast<unsigned>((out + kTile - 1) / kTile), static_cast<unsigned>((batch + kTile - 1) / kTile));
    const dim3 block(kTile, kTile);
    linear_kernel<<<grid, block, 0, stream>>>(x, w, bias, y, batch, in, out);
    group_norm_hardtanh_kernel<<<static_cast<unsigned>(batch * groups), kBlock, 0, stream>>>(y, gamma, beta, groups,
                                                                                            group_size);
    return static_cast<int>(hipGetLastError());
}
