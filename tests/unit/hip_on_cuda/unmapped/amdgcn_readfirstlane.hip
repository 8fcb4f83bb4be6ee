// An AMD GCN builtin in device code: a compile error naming it, with the
// portable replacement.
// expect-error: __builtin_amdgcn_readfirstlane is not mapped by hipkb's HIP-on-CUDA layer: an AMD GCN/CDNA builtin
#include <hip/hip_runtime.h>

__global__ void broadcast(int* p) {
#ifdef HIPKB_EXPECT_ERROR
    p[threadIdx.x] = __builtin_amdgcn_readfirstlane(p[threadIdx.x]);
#else
    p[threadIdx.x] = __shfl(p[threadIdx.x], 0);
#endif
}
