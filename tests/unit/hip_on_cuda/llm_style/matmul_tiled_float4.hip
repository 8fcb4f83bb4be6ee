// Compile test: a tiled SGEMM as LLM-written HIP often looks. Shared-memory
// tiles, float4 loads with HIP's vector arithmetic (a * s + b on float4),
// #pragma unroll, hipFuncSetAttribute for dynamic shared memory and
// hipOccupancyMaxActiveBlocksPerMultiprocessor to pick a grid.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#define TILE 32

__global__ void __launch_bounds__(TILE * TILE / 4)
sgemm_tiled(const float* __restrict__ A, const float* __restrict__ B, float* __restrict__ C, int N) {
    __shared__ float As[TILE][TILE + 1];
    __shared__ float Bs[TILE][TILE];
    const int tx = hipThreadIdx_x % (TILE / 4);
    const int ty = hipThreadIdx_x / (TILE / 4);
    const int row = hipBlockIdx_y * TILE + ty;
    const int col4 = hipBlockIdx_x * TILE + tx * 4;
    float4 acc = make_float4(0.f, 0.f, 0.f, 0.f);
    for (int t = 0; t < N; t += TILE) {
        #pragma unroll
        for (int k = 0; k < 4; ++k) {
            As[ty][tx * 4 + k] = (row < N && t + tx * 4 + k < N) ? A[row * N + t + tx * 4 + k] : 0.f;
        }
        const float4 b = (t + ty < N && col4 + 3 < N) ? *reinterpret_cast<const float4*>(&B[(t + ty) * N + col4])
                                                      : make_float4(0.f, 0.f, 0.f, 0.f);
        Bs[ty][tx * 4 + 0] = b.x;
        Bs[ty][tx * 4 + 1] = b.y;
        Bs[ty][tx * 4 + 2] = b.z;
        Bs[ty][tx * 4 + 3] = b.w;
        __syncthreads();
        #pragma unroll 8
        for (int k = 0; k < TILE; ++k) {
            const float4 bk = make_float4(Bs[k][tx * 4], Bs[k][tx * 4 + 1], Bs[k][tx * 4 + 2], Bs[k][tx * 4 + 3]);
            acc += bk * As[ty][k];
        }
        __syncthreads();
    }
    if (row < N && col4 + 3 < N) *reinterpret_cast<float4*>(&C[row * N + col4]) = acc;
}

extern "C" int hipkb_run(const hipkb_args* args) {
    const float* A = static_cast<const float*>(args->inputs[0]);
    const float* B = static_cast<const float*>(args->inputs[1]);
    float* C = static_cast<float*>(args->outputs[0]);
    const int N = static_cast<int>(args->dims[0]);
    hipStream_t stream = (hipStream_t)args->stream;
    int blocks_per_sm = 0;
    hipOccupancyMaxActiveBlocksPerMultiprocessor(&blocks_per_sm, sgemm_tiled, TILE * TILE / 4, 0);
    hipFuncSetAttribute((const void*)sgemm_tiled, hipFuncAttributePreferredSharedMemoryCarveout, 100);
    dim3 block(TILE * TILE / 4);
    dim3 grid((N + TILE - 1) / TILE, (N + TILE - 1) / TILE);
    hipLaunchKernelGGL(sgemm_tiled, grid, block, 0, stream, A, B, C, N);
    return (int)hipGetLastError();
}
