#pragma once
// Marks a function that runs both in host code and in GPU kernels. Plain
// C++ compilers (goldens, the harness) see nothing; a HIP or CUDA compile
// (hipcc, nvcc through hipkb's HIP-on-CUDA headers, the CPU execution
// layer) compiles it for both sides. A macro because it must expand to
// nothing where __host__ and __device__ do not exist.

#if defined(__HIPCC__) || defined(__CUDACC__)
#define HIPKB_HOST_DEVICE __host__ __device__
#else
#define HIPKB_HOST_DEVICE
#endif
