// warpSize is a device variable on NVIDIA, not a constant expression (as in
// ROCm 7): sizing a __shared__ array by it is a compile error (nvcc calls it
// a variable-length array and quotes the line), not a silently wrong size.
// expect-error: variable length array.*partial\[kBlock / warpSize\]
#include <hip/hip_runtime.h>

constexpr int kBlock = 256;

__global__ void per_warp(float* out) {
#ifdef HIPKB_EXPECT_ERROR
    __shared__ float partial[kBlock / warpSize];
#else
    __shared__ float partial[kBlock / 32];
#endif
    if (threadIdx.x % warpSize == 0) {
        partial[threadIdx.x / warpSize] = 1.0f;
    }
    __syncthreads();
    out[threadIdx.x] = partial[0];
}
