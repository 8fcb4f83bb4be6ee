// The device layer over the HIP runtime API. On the nvidia platform the same
// code compiles against the project's HIP-on-CUDA headers.
#include <hipkb/core/device_architecture.hpp>
#include <hipkb/device/device.hpp>
#include <hipkb/device/hip_check.hpp>

#include <fmt/core.h>
#include <hip/hip_runtime_api.h>
#if defined(HIPKB_HIP_ON_CPU)
#include <hipkb_cpu/control.h>
#endif

#include <utility>

namespace hipkb {

namespace {

// Destructors must not throw; a failure there is reported and ignored.
void check_noexcept(hipError_t code, const char* call) noexcept {
    if (code != hipSuccess) {
        fmt::print(stderr, "hipkb: warning: {} failed in a destructor: {}\n", call, hipGetErrorString(code));
    }
}

}  // namespace

std::string platform_name() { return HIPKB_PLATFORM_NAME; }

device_status probe_device() {
    int count = 0;
    const hipError_t code = hipGetDeviceCount(&count);
    device_query query;
    query.failed = code != hipSuccess;
    query.error_is_no_device = code == hipErrorNoDevice;
    query.error_is_no_driver = code == hipErrorInsufficientDriver;
    query.driver_installed = gpu_driver_installed();
    query.device_count = count;
    device_status status;
    status.state = classify_device_query(query);
    if (query.failed) {
        status.reason =
            fmt::format("hipGetDeviceCount returned {} ({})", hipGetErrorName(code), hipGetErrorString(code));
        if (status.state == device_availability::broken && query.error_is_no_driver) {
            status.reason += ": a GPU driver is installed but older than this toolkit needs";
        }
        status.reason = (status.state == device_availability::absent ? "no usable GPU: " : "the GPU runtime failed: ") +
                        status.reason;
    } else if (count == 0) {
        status.reason = "no GPU device found (hipGetDeviceCount returned 0)";
    }
    return status;
}

device_info query_device() {
    device_info info;
    info.platform = platform_name();
    HIPKB_HIP_CHECK(hipGetDevice(&info.ordinal));
    hipDeviceProp_t props{};
    HIPKB_HIP_CHECK(hipGetDeviceProperties(&props, info.ordinal));
    info.name = props.name;
#if defined(__HIP_PLATFORM_AMD__) || defined(HIPKB_HIP_ON_CPU)
    info.architecture = props.gcnArchName;
#else
    info.architecture = fmt::format("sm_{}{}", props.major, props.minor);
#endif
    int value = 0;
    HIPKB_HIP_CHECK(hipDeviceGetAttribute(&value, hipDeviceAttributeWarpSize, info.ordinal));
    info.warp_size = value;
    HIPKB_HIP_CHECK(hipDeviceGetAttribute(&value, hipDeviceAttributeMultiprocessorCount, info.ordinal));
    info.multiprocessors = value;
    HIPKB_HIP_CHECK(hipDeviceGetAttribute(&value, hipDeviceAttributeL2CacheSize, info.ordinal));
    info.l2_bytes = static_cast<std::size_t>(value);
    HIPKB_HIP_CHECK(hipDeviceGetAttribute(&value, hipDeviceAttributeClockRate, info.ordinal));
    info.clock_mhz = value / 1000.0;
    HIPKB_HIP_CHECK(hipDeviceGetAttribute(&value, hipDeviceAttributeMemoryClockRate, info.ordinal));
    info.memory_clock_mhz = value / 1000.0;
    HIPKB_HIP_CHECK(hipDeviceGetAttribute(&value, hipDeviceAttributeMemoryBusWidth, info.ordinal));
    info.memory_bus_bits = value;
    info.global_memory_bytes = props.totalGlobalMem;
    // Transfers per reported memory clock depend on the part (2 for DDR,
    // 4 for MI300's HBM3 as ROCm reports it).
    info.peak_bandwidth_bytes_per_second =
        memory_transfers_per_clock(info.architecture) * info.memory_clock_mhz * 1e6 * info.memory_bus_bits / 8.0;
    // The flush must cover caches the API does not report as L2.
    info.l2_bytes = last_level_cache_bytes(info.architecture, info.l2_bytes);
    HIPKB_HIP_CHECK(hipDriverGetVersion(&info.driver_version));
    HIPKB_HIP_CHECK(hipRuntimeGetVersion(&info.runtime_version));
    return info;
}

std::string error_string(int code) {
    std::string text = fmt::format("{} ({})", hipGetErrorString(static_cast<hipError_t>(code)), code);
#if defined(HIPKB_HIP_ON_CPU)
    // The CPU layer knows why a launch failed (a divergent barrier, an
    // exception in a kernel, a bad configuration): say it.
    if (const std::string why = hipkb::cpu::take_launch_failure(); !why.empty()) text += ": " + why;
#endif
    return text;
}

int take_pending_error() { return static_cast<int>(hipGetLastError()); }

void set_thread_order(thread_order order, std::uint64_t seed) {
#if defined(HIPKB_HIP_ON_CPU)
    const hipkb::cpu::schedule_order mapped = order == thread_order::reverse    ? hipkb::cpu::schedule_order::reverse
                                              : order == thread_order::shuffled ? hipkb::cpu::schedule_order::shuffled
                                                                                : hipkb::cpu::schedule_order::forward;
    hipkb::cpu::set_schedule({mapped, seed});
#else
    (void)order;
    (void)seed;
#endif
}

std::optional<launch_counts> take_launch_counts() {
#if defined(HIPKB_HIP_ON_CPU)
    const hipkb::cpu::launch_counts counts = hipkb::cpu::take_launch_counts();
    return launch_counts{counts.launches, counts.largest_grid};
#else
    return std::nullopt;
#endif
}

stream::stream() {
    hipStream_t handle = nullptr;
    HIPKB_HIP_CHECK(hipStreamCreateWithFlags(&handle, hipStreamNonBlocking));
    m_handle = handle;
}

stream::~stream() {
    if (m_handle) check_noexcept(hipStreamDestroy(static_cast<hipStream_t>(m_handle)), "hipStreamDestroy");
}

stream::stream(stream&& other) noexcept : m_handle(std::exchange(other.m_handle, nullptr)) {}

stream& stream::operator=(stream&& other) noexcept {
    std::swap(m_handle, other.m_handle);
    return *this;
}

void stream::synchronize() const { HIPKB_HIP_CHECK(hipStreamSynchronize(static_cast<hipStream_t>(m_handle))); }

device_memory::device_memory(std::size_t bytes) : m_bytes(bytes) {
    HIPKB_HIP_CHECK(hipMalloc(&m_data, bytes == 0 ? 1 : bytes));
}

device_memory::~device_memory() {
    if (m_data) check_noexcept(hipFree(m_data), "hipFree");
}

device_memory::device_memory(device_memory&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_bytes(std::exchange(other.m_bytes, 0)) {}

device_memory& device_memory::operator=(device_memory&& other) noexcept {
    std::swap(m_data, other.m_data);
    std::swap(m_bytes, other.m_bytes);
    return *this;
}

void device_memory::upload(const void* source, std::size_t bytes) {
    HIPKB_HIP_CHECK(hipMemcpy(m_data, source, bytes, hipMemcpyHostToDevice));
    // A pageable copy goes through the legacy default stream, which is not
    // ordered with the harness's non-blocking stream: finish it before any
    // launch can read the buffer.
    HIPKB_HIP_CHECK(hipDeviceSynchronize());
}

void device_memory::download(void* destination, std::size_t bytes) const {
    HIPKB_HIP_CHECK(hipMemcpy(destination, m_data, bytes, hipMemcpyDeviceToHost));
}

void device_memory::download_range(std::size_t offset, void* destination, std::size_t bytes) const {
    HIPKB_HIP_CHECK(hipMemcpy(destination, static_cast<const char*>(m_data) + offset, bytes, hipMemcpyDeviceToHost));
}

void device_memory::fill_range(std::size_t offset, std::size_t bytes, unsigned char value, const stream& on) {
    HIPKB_HIP_CHECK(
        hipMemsetAsync(static_cast<char*>(m_data) + offset, value, bytes, static_cast<hipStream_t>(on.handle())));
}

void device_memory::copy_from(const device_memory& source, std::size_t bytes, const stream& on) {
    HIPKB_HIP_CHECK(
        hipMemcpyAsync(m_data, source.m_data, bytes, hipMemcpyDeviceToDevice, static_cast<hipStream_t>(on.handle())));
}

void device_memory::fill(unsigned char value, const stream& on) {
    HIPKB_HIP_CHECK(hipMemsetAsync(m_data, value, m_bytes, static_cast<hipStream_t>(on.handle())));
}

event_timer::event_timer() {
    hipEvent_t start = nullptr;
    hipEvent_t stop = nullptr;
    HIPKB_HIP_CHECK(hipEventCreate(&start));
    m_start = start;
    HIPKB_HIP_CHECK(hipEventCreate(&stop));
    m_stop = stop;
}

event_timer::~event_timer() {
    if (m_start) check_noexcept(hipEventDestroy(static_cast<hipEvent_t>(m_start)), "hipEventDestroy");
    if (m_stop) check_noexcept(hipEventDestroy(static_cast<hipEvent_t>(m_stop)), "hipEventDestroy");
}

event_timer::event_timer(event_timer&& other) noexcept
    : m_start(std::exchange(other.m_start, nullptr)), m_stop(std::exchange(other.m_stop, nullptr)) {}

event_timer& event_timer::operator=(event_timer&& other) noexcept {
    std::swap(m_start, other.m_start);
    std::swap(m_stop, other.m_stop);
    return *this;
}

void event_timer::start(const stream& on) {
    HIPKB_HIP_CHECK(hipEventRecord(static_cast<hipEvent_t>(m_start), static_cast<hipStream_t>(on.handle())));
}

void event_timer::stop(const stream& on) {
    HIPKB_HIP_CHECK(hipEventRecord(static_cast<hipEvent_t>(m_stop), static_cast<hipStream_t>(on.handle())));
}

double event_timer::seconds() {
    HIPKB_HIP_CHECK(hipEventSynchronize(static_cast<hipEvent_t>(m_stop)));
    float ms = 0.0f;
    HIPKB_HIP_CHECK(hipEventElapsedTime(&ms, static_cast<hipEvent_t>(m_start), static_cast<hipEvent_t>(m_stop)));
    return static_cast<double>(ms) * 1e-3;
}

l2_flusher::l2_flusher(std::size_t cache_bytes) : m_buffer(cache_bytes == 0 ? 0 : 2 * cache_bytes) {}

void l2_flusher::flush(const stream& on) {
    if (m_buffer.size() == 0) return;
    m_value = static_cast<unsigned char>(m_value + 1);
    m_buffer.fill(m_value, on);
}

void synchronize_device() { HIPKB_HIP_CHECK(hipDeviceSynchronize()); }

}  // namespace hipkb
