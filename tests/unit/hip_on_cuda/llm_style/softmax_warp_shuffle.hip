// Compile test: HIP as language models typically write it for a row softmax.
// hipLaunchKernelGGL, hip*Idx_x macros, __launch_bounds__, dynamic shared
// memory through HIP_DYNAMIC_SHARED, mask-less __shfl_xor reductions sized by
// warpSize, fast-math intrinsics, and a HIP_CHECK-style macro.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cstdio>

#define HIP_CHECK(cmd)                                                                        \
    do {                                                                                      \
        hipError_t e = (cmd);                                                                 \
        if (e != hipSuccess) {                                                                \
            fprintf(stderr, "HIP error %s at %s:%d\n", hipGetErrorString(e), __FILE__, __LINE__); \
            return static_cast<int>(e);                                                       \
        }                                                                                     \
    } while (0)

constexpr int BLOCK_SIZE = 256;

__device__ __forceinline__ float warpReduceMax(float val) {
    for (int offset = warpSize / 2; offset > 0; offset >>= 1) {
        val = fmaxf(val, __shfl_xor(val, offset));
    }
    return val;
}

__device__ __forceinline__ float warpReduceSum(float val) {
    for (int offset = warpSize / 2; offset > 0; offset >>= 1) {
        val += __shfl_xor(val, offset, warpSize);
    }
    return val;
}

__global__ void __launch_bounds__(BLOCK_SIZE)
softmax_kernel(const float* __restrict__ input, float* __restrict__ output, int cols) {
    HIP_DYNAMIC_SHARED(float, shared)
    const int row = hipBlockIdx_x;
    const int tid = hipThreadIdx_x;
    const int lane = tid % warpSize;
    const int warp = tid / warpSize;
    const int num_warps = hipBlockDim_x / warpSize;
    const float* in = input + static_cast<size_t>(row) * cols;
    float* out = output + static_cast<size_t>(row) * cols;

    float local_max = -INFINITY;
    for (int i = tid; i < cols; i += hipBlockDim_x) local_max = fmaxf(local_max, in[i]);
    local_max = warpReduceMax(local_max);
    if (lane == 0) shared[warp] = local_max;
    __syncthreads();
    float row_max = (tid < num_warps) ? shared[tid] : -INFINITY;
    if (warp == 0) row_max = warpReduceMax(row_max);
    if (tid == 0) shared[0] = row_max;
    __syncthreads();
    row_max = shared[0];
    __syncthreads();

    float local_sum = 0.0f;
    for (int i = tid; i < cols; i += hipBlockDim_x) local_sum += __expf(in[i] - row_max);
    local_sum = warpReduceSum(local_sum);
    if (lane == 0) shared[warp] = local_sum;
    __syncthreads();
    float row_sum = (tid < num_warps) ? shared[tid] : 0.0f;
    if (warp == 0) row_sum = warpReduceSum(row_sum);
    if (tid == 0) shared[0] = row_sum;
    __syncthreads();
    const float inv = __fdividef(1.0f, shared[0]);
    #pragma unroll 4
    for (int i = tid; i < cols; i += hipBlockDim_x) out[i] = __expf(in[i] - row_max) * inv;
}

extern "C" int hipkb_run(const hipkb_args* args) {
    const float* x = static_cast<const float*>(args->inputs[0]);
    float* y = static_cast<float*>(args->outputs[0]);
    const int rows = static_cast<int>(args->dims[0]);
    const int cols = static_cast<int>(args->dims[1]);
    hipStream_t stream = static_cast<hipStream_t>(args->stream);
    dim3 grid(rows);
    dim3 block(BLOCK_SIZE);
    size_t shmem = (BLOCK_SIZE / 32) * sizeof(float);
    hipLaunchKernelGGL(softmax_kernel, grid, block, shmem, stream, x, y, cols);
    HIP_CHECK(hipGetLastError());
    return 0;
}
