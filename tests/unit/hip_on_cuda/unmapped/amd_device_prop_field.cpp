// hipDeviceProp_t has no AMD-only fields (gcnArch, arch, ...): reading one
// does not compile, and the compiler names the field.
// expect-error: no member named [^ ]*gcnArch[^N]
#include <hip/hip_runtime_api.h>

int architecture(const hipDeviceProp_t& prop) {
#ifdef HIPKB_EXPECT_ERROR
    return prop.gcnArch;
#else
    return prop.major * 10 + prop.minor;
#endif
}
