// The module API (code objects loaded at run time) is not mapped: a compile
// error naming it and saying what to use.
// expect-error: hipModuleLaunchKernel \(module API\) is not mapped by hipkb's HIP-on-CUDA layer; use hipLaunchKernelGGL
#include <hip/hip_runtime.h>

__global__ void kernel(float* p) { p[threadIdx.x] = 1.0f; }

hipError_t launch(float* p, hipStream_t stream) {
#ifdef HIPKB_EXPECT_ERROR
    void* args[] = {&p};
    return hipModuleLaunchKernel(nullptr, 1, 1, 1, 64, 1, 1, 0, stream, args, nullptr);
#else
    hipLaunchKernelGGL(kernel, dim3(1), dim3(64), 0, stream, p);
    return hipGetLastError();
#endif
}
