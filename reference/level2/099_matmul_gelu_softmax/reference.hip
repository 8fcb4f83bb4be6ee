// Reference: two kernels. A shared-memory tiled GEMM (16x16 tiles of x and of
// W, one output per thread; W is [OUT, IN], nn.Linear's layout, so both tiles
// are read along IN) writes gelu(x @ W^T + b) into y; then one block per row
// turns that row of y into its softmax in place: the row maximum, the sum of
// exp(v - max), then each exp divided by the sum. Each reduction is a strided
// per-thread partial and a shared-memory tree, so nothing depends on the warp
// size.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kTile = 16;
constexpr int kBlock = 256;  // a power of two: the trees halve it
constexpr float kInvSqrt2 = 0.70710678118654752f;

__global__ void __launch_bounds__(kTile * kTile)
linear_gelu_kernel(const float* x, const float* w, const float* bias, float* y, int64_t batch, int64_t in,
                   int64_t out) {
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
        const float v = acc + bias[col];
        y[row * out + col] = 0.5f * v * (1.0f + erff(v * kInvSqrt2));
    }
}

// Every thread of the block must call these (they synchronize); all get the
// result.
__device__ float block_max(float v, float* smem) {
    const unsigned t = threadIdx.x;
    smem[t] = v;
    __syncthreads();
    for (unsigned s = kBlock / 2; s > 0; s >>= 1) {
        if (t < s) {
            smem[t] = fmaxf(smem[t], smem[t + s]);
        }
        __syncthreads();
    }
    const float result = smem[0];
    // Keeps a following call from overwriting smem[0] before everyone read it.
    __syncthreads();
    return result;
}

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
    const float result = smem[0];
    __syncthreads();
    return result;
}

__global__ void __launch_bounds__(kBlock) softmax_rows_kernel(float* y, int64_t out) {
    __shared__ float smem[kBlock];
    float* yr = y + static_cast<int64_t>(blockIdx.x) * out;
    float part = -INFINITY;
    for (int64_t i = threadIdx.x; i < out; i += kBlock) {
        part = fmaxf(part, yr[i]);
    }
    const float row_max = block_max(part, smem);
    part = 0.0f;
    for (int64_t i = threadIdx.x; i < out; i += kBlock) {
        part += expf(yr[i] - row_max);
    }
    const float denominator = block_sum(part, smem);
    for (int64_t i = threadIdx.x; i < out; i += kBlock) {
        yr[i] = expf(yr[i] - row_max) / denominator;
    }
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
    if (batch == 0 || out == 0) {
        return 0;
    }
    const auto stream = static_cast<hipStream_t>(args->stream);
    const dim3 grid(static_cast<unsigned>((out + kTile - 1) / kTile), static_cast<unsigned>((batch + kTile - 1) / kTile));
    const dim3 block(kTile, kTile);
    linear_gelu_kernel<<<grid, block, 0, stream>>>(x, w, bias, y, batch, in, out);
    softmax_rows_kernel<<<static_cast<unsigned>(batch), kBlock, 0, stream>>>(y, out);
    return static_cast<int>(hipGetLastError());
}
