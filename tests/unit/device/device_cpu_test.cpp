// The HIP device layer (device_hip.cpp) over hipkb's HIP-on-CPU runtime.
#include <hipkb/device/device.hpp>
#include <hipkb/device/hip_check.hpp>

#include <gtest/gtest.h>
#include <hip/hip_runtime_api.h>
#include <hipkb_cpu/control.h>
#include <hipkb_cpu/kernel.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The thread indices of one block of `threads`, in the order they ran.
std::vector<unsigned> run_order(unsigned threads) {
    std::vector<unsigned> order;
    const hipError_t status = hipkb::cpu::launch(
        hipkb::cpu::make_launch_config(dim3(1), dim3(threads)),
        [](std::vector<unsigned>* seen) { seen->push_back(threadIdx.x); }, &order);
    EXPECT_EQ(status, hipSuccess);
    return order;
}

class DeviceCpu : public ::testing::Test {
protected:
    void SetUp() override {
        (void)hipkb::take_pending_error();
        (void)hipkb::error_string(0);  // clears a launch failure left by an earlier test
        (void)hipkb::take_launch_counts();
    }
    void TearDown() override { hipkb::set_thread_order(hipkb::thread_order::forward, 0); }
};

TEST_F(DeviceCpu, the_platform_is_cpu_and_the_probe_finds_a_usable_device) {
    EXPECT_EQ(hipkb::platform_name(), "cpu");
    const hipkb::device_status status = hipkb::probe_device();
    EXPECT_EQ(status.state, hipkb::device_availability::usable);
    EXPECT_EQ(status.reason, "");
}

// A CPU has no GPU clock, memory clock or bus width: they are reported as
// unknown (0), so no bandwidth roofline is made up from them.
TEST_F(DeviceCpu, properties_are_honest_for_a_cpu) {
    const hipkb::device_info info = hipkb::query_device();
    EXPECT_EQ(info.platform, "cpu");
    EXPECT_EQ(info.architecture, "cpu");
    EXPECT_TRUE(contains(info.name, "CPU execution")) << info.name;
    EXPECT_EQ(info.ordinal, 0);
    EXPECT_EQ(info.warp_size, warpSize);
    EXPECT_TRUE(info.warp_size == 64 || info.warp_size == 32) << info.warp_size;
    EXPECT_EQ(info.multiprocessors, hipkb::cpu::worker_count()) << "one block at a time per worker thread";
    EXPECT_GE(info.multiprocessors, 1);
    EXPECT_EQ(info.clock_mhz, 0.0);
    EXPECT_EQ(info.memory_clock_mhz, 0.0);
    EXPECT_EQ(info.memory_bus_bits, 0);
    EXPECT_EQ(info.peak_bandwidth_bytes_per_second, 0.0);
    const auto physical =
        static_cast<std::size_t>(::sysconf(_SC_PHYS_PAGES)) * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    EXPECT_EQ(info.global_memory_bytes, physical);
    long cache = ::sysconf(_SC_LEVEL2_CACHE_SIZE);
    if (cache <= 0) cache = ::sysconf(_SC_LEVEL3_CACHE_SIZE);
    EXPECT_EQ(info.l2_bytes, cache > 0 ? static_cast<std::size_t>(std::min(cache, 1L << 30)) : 0u);
}

TEST_F(DeviceCpu, no_error_is_pending_after_successful_calls) {
    hipkb::device_memory memory(64);
    const hipkb::stream on;
    memory.fill(1, on);
    on.synchronize();
    EXPECT_EQ(hipkb::take_pending_error(), 0);
}

TEST_F(DeviceCpu, a_failed_allocation_throws_naming_the_call_and_its_error_is_taken_once) {
    try {
        const hipkb::device_memory too_big(std::size_t{1} << 60);
        FAIL() << "allocated 2^60 bytes";
    } catch (const hipkb::device_error& error) {
        EXPECT_EQ(error.code(), static_cast<int>(hipErrorOutOfMemory));
        EXPECT_TRUE(contains(error.what(), "hipMalloc")) << error.what();
        EXPECT_TRUE(contains(error.what(), "out of memory")) << error.what();
    }
    EXPECT_EQ(hipkb::take_pending_error(), static_cast<int>(hipErrorOutOfMemory));
    EXPECT_EQ(hipkb::take_pending_error(), 0) << "taking the error clears it";
}

TEST_F(DeviceCpu, a_failed_launch_is_pending_and_its_reason_is_in_the_error_text_once) {
    const hipError_t status = hipkb::cpu::launch(hipkb::cpu::make_launch_config(dim3(1), dim3(0)), [] {});
    ASSERT_EQ(status, hipErrorInvalidConfiguration);
    const int pending = hipkb::take_pending_error();
    EXPECT_EQ(pending, static_cast<int>(hipErrorInvalidConfiguration));
    EXPECT_EQ(hipkb::take_pending_error(), 0);
    const std::string text = hipkb::error_string(pending);
    EXPECT_TRUE(contains(text, "invalid configuration argument")) << text;
    EXPECT_TRUE(contains(text, "every dimension must be at least 1")) << text;
    EXPECT_FALSE(contains(hipkb::error_string(pending), "every dimension")) << "the reason belongs to one launch";
}

TEST_F(DeviceCpu, launch_counts_give_the_launches_and_the_largest_grid_since_the_last_call) {
    const auto body = [] {};
    ASSERT_EQ(hipkb::cpu::launch(hipkb::cpu::make_launch_config(dim3(3), dim3(4)), body), hipSuccess);
    ASSERT_EQ(hipkb::cpu::launch(hipkb::cpu::make_launch_config(dim3(5, 2), dim3(2)), body), hipSuccess);
    const std::optional<hipkb::launch_counts> counts = hipkb::take_launch_counts();
    ASSERT_TRUE(counts.has_value()) << "cpu execution counts its launches";
    EXPECT_EQ(counts->launches, 2u);
    EXPECT_EQ(counts->largest_grid, 10u);
    const std::optional<hipkb::launch_counts> again = hipkb::take_launch_counts();
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->launches, 0u);
    EXPECT_EQ(again->largest_grid, 0u);
}

// Without a barrier each thread runs to its end before the next starts, in
// the order the harness chose: the order is what exposes races.
TEST_F(DeviceCpu, the_thread_order_decides_how_a_blocks_threads_run) {
    hipkb::set_thread_order(hipkb::thread_order::forward, 0);
    EXPECT_EQ(run_order(6), (std::vector<unsigned>{0, 1, 2, 3, 4, 5}));
    hipkb::set_thread_order(hipkb::thread_order::reverse, 0);
    EXPECT_EQ(run_order(6), (std::vector<unsigned>{5, 4, 3, 2, 1, 0}));
    hipkb::set_thread_order(hipkb::thread_order::shuffled, 7);
    const std::vector<unsigned> shuffled = run_order(64);
    EXPECT_EQ(run_order(64), shuffled) << "a seed names one order";
    std::vector<unsigned> sorted = shuffled;
    std::sort(sorted.begin(), sorted.end());
    std::vector<unsigned> identity(64);
    for (unsigned i = 0; i < 64; ++i) identity[i] = i;
    EXPECT_EQ(sorted, identity) << "every thread runs once";
    EXPECT_NE(shuffled, identity);
    hipkb::set_thread_order(hipkb::thread_order::shuffled, 8);
    EXPECT_NE(run_order(64), shuffled) << "another seed, another order";
}

TEST_F(DeviceCpu, a_failed_hip_call_becomes_a_device_error_naming_call_place_and_error) {
    try {
        HIPKB_HIP_CHECK(hipSetDevice(3));
        FAIL() << "hipSetDevice(3) succeeded with one device";
    } catch (const hipkb::device_error& error) {
        const std::string message = error.what();
        EXPECT_EQ(error.code(), static_cast<int>(hipErrorInvalidDevice));
        EXPECT_TRUE(contains(message, "hipSetDevice(3) failed at")) << message;
        EXPECT_TRUE(contains(message, "device_cpu_test.cpp:")) << message;
        EXPECT_TRUE(contains(message, "hipErrorInvalidDevice")) << message;
    }
}

}  // namespace
