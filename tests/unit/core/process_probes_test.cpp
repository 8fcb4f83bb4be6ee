#include <hipkb/core/process_probes.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace {

TEST(ProcessProbes, a_thread_started_shows_in_the_count_and_is_gone_once_joined) {
    const auto before = hipkb::count_threads();
    ASSERT_TRUE(before.has_value());
    std::mutex mutex;
    std::condition_variable cv;
    bool release = false;
    std::thread worker([&] {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return release; });
    });
    EXPECT_EQ(hipkb::count_threads(), *before + 1);
    {
        const std::lock_guard lock(mutex);
        release = true;
    }
    cv.notify_one();
    worker.join();
    EXPECT_EQ(hipkb::count_threads(), before);
}

TEST(ProcessProbes, the_system_call_clock_runs_with_the_library_clock) {
    const double raw_start = hipkb::monotonic_seconds_by_syscall();
    const auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const double library = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double raw = hipkb::monotonic_seconds_by_syscall() - raw_start;
    EXPECT_GE(raw, library) << "the system call's interval encloses the library's";
    EXPECT_LT(raw - library, 0.005);
    EXPECT_GE(raw, 0.02);
}

}  // namespace
