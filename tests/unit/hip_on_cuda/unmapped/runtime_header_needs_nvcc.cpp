// The kernel-language header from the host compiler: an error saying to use
// nvcc, or <hip/hip_runtime_api.h> for host-only code.
// expect-error: hip/hip_runtime.h of hipkb's HIP-on-CUDA layer needs nvcc
#ifdef HIPKB_EXPECT_ERROR
#include <hip/hip_runtime.h>
#else
#include <hip/hip_runtime_api.h>
#endif

int ok() { return static_cast<int>(hipSuccess); }
