#pragma once
// Draws inputs on the device through the input generator module
// (harness/src/bench/input_generator.hip), so benchmark-size inputs cost
// milliseconds instead of seconds per tensor on the host.

#include <hipkb/bench/module.hpp>
#include <hipkb/core/inputs.hpp>
#include <hipkb/device/device.hpp>

#include <filesystem>

namespace hipkb {

class device_input_generator {
public:
    // Throws module_error when the module cannot be loaded.
    explicit device_input_generator(const std::filesystem::path& module);

    // Writes the input `plan` describes into `memory` (at least plan.count
    // elements), ordered on `on`. Throws device_error when the launch fails.
    void fill(device_memory& memory, const input_draw_plan& plan, const stream& on) const;

private:
    implementation_module m_module;
};

}  // namespace hipkb
