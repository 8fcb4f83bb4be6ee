/* hipkb's HIP-on-CUDA layer: HIP's bfloat16 type and functions.
 *
 * HIP names the types __hip_bfloat16 / __hip_bfloat162; CUDA names them
 * __nv_bfloat16 / __nv_bfloat162. The functions (__float2bfloat16,
 * __bfloat162float, __float22bfloat162_rn, __bfloat1622float2, __hadd,
 * __hmul, __hfma, hsqrt, ...) have the same names and meanings in both, so
 * only the types need aliases. For the older struct hip_bfloat16 (a .data
 * member and float conversions) see <hip/hip_bfloat16.h>.
 */
#ifndef HIPKB_HIP_ON_CUDA_HIP_BF16_H
#define HIPKB_HIP_ON_CUDA_HIP_BF16_H

#include <hip/hip_runtime_api.h>

#include <cuda_bf16.h>

using __hip_bfloat16 = __nv_bfloat16;
using __hip_bfloat162 = __nv_bfloat162;
using __hip_bfloat16_raw = __nv_bfloat16_raw;
using __hip_bfloat162_raw = __nv_bfloat162_raw;

#endif  // HIPKB_HIP_ON_CUDA_HIP_BF16_H
