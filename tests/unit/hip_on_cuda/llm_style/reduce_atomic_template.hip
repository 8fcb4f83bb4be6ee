// Compile test: a sum reduction in the style of LLM-written HIP. A templated
// kernel launched through hipLaunchKernelGGL(HIP_KERNEL_NAME(...)), extern
// __shared__, __shfl_down with an explicit width, float atomicAdd, a
// grid-stride loop, hipMemsetAsync on the given stream, hipDeviceProp_t.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

template <int BLOCK, typename T>
__global__ void reduce_sum_kernel(const T* __restrict__ x, T* __restrict__ y, long long n) {
    extern __shared__ float warp_sums[];
    T sum = 0;
    for (long long i = blockIdx.x * static_cast<long long>(BLOCK) + threadIdx.x; i < n;
         i += static_cast<long long>(gridDim.x) * BLOCK) {
        sum += __ldg(&x[i]);
    }
    for (int offset = warpSize >> 1; offset > 0; offset >>= 1) {
        sum += __shfl_down(sum, offset, warpSize);
    }
    if ((threadIdx.x & (warpSize - 1)) == 0) warp_sums[threadIdx.x / warpSize] = sum;
    __syncthreads();
    if (threadIdx.x < warpSize) {
        T v = threadIdx.x < BLOCK / warpSize ? warp_sums[threadIdx.x] : T(0);
        for (int offset = warpSize >> 1; offset > 0; offset >>= 1) v += __shfl_down(v, offset);
        if (threadIdx.x == 0) atomicAdd(y, v);
    }
}

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const long long n = args->dims[0] * args->dims[1];
    hipStream_t stream = static_cast<hipStream_t>(args->stream);

    int device = 0;
    hipGetDevice(&device);
    hipDeviceProp_t prop;
    hipGetDeviceProperties(&prop, device);
    constexpr int kBlock = 512;
    int grid = prop.multiProcessorCount * 4;
    if (grid <= 0) grid = 1;

    hipError_t err = hipMemsetAsync(y, 0, sizeof(float), stream);
    if (err != hipSuccess) return err;
    const size_t shmem = kBlock / 32 * sizeof(float);
    hipLaunchKernelGGL(HIP_KERNEL_NAME(reduce_sum_kernel<kBlock, float>), dim3(grid), dim3(kBlock), shmem, stream,
                       x, y, n);
    return hipGetLastError();
}
