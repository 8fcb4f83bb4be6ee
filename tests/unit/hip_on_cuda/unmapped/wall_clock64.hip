// wall_clock64's tick rate is AMD-specific: a compile error naming it rather
// than timings in the wrong unit.
// expect-error: wall_clock64 is not mapped by hipkb's HIP-on-CUDA layer: its tick rate
#include <hip/hip_runtime.h>

__global__ void stamp(long long* t) {
#ifdef HIPKB_EXPECT_ERROR
    t[threadIdx.x] = wall_clock64();
#else
    t[threadIdx.x] = clock64();
#endif
}
