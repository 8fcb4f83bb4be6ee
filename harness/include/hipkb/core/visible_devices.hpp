#pragma once
// Which GPUs a process may use: the driver's GPUs narrowed by the runtime's
// visible-devices variables, and the variables that bind a child process to
// one of them. Pure functions of (GPU count, environment), so that they are
// tested with made-up lists on machines without a GPU.
//
// Each variable is a comma-separated list of indices into what the previous
// one left (so it narrows and renumbers); an empty value leaves no GPU; an
// entry that is not a number or is out of range ends the list, as in the
// runtimes; a repeated entry is ignored. The order:
//   amd:    ROCR_VISIBLE_DEVICES, then HIP_VISIBLE_DEVICES (CUDA_VISIBLE_DEVICES
//           when HIP_VISIBLE_DEVICES is unset, as HIP on ROCm reads it)
//   nvidia: CUDA_VISIBLE_DEVICES, then HIP_VISIBLE_DEVICES

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb {

// The value of an environment variable, or nullopt when it is unset.
using environment_lookup = std::function<std::optional<std::string>(std::string_view)>;

// This process's environment.
[[nodiscard]] environment_lookup process_environment();

// The driver's ordinals (0 .. physical_count-1) of the GPUs left visible, in
// the order the runtime numbers them (the position is the device index the
// process sees). platform: "amd" or "nvidia"; any other has no GPUs.
[[nodiscard]] std::vector<int> visible_gpus(std::string_view platform, int physical_count,
                                            const environment_lookup& environment);

// "NAME=value" entries that leave exactly the driver's GPU `physical`
// visible, as device 0, whatever the parent's variables were.
[[nodiscard]] std::vector<std::string> bind_to_gpu_environment(std::string_view platform, int physical);

// The GPU platform whose driver is installed here ("amd" for /dev/kfd,
// "nvidia" for /proc/driver/nvidia), or "" for none.
[[nodiscard]] std::string installed_gpu_platform();

// The GPUs the driver of `platform` lists, ignoring the visible-devices
// variables (amd: KFD topology nodes with SIMDs; nvidia:
// /proc/driver/nvidia/gpus). 0 without a driver.
[[nodiscard]] int driver_gpu_count(std::string_view platform);

}  // namespace hipkb
