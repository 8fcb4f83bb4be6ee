// Reference: 023_softmax's kernel over fp16 (IEEE half) rows: one 256-thread block per
// row, three passes (the row max, the sum of exp(x - max), the outputs).
// Values are widened to float on load; the max, the exponentials and their
// sum are fp32, and only y is rounded to fp16.
#include <hip/hip_runtime.h>
#include <hip/hip_fp16.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr int64_t kMaxGrid = 65536;

__device__ inline float to_float(__half v) { return __half2float(v); }
__device__ inline __half from_float(float v) { return __float2half(v); }

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
softmax_kernel(const __half* x, __half* y, int64_t rows, int64_t d) {
    __shared__ float smem[kBlock];
    // The row loop depends only on blockIdx, so the whole block takes the same
    // trips and reaches the barriers in block_reduce together.
    for (int64_t row = blockIdx.x; row < rows; row += gridDim.x) {
        const __half* xr = x + row * d;
        __half* yr = y + row * d;

        float part = -INFINITY;
        for (int64_t i = threadIdx.x; i < d; i += kBlock) {
            part = fmaxf(part, to_float(xr[i]));
        }
        const float row_max = block_reduce(part, smem, max_op{});

        part = 0.0f;
        for (int64_t i = threadIdx.x; i < d; i += kBlock) {
            part += expf(to_float(xr[i]) - row_max);
        }
        const float inv_sum = 1.0f / block_reduce(part, smem, sum_op{});

        for (int64_t i = threadIdx.x; i < d; i += kBlock) {
            yr[i] = from_float(expf(to_float(xr[i]) - row_max) * inv_sum);
        }
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const __half*>(args->inputs[0]);
    auto* y = static_cast<__half*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t d = args->dims[1];
    if (rows == 0) {
        return 0;
    }
    const int grid = static_cast<int>(rows < kMaxGrid ? rows : kMaxGrid);
    softmax_kernel<<<grid, kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, rows, d);
    return static_cast<int>(hipGetLastError());
}
