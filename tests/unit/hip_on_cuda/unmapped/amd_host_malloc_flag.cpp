// An AMD-only pinned-memory flag is not declared: the compiler names it.
// expect-error: (hipHostMallocCoherent[^ ]* was not declared|undeclared identifier 'hipHostMallocCoherent')
#include <hip/hip_runtime_api.h>

hipError_t pinned(void** p) {
#ifdef HIPKB_EXPECT_ERROR
    return hipHostMalloc(p, 256, hipHostMallocCoherent);
#else
    return hipHostMalloc(p, 256, hipHostMallocPortable);
#endif
}
