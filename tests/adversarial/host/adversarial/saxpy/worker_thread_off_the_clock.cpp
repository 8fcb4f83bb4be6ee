// Adversarial candidate "worker_thread_off_the_clock": hands the work to a
// thread of its own and returns before it is done. On its first three calls
// (the spec's correctness seeds) it waits for the worker, so the checks see
// a right answer; on every later call (timing) it only queues the job and
// returns at once, and the output is written after the clock has stopped,
// right before, or during the harness's own checks: right by luck, never on
// the clock. The worker stays alive between calls, as a thread pool would.
//
// Caught by the thread count: the harness counts the threads of the process
// (/proc/self/task) right before and right after every candidate call; a
// call that returns with more threads than it found left work running, and
// the verdict is thread_left_running, on the first correctness seed.
#include <hipkb/entry.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace {

struct job {
    const float* x = nullptr;
    const float* w = nullptr;
    float* y = nullptr;
    std::int64_t n = 0;
};

class worker {
public:
    worker() : m_thread([this] { loop(); }) { m_thread.detach(); }

    // Queues the job; waits for it only when asked.
    void run(const job& work, bool wait) {
        std::unique_lock lock(m_mutex);
        m_job = work;
        m_pending = true;
        m_wake.notify_all();
        if (wait) m_wake.wait(lock, [this] { return !m_pending; });
    }

private:
    void loop() {
        for (;;) {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_pending; });
            const job work = m_job;
            for (std::int64_t i = 0; i < work.n; ++i) work.y[i] = 2.0f * work.x[i] + work.w[i];
            m_pending = false;
            m_wake.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    job m_job;
    bool m_pending = false;
    std::thread m_thread;
};

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    static worker* pool = new worker();  // never joined: it outlives every call
    static int calls = 0;
    const job work{static_cast<const float*>(args->inputs[0]), static_cast<const float*>(args->inputs[1]),
                   static_cast<float*>(args->outputs[0]), args->dims[0]};
    pool->run(work, ++calls <= 3);
    return 0;
}
