/* hipkb's HIP-on-CUDA layer: HIP's complex numbers, mapped onto cuComplex.
 *
 * hipFloatComplex / hipDoubleComplex are CUDA's cuFloatComplex /
 * cuDoubleComplex (float2 / double2, as in HIP), and each function forwards
 * to its cuComplex twin.
 */
#ifndef HIPKB_HIP_ON_CUDA_HIP_COMPLEX_H
#define HIPKB_HIP_ON_CUDA_HIP_COMPLEX_H

#include <hip/hip_runtime_api.h>

#include <cuComplex.h>

using hipFloatComplex = cuFloatComplex;
using hipDoubleComplex = cuDoubleComplex;
using hipComplex = cuComplex;

__host__ __device__ inline hipFloatComplex make_hipFloatComplex(float real, float imag) {
    return make_cuFloatComplex(real, imag);
}
__host__ __device__ inline hipDoubleComplex make_hipDoubleComplex(double real, double imag) {
    return make_cuDoubleComplex(real, imag);
}
__host__ __device__ inline hipComplex make_hipComplex(float real, float imag) { return make_cuComplex(real, imag); }

__host__ __device__ inline float hipCrealf(hipFloatComplex z) { return cuCrealf(z); }
__host__ __device__ inline float hipCimagf(hipFloatComplex z) { return cuCimagf(z); }
__host__ __device__ inline hipFloatComplex hipConjf(hipFloatComplex z) { return cuConjf(z); }
__host__ __device__ inline hipFloatComplex hipCaddf(hipFloatComplex a, hipFloatComplex b) { return cuCaddf(a, b); }
__host__ __device__ inline hipFloatComplex hipCsubf(hipFloatComplex a, hipFloatComplex b) { return cuCsubf(a, b); }
__host__ __device__ inline hipFloatComplex hipCmulf(hipFloatComplex a, hipFloatComplex b) { return cuCmulf(a, b); }
__host__ __device__ inline hipFloatComplex hipCdivf(hipFloatComplex a, hipFloatComplex b) { return cuCdivf(a, b); }
__host__ __device__ inline float hipCabsf(hipFloatComplex z) { return cuCabsf(z); }
__host__ __device__ inline hipFloatComplex hipCfmaf(hipFloatComplex a, hipFloatComplex b, hipFloatComplex c) {
    return cuCfmaf(a, b, c);
}

__host__ __device__ inline double hipCreal(hipDoubleComplex z) { return cuCreal(z); }
__host__ __device__ inline double hipCimag(hipDoubleComplex z) { return cuCimag(z); }
__host__ __device__ inline hipDoubleComplex hipConj(hipDoubleComplex z) { return cuConj(z); }
__host__ __device__ inline hipDoubleComplex hipCadd(hipDoubleComplex a, hipDoubleComplex b) { return cuCadd(a, b); }
__host__ __device__ inline hipDoubleComplex hipCsub(hipDoubleComplex a, hipDoubleComplex b) { return cuCsub(a, b); }
__host__ __device__ inline hipDoubleComplex hipCmul(hipDoubleComplex a, hipDoubleComplex b) { return cuCmul(a, b); }
__host__ __device__ inline hipDoubleComplex hipCdiv(hipDoubleComplex a, hipDoubleComplex b) { return cuCdiv(a, b); }
__host__ __device__ inline double hipCabs(hipDoubleComplex z) { return cuCabs(z); }
__host__ __device__ inline hipDoubleComplex hipCfma(hipDoubleComplex a, hipDoubleComplex b, hipDoubleComplex c) {
    return cuCfma(a, b, c);
}

__host__ __device__ inline hipDoubleComplex hipComplexFloatToDouble(hipFloatComplex z) {
    return cuComplexFloatToDouble(z);
}
__host__ __device__ inline hipFloatComplex hipComplexDoubleToFloat(hipDoubleComplex z) {
    return cuComplexDoubleToFloat(z);
}

#endif  // HIPKB_HIP_ON_CUDA_HIP_COMPLEX_H
