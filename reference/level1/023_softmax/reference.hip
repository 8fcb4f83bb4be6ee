// Reference: one 256-thread block per row, three passes over the row: the row
// max, the sum of exp(x - max), then the outputs. Subtracting the max keeps
// exp from overflowing whatever the inputs' scale. Each reduction is a strided
// per-thread partial followed by a shared-memory tree, so nothing depends on
// the warp size.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr int64_t kMaxGrid = 65536;

struct max_op {
    __device__ float operator()(float a, float b) const { return fmaxf(a, b); }
};

struct sum_op {
    __device__ float operator()(float a, float b) const { return a + b; }
};

// Every thread of the block must call this (it synchronizes); all get the result.
template <typename Op>
__device__ float block_reduce(float v, float* smem, Op op) {
    const unsigned t = threadIdx.x;
    smem[t] = v;
    __syncthreads();
    for (unsigned s = kBlock / 2; s > 0; s >>= 1) {
        if (t < s) {
            smem[t] = op(smem[t], smem[t + s]);
        }
        __syncthreads();
    }
    const float result = smem[0];
    // Keeps a following call from overwriting smem[0] before everyone read it.
    __syncthreads();
    return result;
}

__global__ void __launch_bounds__(kBlock)
softmax_kernel(const float* x, float* y, int64_t rows, int64_t d) {
    __shared__ float smem[kBlock];
    // The row loop depends only on blockIdx, so the whole block takes the same
    // trips and reaches the barriers in block_reduce together.
    for (int64_t row = blockIdx.x; row < rows; row += gridDim.x) {
        const float* xr = x + row * d;
        float* yr = y + row * d;

        float part = -INFINITY;
        for (int64_t i = threadIdx.x; i < d; i += kBlock) {
            part = fmaxf(part, xr[i]);
        }
        const float row_max = block_reduce(part, smem, max_op{});

        part = 0.0f;
        for (int64_t i = threadIdx.x; i < d; i += kBlock) {
            part += expf(xr[i] - row_max);
        }
        const float inv_sum = 1.0f / block_reduce(part, smem, sum_op{});

        for (int64_t i = threadIdx.x; i < d; i += kBlock) {
            yr[i] = expf(xr[i] - row_max) * inv_sum;
        }
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t d = args->dims[1];
    if (rows == 0) {
        return 0;
    }
    const int grid = static_cast<int>(rows < kMaxGrid ? rows : kMaxGrid);
    softmax_kernel<<<grid, kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, rows, d);
    return static_cast<int>(hipGetLastError());
}
