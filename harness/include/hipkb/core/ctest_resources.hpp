#pragma once
// CTest's resource allocation for GPUs: the resource spec file `hipkb
// devices --resource-spec` writes (one "gpus" entry per visible GPU, one
// slot each), and the binding of a bench process to the GPU CTest gave it
// (CTEST_RESOURCE_GROUP_0_GPUS=id:N,slots:1 for RESOURCE_GROUPS "gpus:1").

#include <hipkb/core/visible_devices.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hipkb {

// The resource spec (JSON, version 1.0): GPU ids are the positions 0..n-1
// in `visible` (the device indices of a process with this environment).
[[nodiscard]] std::string ctest_resource_spec(const std::vector<int>& visible);

// The id CTest gave this test from the "gpus" resources, or nullopt when the
// test runs without a resource spec. Throws std::invalid_argument when the
// variable is not of the form "id:N,slots:M".
[[nodiscard]] std::optional<int> ctest_gpu_id(const environment_lookup& environment);

// The "NAME=value" entries that bind this process to its CTest GPU: nothing
// without an allocation, else the driver's GPU at position id of the GPUs
// visible here. Throws std::invalid_argument when the id is not visible.
[[nodiscard]] std::vector<std::string> ctest_gpu_binding(std::string_view platform, int driver_count,
                                                         const environment_lookup& environment);

// Applies ctest_gpu_binding to this process's environment (before the GPU
// runtime starts, which reads it once). Returns an error message, or "".
[[nodiscard]] std::string bind_to_ctest_gpu(std::string_view platform);

}  // namespace hipkb
