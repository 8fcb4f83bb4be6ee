// Adversarial candidate "thread_after_return": a host thread of its own
// launches the kernel and waits for it; hipkb_run hands the job over and,
// after the first three calls (the correctness seeds), returns without
// waiting. The kernel is then queued after the harness's stop event, so the
// events time nothing, and the output is written while the harness is
// already synchronizing or checking: right by luck, never on the clock. The
// thread stays alive between calls, as a thread pool would.
//
// Caught by the thread count: the harness counts the process's threads
// (/proc/self/task) right before and right after every candidate call; the
// first call already returns with one thread more than it found:
// thread_left_running.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace {

__global__ void relu_kernel(const float* x, float* y, std::size_t n) {
    const std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (i < n) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

struct job {
    const float* x;
    float* y;
    std::size_t n;
    hipStream_t stream;
};

class launcher {
public:
    launcher() : m_thread([this] { loop(); }) { m_thread.detach(); }

    void run(const job& work, bool wait) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_job = work;
        m_pending = true;
        m_wake.notify_all();
        if (wait) m_wake.wait(lock, [this] { return !m_pending; });
    }

private:
    void loop() {
        for (;;) {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_pending; });
            const job work = m_job;
            const unsigned block = 256;
            const unsigned grid = static_cast<unsigned>((work.n + block - 1) / block);
            relu_kernel<<<grid, block, 0, work.stream>>>(work.x, work.y, work.n);
            (void)hipStreamSynchronize(work.stream);
            m_pending = false;
            m_wake.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    job m_job{};
    bool m_pending = false;
    std::thread m_thread;
};

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    static launcher* worker = new launcher();  // never joined: it outlives every call
    static int calls = 0;
    const job work{static_cast<const float*>(args->inputs[0]), static_cast<float*>(args->outputs[0]),
                   static_cast<std::size_t>(args->dims[0] * args->dims[1]), static_cast<hipStream_t>(args->stream)};
    worker->run(work, ++calls <= 3);
    return 0;
}
