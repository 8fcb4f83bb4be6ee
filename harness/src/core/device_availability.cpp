#include <hipkb/core/device_availability.hpp>

#include <filesystem>

namespace hipkb {

device_availability classify_device_query(const device_query& query) {
    if (!query.failed) return query.device_count > 0 ? device_availability::usable : device_availability::absent;
    if (query.error_is_no_device) return device_availability::absent;
    // CUDA reports a missing driver and a driver too old for the toolkit
    // with the same code; only the first is "no GPU here".
    if (query.error_is_no_driver && !query.driver_installed) return device_availability::absent;
    return device_availability::broken;
}

bool gpu_driver_installed() {
    std::error_code ignored;
    for (const char* path : {"/dev/kfd", "/dev/nvidiactl", "/proc/driver/nvidia/version"}) {
        if (std::filesystem::exists(path, ignored)) return true;
    }
    return false;
}

}  // namespace hipkb
