#pragma once
// The parallel workers of `./build/bench --jobs N`: on the GPU, one worker
// per visible GPU (at most N), each bound to its GPU through the child's
// visible-devices variables, so that two benchmarks never share a GPU; on
// cpu execution (or with no GPU visible), N workers with no binding.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb {

struct worker_slot {
    std::optional<int> gpu;                // the driver's GPU ordinal, when bound
    std::vector<std::string> environment;  // "NAME=value" for every child it runs
};

// visible: the driver ordinals of the visible GPUs (visible_devices.hpp).
// execution: "auto", "gpu" or "cpu". Never empty: jobs < 1 counts as 1.
[[nodiscard]] std::vector<worker_slot> plan_worker_slots(int jobs, std::string_view execution,
                                                         std::string_view platform, const std::vector<int>& visible);

}  // namespace hipkb
