#include <hipkb/generator/background_writer.hpp>

#include <algorithm>

namespace hipkb::generator {

background_writer::background_writer(std::size_t threads, std::size_t max_queued)
    : m_max_queued(std::max<std::size_t>(1, max_queued)) {
    for (std::size_t i = 0; i < std::max<std::size_t>(1, threads); ++i) m_threads.emplace_back([this] { work(); });
}

background_writer::~background_writer() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    for (auto& thread : m_threads) thread.join();
}

void background_writer::submit(std::function<void()> task) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_queue.size() < m_max_queued || m_error; });
    if (m_error) return;  // drain() reports it
    m_queue.push_back(std::move(task));
    m_changed.notify_all();
}

std::size_t background_writer::pending() {
    std::lock_guard lock(m_mutex);
    return m_queue.size() + m_running;
}

void background_writer::drain() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return (m_queue.empty() && m_running == 0) || (m_error && m_running == 0); });
    if (m_error) {
        m_queue.clear();
        std::rethrow_exception(m_error);
    }
}

void background_writer::work() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [&] { return m_stopping || (!m_queue.empty() && !m_error); });
        // The destructor waits for queued tasks: an answer that arrived is
        // never dropped on the way out.
        if (m_queue.empty() || m_error) {
            if (m_stopping) return;
            continue;
        }
        std::function<void()> task = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_running;
        lock.unlock();
        m_changed.notify_all();
        try {
            task();
        } catch (...) {
            lock.lock();
            if (!m_error) m_error = std::current_exception();
            --m_running;
            m_changed.notify_all();
            continue;
        }
        lock.lock();
        --m_running;
        m_changed.notify_all();
    }
}

}  // namespace hipkb::generator
