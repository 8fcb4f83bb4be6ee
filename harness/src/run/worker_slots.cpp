#include <hipkb/run/worker_slots.hpp>

#include <hipkb/core/visible_devices.hpp>

#include <algorithm>

namespace hipkb {

std::vector<worker_slot> plan_worker_slots(int jobs, std::string_view execution, std::string_view platform,
                                           const std::vector<int>& visible) {
    const std::size_t wanted = static_cast<std::size_t>(std::max(jobs, 1));
    std::vector<worker_slot> slots;
    if (execution == "cpu" || visible.empty()) {
        // No GPU to share out: the CPU twins (or the skips of GPU benches on
        // a machine without one) run side by side.
        slots.resize(wanted);
        return slots;
    }
    // One bench per GPU at a time: more workers than GPUs would share one.
    for (std::size_t i = 0; i < std::min(wanted, visible.size()); ++i) {
        slots.push_back({visible[i], bind_to_gpu_environment(platform, visible[i])});
    }
    return slots;
}

}  // namespace hipkb
