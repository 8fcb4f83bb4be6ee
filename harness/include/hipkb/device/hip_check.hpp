// HIPKB_HIP_CHECK(call): a failed HIP runtime call becomes a device_error that
// names the call, its file and line, and the runtime's own error name. For
// code compiled against a HIP runtime (the device layer, GPU tests, probes).
#pragma once

#include <hipkb/device/device.hpp>

#include <fmt/core.h>
#include <hip/hip_runtime_api.h>

#include <source_location>

namespace hipkb {

inline void check_hip(hipError_t code, const char* call, std::source_location where = std::source_location::current()) {
    if (code != hipSuccess) {
        throw device_error(static_cast<int>(code),
                           fmt::format("{} failed at {}:{}: {} ({}, {})", call, where.file_name(), where.line(),
                                       hipGetErrorString(code), hipGetErrorName(code), static_cast<int>(code)));
    }
}

}  // namespace hipkb

// A macro only because the call's text is part of the message. The location
// is taken here, not from check_hip's default argument: clang 15 gives a
// defaulted std::source_location::current() the default's own line.
#define HIPKB_HIP_CHECK(expr) ::hipkb::check_hip((expr), #expr, std::source_location::current())
