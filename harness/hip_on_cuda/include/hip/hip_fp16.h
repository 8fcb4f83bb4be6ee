/* hipkb's HIP-on-CUDA layer: HIP's half-precision type and functions.
 *
 * HIP's fp16 API (__half, __half2, half, half2, __float2half, __half2float,
 * __hadd, __hmul, __hfma, __hmax, hexp, hsqrt, __half22float2,
 * __floats2half2_rn, __low2half, ...) uses CUDA's names and meanings, so
 * CUDA's own header is the mapping. Warp shuffles of __half/__half2 with
 * HIP's signature come from <hip/hip_runtime.h>; atomicAdd on __half is
 * CUDA's (sm_70+).
 */
#ifndef HIPKB_HIP_ON_CUDA_HIP_FP16_H
#define HIPKB_HIP_ON_CUDA_HIP_FP16_H

#include <hip/hip_runtime_api.h>

#include <cuda_fp16.h>

#endif  // HIPKB_HIP_ON_CUDA_HIP_FP16_H
