// Reference: one 256-thread block per row, two passes over the row: the sum
// of squares (a strided per-thread partial, then a shared-memory tree, so
// nothing depends on the warp size), then x divided by its square root. Like
// PyTorch's expression there is no eps: a row of zeros gives NaN.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr int64_t kMaxGrid = 65536;

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
    const float result = smem[0];
    // Keeps the next row's first store from overwriting smem[0] before everyone read it.
    __syncthreads();
    return result;
}

__global__ void __launch_bounds__(kBlock) l2_norm_kernel(const float* x, float* y, int64_t rows, int64_t d) {
    __shared__ float smem[kBlock];
    // The row loop depends only on blockIdx, so the whole block takes the same
    // trips and reaches the barriers in block_sum together.
    for (int64_t row = blockIdx.x; row < rows; row += gridDim.x) {
        const float* xr = x + row * d;
        float* yr = y + row * d;

        float part = 0.0f;
        for (int64_t i = threadIdx.x; i < d; i += kBlock) {
            part += xr[i] * xr[i];
        }
        const float norm = sqrtf(block_sum(part, smem));

        for (int64_t i = threadIdx.x; i < d; i += kBlock) {
            yr[i] = xr[i] / norm;
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
    l2_norm_kernel<<<grid, kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, rows, d);
    return static_cast<int>(hipGetLastError());
}
