// The host platform's device layer (device_host.cpp): host memory, plain
// function calls, no runtime errors and no launches to count.
#include <hipkb/device/device.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <thread>

namespace {

TEST(DeviceHost, the_platform_is_host_and_always_usable) {
    EXPECT_EQ(hipkb::platform_name(), "host");
    EXPECT_EQ(hipkb::probe_device().state, hipkb::device_availability::usable);
}

TEST(DeviceHost, properties_describe_the_host_cpu) {
    const hipkb::device_info info = hipkb::query_device();
    EXPECT_EQ(info.platform, "host");
    EXPECT_EQ(info.architecture, "host");
    EXPECT_EQ(info.warp_size, 1);
    EXPECT_EQ(info.multiprocessors, static_cast<int>(std::thread::hardware_concurrency()));
    EXPECT_EQ(info.peak_bandwidth_bytes_per_second, 0.0);
    // The flush is capped at 8 MiB: a VM's reported L3 would dominate a host run.
    EXPECT_GT(info.l2_bytes, 0u);
    EXPECT_LE(info.l2_bytes, std::size_t{8} << 20);
}

TEST(DeviceHost, there_is_no_runtime_error_state_and_no_launch_count) {
    EXPECT_EQ(hipkb::take_pending_error(), 0);
    EXPECT_FALSE(hipkb::take_launch_counts().has_value());
    EXPECT_EQ(hipkb::error_string(3), "host implementation returned 3");
}

}  // namespace
