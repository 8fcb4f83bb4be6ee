// A driver-API fill with no runtime-API twin: a compile error naming it.
// expect-error: hipMemsetD32 \(driver API\) is not mapped by hipkb's HIP-on-CUDA layer
#include <hip/hip_runtime_api.h>

hipError_t fill(void* p) {
#ifdef HIPKB_EXPECT_ERROR
    return hipMemsetD32(p, 0x3f800000, 64);
#else
    return hipMemset(p, 0, 64 * sizeof(int));
#endif
}
