#pragma once
// Whether a failed device query means "no GPU here" (a benchmark is then
// skipped, exit 77) or "a GPU stack that is broken" (a failure with its
// message). Only an absent device or an absent driver is a skip: an old
// driver for a newer toolkit, a runtime that cannot initialise, or any other
// error must not turn a whole suite into a green run of skips.

#include <string>

namespace hipkb {

enum class device_availability { usable, absent, broken };

struct device_query {
    bool failed = false;              // the device-count call returned an error
    bool error_is_no_device = false;  // hipErrorNoDevice / cudaErrorNoDevice
    bool error_is_no_driver = false;  // hipErrorInsufficientDriver / cudaErrorInsufficientDriver
    bool driver_installed = false;    // /dev/kfd, /dev/nvidiactl or /proc/driver/nvidia present
    int device_count = 0;             // when the call succeeded
};

[[nodiscard]] device_availability classify_device_query(const device_query& query);

// "/dev/kfd", "/dev/nvidiactl" or "/proc/driver/nvidia/version" exists.
[[nodiscard]] bool gpu_driver_installed();

}  // namespace hipkb
