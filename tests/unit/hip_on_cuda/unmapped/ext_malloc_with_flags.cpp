// An AMD-only allocation API: a compile error naming it, from host C++.
// expect-error: hipExtMallocWithFlags is AMD-only and not mapped by hipkb's HIP-on-CUDA layer; use hipMalloc
#include <hip/hip_runtime_api.h>

hipError_t allocate(void** p) {
#ifdef HIPKB_EXPECT_ERROR
    return hipExtMallocWithFlags(p, 256, 0);
#else
    return hipMalloc(p, 256);
#endif
}
