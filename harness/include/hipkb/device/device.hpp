#pragma once
// The device layer: memory, streams, timers and L2 flushing on the build's
// platform (HIP on amd, HIP-on-CUDA on nvidia, plain host memory on host).
// Every resource is move-only and released in its destructor.

#include <hipkb/core/device_availability.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace hipkb {

struct device_info {
    std::string platform;  // amd, nvidia, host or cpu
    std::string name;
    std::string architecture;  // gcnArchName on amd, sm_XY on nvidia
    int ordinal = 0;
    int warp_size = 1;
    int multiprocessors = 0;
    std::size_t l2_bytes = 0;  // the last-level cache a flush must cover (L2, or a larger memory-side cache)
    std::size_t global_memory_bytes = 0;
    double clock_mhz = 0.0;
    double memory_clock_mhz = 0.0;
    int memory_bus_bits = 0;
    double peak_bandwidth_bytes_per_second = 0.0;  // from clock and bus width; 0 when unknown
    int driver_version = 0;
    int runtime_version = 0;
};

// Thrown when a device call fails: the call, file:line and the runtime's message.
class device_error : public std::runtime_error {
public:
    device_error(int code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    [[nodiscard]] int code() const { return m_code; }

private:
    int m_code;
};

// The build's platform name: "amd", "nvidia" or "host".
[[nodiscard]] std::string platform_name();
// Whether a device can be used; `reason` says why not. `absent` (no GPU, no
// driver) is a skip; `broken` (an old driver, a runtime that fails) is a
// failure (hipkb/core/device_availability.hpp).
struct device_status {
    device_availability state = device_availability::usable;
    std::string reason;
};
[[nodiscard]] device_status probe_device();
// The device the harness uses (HIP_VISIBLE_DEVICES / CUDA_VISIBLE_DEVICES pick it).
[[nodiscard]] device_info query_device();
// Text of a runtime error code as returned by hipkb_run (on the cpu
// platform with the reason the last launch failed, when one did).
[[nodiscard]] std::string error_string(int code);

// Returns and clears the runtime's pending error (hipGetLastError); 0 when
// there is none, and always on the host platform.
[[nodiscard]] int take_pending_error();

// The order in which the threads of a block run between two barriers. Only
// cpu execution can choose it (GPU hardware decides there, and this is a
// no-op); a kernel that is right in one order and wrong in another has a race.
enum class thread_order { forward, reverse, shuffled };
void set_thread_order(thread_order order, std::uint64_t seed);

// cpu execution only: kernel launches since the last call and the most
// blocks one of them had (GPUs: nullopt, not counted).
struct launch_counts {
    std::uint64_t launches = 0;
    std::uint64_t largest_grid = 0;
};
[[nodiscard]] std::optional<launch_counts> take_launch_counts();
[[nodiscard]] constexpr const char* thread_order_name(thread_order order) {
    return order == thread_order::forward ? "forward" : order == thread_order::reverse ? "reverse" : "shuffled";
}

class stream {
public:
    stream();  // a non-blocking stream, never the default one
    ~stream();
    stream(stream&& other) noexcept;
    stream& operator=(stream&& other) noexcept;
    stream(const stream&) = delete;
    stream& operator=(const stream&) = delete;

    [[nodiscard]] void* handle() const { return m_handle; }
    void synchronize() const;

private:
    void* m_handle = nullptr;
};

class device_memory {
public:
    device_memory() = default;
    explicit device_memory(std::size_t bytes);
    ~device_memory();
    device_memory(device_memory&& other) noexcept;
    device_memory& operator=(device_memory&& other) noexcept;
    device_memory(const device_memory&) = delete;
    device_memory& operator=(const device_memory&) = delete;

    [[nodiscard]] void* get() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_bytes; }

    void upload(const void* source, std::size_t bytes);
    void download(void* destination, std::size_t bytes) const;
    // Copies `bytes` starting at `offset` to the host (synchronous).
    void download_range(std::size_t offset, void* destination, std::size_t bytes) const;
    // Sets every byte, ordered on `on` (so it cannot race with launches there).
    void fill(unsigned char value, const stream& on);
    // Sets `bytes` bytes from `offset`, ordered on `on`.
    void fill_range(std::size_t offset, std::size_t bytes, unsigned char value, const stream& on);
    // Copies the first `bytes` bytes of `source` here, device to device, ordered on `on`.
    void copy_from(const device_memory& source, std::size_t bytes, const stream& on);

private:
    void* m_data = nullptr;
    std::size_t m_bytes = 0;
};

// Times work on one stream with device events (steady_clock on host).
class event_timer {
public:
    event_timer();
    ~event_timer();
    event_timer(event_timer&& other) noexcept;
    event_timer& operator=(event_timer&& other) noexcept;
    event_timer(const event_timer&) = delete;
    event_timer& operator=(const event_timer&) = delete;

    void start(const stream& on);
    void stop(const stream& on);
    // Waits for the stop event and returns the seconds between the events.
    [[nodiscard]] double seconds();

private:
    void* m_start = nullptr;
    void* m_stop = nullptr;
    [[maybe_unused]] double m_host_seconds = 0.0;  // host platform only
};

// Evicts the last-level cache between timed launches by overwriting a
// buffer twice its size, so every launch starts cold (as nvbench's cold
// measurement does).
class l2_flusher {
public:
    explicit l2_flusher(std::size_t cache_bytes);
    void flush(const stream& on);

private:
    device_memory m_buffer;
    unsigned char m_value = 0;
};

// Waits for all work on the device, on every stream.
void synchronize_device();

}  // namespace hipkb
