// An AMD-only device attribute is simply not declared: the compiler names it.
// expect-error: (hipDeviceAttributeWallClockRate[^ ]* was not declared|undeclared identifier 'hipDeviceAttributeWallClockRate')
#include <hip/hip_runtime_api.h>

int wall_clock_rate() {
    int value = 0;
#ifdef HIPKB_EXPECT_ERROR
    (void)hipDeviceGetAttribute(&value, hipDeviceAttributeWallClockRate, 0);
#else
    (void)hipDeviceGetAttribute(&value, hipDeviceAttributeClockRate, 0);
#endif
    return value;
}
