#include <hipkb/core/device_availability.hpp>

#include <gtest/gtest.h>

namespace {

using hipkb::classify_device_query;
using hipkb::device_availability;
using hipkb::device_query;

TEST(DeviceAvailability, DevicesFoundAreUsable) {
    EXPECT_EQ(classify_device_query({.device_count = 2}), device_availability::usable);
}

TEST(DeviceAvailability, ZeroDevicesOrNoDeviceErrorIsASkip) {
    EXPECT_EQ(classify_device_query({.device_count = 0}), device_availability::absent);
    EXPECT_EQ(classify_device_query({.failed = true, .error_is_no_device = true}), device_availability::absent);
}

TEST(DeviceAvailability, NoDriverIsASkipOnlyWhenNoDriverIsInstalled) {
    EXPECT_EQ(classify_device_query({.failed = true, .error_is_no_driver = true, .driver_installed = false}),
              device_availability::absent);
    // A driver is there but too old for the toolkit: broken, not absent.
    EXPECT_EQ(classify_device_query({.failed = true, .error_is_no_driver = true, .driver_installed = true}),
              device_availability::broken);
}

TEST(DeviceAvailability, AnyOtherErrorIsAFailureNotASkip) {
    EXPECT_EQ(classify_device_query({.failed = true}), device_availability::broken);
    EXPECT_EQ(classify_device_query({.failed = true, .driver_installed = true}), device_availability::broken);
}

}  // namespace
