#include <hipkb/core/device_architecture.hpp>

#include <gtest/gtest.h>

namespace {

constexpr std::size_t mib = std::size_t{1} << 20;

TEST(DeviceArchitecture, Mi300HbmClockCountsFourTransfers) {
    EXPECT_EQ(hipkb::memory_transfers_per_clock("gfx942:sramecc+:xnack-"), 4.0);
    EXPECT_EQ(hipkb::memory_transfers_per_clock("gfx90a"), 2.0);
    EXPECT_EQ(hipkb::memory_transfers_per_clock("sm_90"), 2.0);
    // MI300X: 1300 MHz x 8192 bits reported; 5.3 TB/s is the data sheet's figure.
    const double bytes_per_second = hipkb::memory_transfers_per_clock("gfx942") * 1300e6 * 8192 / 8;
    EXPECT_NEAR(bytes_per_second / 1e12, 5.3, 0.1);
}

TEST(DeviceArchitecture, FlushCoversTheInfinityCacheTheApiDoesNotReport) {
    EXPECT_EQ(hipkb::last_level_cache_bytes("gfx942:sramecc+:xnack-", 4 * mib), 256 * mib);
    EXPECT_EQ(hipkb::last_level_cache_bytes("gfx1100", 6 * mib), 96 * mib);
    EXPECT_EQ(hipkb::last_level_cache_bytes("gfx90a", 8 * mib), 8 * mib);
    EXPECT_EQ(hipkb::last_level_cache_bytes("sm_90", 50 * mib), 50 * mib);
}

}  // namespace
