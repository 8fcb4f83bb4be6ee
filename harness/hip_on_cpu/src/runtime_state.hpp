#pragma once
// State the runtime API and the scheduler share: the last error of each host
// thread and the message of the last failed launch.

#include <hip/hip_runtime_api.h>

#include <string>

namespace hipkb::cpu::detail {

// Sets the calling thread's last error (hipGetLastError returns and clears it).
void set_last_error(hipError_t error);
// Records the message of a failed launch for take_launch_failure().
void record_launch_failure(const std::string& message);

}  // namespace hipkb::cpu::detail
