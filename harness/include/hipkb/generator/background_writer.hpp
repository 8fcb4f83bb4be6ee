#pragma once
// Writes samples on a few worker threads, so the request loop never waits
// for the disk: each sample is two atomic writes with an fsync each, a few
// milliseconds that would otherwise stall every transfer in flight.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hipkb::generator {

class background_writer {
public:
    // `threads` workers; submit() blocks while `max_queued` tasks wait, which
    // bounds the answers held in memory.
    background_writer(std::size_t threads, std::size_t max_queued);
    ~background_writer();
    background_writer(const background_writer&) = delete;
    background_writer& operator=(const background_writer&) = delete;

    void submit(std::function<void()> task);
    // Tasks submitted and not yet finished.
    [[nodiscard]] std::size_t pending();
    // Waits until every submitted task has run; rethrows the first exception
    // a task threw (a disk error), after which no more tasks run.
    void drain();

private:
    void work();

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::function<void()>> m_queue;
    std::size_t m_running = 0;
    std::size_t m_max_queued;
    bool m_stopping = false;
    std::exception_ptr m_error;
    std::vector<std::thread> m_threads;
};

}  // namespace hipkb::generator
