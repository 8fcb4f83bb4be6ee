// What every device layer that runs work on the host (the host platform and
// cpu execution) must do with memory, streams and timers.
#include <hipkb/device/device.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

namespace {

using hipkb::device_memory;

std::vector<unsigned char> pattern(std::size_t bytes) {
    std::vector<unsigned char> data(bytes);
    for (std::size_t i = 0; i < bytes; ++i) data[i] = static_cast<unsigned char>((i * 131 + 7) % 251);
    return data;
}

std::vector<unsigned char> read_back(const device_memory& memory) {
    std::vector<unsigned char> data(memory.size());
    memory.download(data.data(), data.size());
    return data;
}

TEST(DeviceMemory, an_upload_downloads_unchanged) {
    const std::vector<unsigned char> sent = pattern(1 << 20);
    device_memory memory(sent.size());
    EXPECT_EQ(memory.size(), sent.size());
    ASSERT_NE(memory.get(), nullptr);
    memory.upload(sent.data(), sent.size());
    EXPECT_EQ(read_back(memory), sent);
}

TEST(DeviceMemory, allocations_are_256_byte_aligned_as_on_a_gpu) {
    for (const std::size_t bytes : {1u, 3u, 255u, 257u, 4096u}) {
        const device_memory memory(bytes);
        EXPECT_EQ(reinterpret_cast<std::uintptr_t>(memory.get()) % 256, 0u) << bytes;
    }
}

TEST(DeviceMemory, a_range_downloads_from_its_offset) {
    const std::vector<unsigned char> sent = pattern(1000);
    device_memory memory(sent.size());
    memory.upload(sent.data(), sent.size());
    std::vector<unsigned char> part(10);
    memory.download_range(500, part.data(), part.size());
    EXPECT_EQ(part, std::vector<unsigned char>(sent.begin() + 500, sent.begin() + 510));
}

TEST(DeviceMemory, fill_range_sets_its_bytes_and_no_others) {
    const hipkb::stream on;
    std::vector<unsigned char> expected = pattern(1000);
    device_memory memory(expected.size());
    memory.upload(expected.data(), expected.size());
    memory.fill_range(100, 50, 0xA5, on);
    on.synchronize();
    std::fill(expected.begin() + 100, expected.begin() + 150, 0xA5);
    EXPECT_EQ(read_back(memory), expected);
}

TEST(DeviceMemory, fill_sets_every_byte) {
    const hipkb::stream on;
    device_memory memory(777);
    memory.fill(0xFF, on);
    on.synchronize();
    EXPECT_EQ(read_back(memory), std::vector<unsigned char>(777, 0xFF));
}

TEST(DeviceMemory, copy_from_copies_the_first_bytes_device_to_device) {
    const hipkb::stream on;
    const std::vector<unsigned char> sent = pattern(64);
    device_memory source(sent.size());
    source.upload(sent.data(), sent.size());
    device_memory target(sent.size());
    target.fill(0, on);
    target.copy_from(source, 32, on);
    on.synchronize();
    std::vector<unsigned char> expected(sent.begin(), sent.begin() + 32);
    expected.resize(64, 0);
    EXPECT_EQ(read_back(target), expected);
}

TEST(DeviceMemory, an_empty_allocation_is_still_a_valid_pointer) {
    const device_memory memory(0);
    EXPECT_EQ(memory.size(), 0u);
    EXPECT_NE(memory.get(), nullptr);
}

TEST(DeviceMemory, a_moved_from_buffer_owns_nothing) {
    device_memory first(128);
    void* const data = first.get();
    device_memory second(std::move(first));
    EXPECT_EQ(second.get(), data);
    EXPECT_EQ(second.size(), 128u);
    EXPECT_EQ(first.get(), nullptr);  // NOLINT(bugprone-use-after-move): the moved-from state is the point
    EXPECT_EQ(first.size(), 0u);
    device_memory third(16);
    third = std::move(second);
    EXPECT_EQ(third.get(), data);
}

// Work runs when it is enqueued on these layers, so the timer's interval is
// the host time between start and stop.
TEST(DeviceMemory, the_event_timer_measures_the_time_between_its_events) {
    const hipkb::stream on;
    hipkb::event_timer timer;
    timer.start(on);
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    timer.stop(on);
    const double seconds = timer.seconds();
    EXPECT_GE(seconds, 0.029);
    EXPECT_LT(seconds, 5.0);
}

}  // namespace
