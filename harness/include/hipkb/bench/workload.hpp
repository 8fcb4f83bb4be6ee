#pragma once
// A problem's tensors on the device for one size set and seed, and the
// entry-point arguments that point at them.

#include <hipkb/entry.h>
#include <hipkb/core/spec.hpp>
#include <hipkb/core/tensor.hpp>
#include <hipkb/device/device.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace hipkb {

class device_input_generator;

// Inputs generated from the seed: on the host and uploaded, or, given a
// device generator, drawn on the device and downloaded once for the host
// copy. At test sizes the device's draws are compared bit for bit with the
// host's, and a difference throws (device_input_mismatch: the device
// arithmetic differs from the host's, so no seed would name the same data).
class device_inputs {
public:
    device_inputs(const problem_spec& spec, size_set sizes, std::uint64_t seed,
                  const device_input_generator* generator = nullptr);

    [[nodiscard]] const std::vector<host_tensor>& host() const { return m_host; }
    [[nodiscard]] const std::vector<const void*>& pointers() const { return m_pointers; }
    [[nodiscard]] const std::vector<std::int64_t>& dims() const { return m_dims; }
    [[nodiscard]] std::uint64_t seed() const { return m_seed; }

    // Changes one element of every input (a different one each call, to a
    // tame value), ordered on `on`, so no two timed launches see the same
    // input bytes: a candidate that caches results cannot profit from it.
    // The host copy gets the same change.
    void perturb(std::uint64_t iteration, const stream& on);

    // Inputs are read-only to an implementation. Downloads every input and
    // compares it with the host copy: empty when nothing changed, else
    // "input x: 400012 bytes changed, the first at element 0".
    [[nodiscard]] std::string find_changes() const;

private:
    std::vector<host_tensor> m_host;
    std::vector<device_memory> m_device;
    std::vector<const void*> m_pointers;
    std::vector<std::int64_t> m_dims;
    std::uint64_t m_seed;
};

// One implementation's outputs on the device, each between two guard
// regions, so a write past either end is caught.
class device_outputs {
public:
    static constexpr std::size_t front_guard_bytes = 256;  // keeps outputs 256-byte aligned
    static constexpr std::size_t back_guard_bytes = 4096;
    static constexpr unsigned char guard_byte = 0xA5;

    device_outputs(const problem_spec& spec, size_set sizes);

    // Fills every output with 0xFF bytes (NaN) and re-arms the guards, on the stream.
    void poison(const stream& on);
    [[nodiscard]] std::vector<host_tensor> download() const;
    [[nodiscard]] const std::vector<void*>& pointers() const { return m_pointers; }
    // A description of the first guard byte that changed ("output y: 8 bytes
    // written past the end, first at byte 0 after it"), or empty. Call after
    // the work has finished.
    [[nodiscard]] std::string check_guards() const;

private:
    struct output_shape {
        host_tensor tensor;  // name, type and shape; no contents
        std::size_t count_bytes;
    };
    std::vector<output_shape> m_shapes;
    std::vector<device_memory> m_device;
    std::vector<void*> m_pointers;
};

[[nodiscard]] hipkb_args make_args(const device_inputs& inputs, const device_outputs& outputs, const stream& on);

// Host-memory arguments, for the CPU golden.
[[nodiscard]] hipkb_args make_host_args(const std::vector<host_tensor>& inputs, std::vector<host_tensor>& outputs,
                                        const std::vector<std::int64_t>& dims, std::vector<const void*>& input_pointers,
                                        std::vector<void*>& output_pointers);

}  // namespace hipkb
