// A launch: its configuration checked against the emulated device's limits,
// then its blocks spread over a pool of CPU threads (the calling thread
// included), each block run by that thread's block_runner.
#include "block_runner.hpp"
#include "runtime_state.hpp"

#include <hipkb_cpu/control.h>
#include <hipkb_cpu/kernel.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

int read_warp_size() {
    const char* text = std::getenv("HIPKB_CPU_WARP_SIZE");
    if (text && std::string(text) == "32") return 32;
    return 64;
}

}  // namespace

thread_local hipkb::cpu::coordinates threadIdx{0, 0, 0};
thread_local hipkb::cpu::coordinates blockIdx{0, 0, 0};
thread_local hipkb::cpu::coordinates blockDim{1, 1, 1};
thread_local hipkb::cpu::coordinates gridDim{1, 1, 1};
extern const int warpSize = read_warp_size();

namespace hipkb::cpu {

namespace {

constexpr std::size_t max_threads_per_block = 1024;
constexpr std::size_t max_shared_bytes = 64 * 1024;  // an AMD CDNA compute unit's LDS per block

std::mutex g_schedule_mutex;
schedule g_schedule;
std::atomic<std::uint64_t> g_launches{0};
std::atomic<std::uint64_t> g_largest_grid{0};

int read_worker_count() {
    if (const char* text = std::getenv("HIPKB_CPU_THREADS")) {
        const int value = std::atoi(text);
        if (value >= 1 && value <= 1024) return value;
    }
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// The blocks of one launch, taken by index from a shared counter.
struct launch_job {
    detail::block_work work;
    std::uint64_t blocks = 0;
    std::atomic<std::uint64_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex failure_mutex;
    std::string failure;

    void run_blocks() {
        detail::block_runner& runner = detail::block_runner::for_this_thread();
        const dim3 grid = work.config->grid;
        for (;;) {
            const std::uint64_t b = next.fetch_add(1);
            if (b >= blocks || failed.load()) return;
            const coordinates index{static_cast<uint32_t>(b % grid.x), static_cast<uint32_t>((b / grid.x) % grid.y),
                                    static_cast<uint32_t>(b / (static_cast<std::uint64_t>(grid.x) * grid.y))};
            if (auto message = runner.run(work, index)) {
                std::lock_guard lock(failure_mutex);
                if (!failed.exchange(true)) failure = std::move(*message);
                return;
            }
        }
    }
};

// CPU threads that wait for launches; the launching thread works too.
class worker_pool {
public:
    explicit worker_pool(int workers) {
        for (int i = 1; i < workers; ++i) m_threads.emplace_back([this] { serve(); });
    }
    ~worker_pool() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (std::thread& t : m_threads) t.join();
    }
    worker_pool(const worker_pool&) = delete;
    worker_pool& operator=(const worker_pool&) = delete;

    [[nodiscard]] int size() const { return static_cast<int>(m_threads.size()) + 1; }

    void run(launch_job& job) {
        if (m_threads.empty() || job.blocks < 2) {
            job.run_blocks();
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_job = &job;
            m_busy = m_threads.size();
            ++m_generation;
        }
        m_wake.notify_all();
        job.run_blocks();
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [this] { return m_busy == 0; });
        m_job = nullptr;
    }

private:
    void serve() {
        std::uint64_t seen = 0;
        for (;;) {
            launch_job* job = nullptr;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stopping || m_generation != seen; });
                if (m_stopping) return;
                seen = m_generation;
                job = m_job;
            }
            job->run_blocks();
            {
                std::lock_guard lock(m_mutex);
                --m_busy;
            }
            m_done.notify_one();
        }
    }

    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    launch_job* m_job = nullptr;
    std::size_t m_busy = 0;
    std::uint64_t m_generation = 0;
    bool m_stopping = false;
};

worker_pool& pool() {
    static worker_pool workers(read_worker_count());
    return workers;
}

std::string describe(const launch_config& config) {
    std::ostringstream text;
    text << "grid (" << config.grid.x << "," << config.grid.y << "," << config.grid.z << "), block (" << config.block.x
         << "," << config.block.y << "," << config.block.z << "), " << config.shared_bytes
         << " bytes of dynamic shared memory";
    return text.str();
}

hipError_t fail(hipError_t error, const std::string& message) {
    detail::record_launch_failure(message);
    detail::set_last_error(error);
    return error;
}

}  // namespace

hipError_t launch_kernel(const launch_config& config, thread_body body, void* context) {
    const dim3 block = config.block;
    const dim3 grid = config.grid;
    const std::size_t threads = static_cast<std::size_t>(block.x) * block.y * block.z;
    if (threads == 0 || grid.x == 0 || grid.y == 0 || grid.z == 0) {
        return fail(hipErrorInvalidConfiguration,
                    "invalid launch configuration: " + describe(config) + " (every dimension must be at least 1)");
    }
    if (threads > max_threads_per_block || block.z > 1024) {
        return fail(hipErrorInvalidConfiguration,
                    "invalid launch configuration: " + describe(config) + " (at most 1024 threads per block)");
    }
    if (grid.y > 65535 || grid.z > 65535 || grid.x > 2147483647u) {
        return fail(hipErrorInvalidConfiguration,
                    "invalid launch configuration: " + describe(config) + " (grid limits 2^31-1 x 65535 x 65535)");
    }
    if (config.shared_bytes > max_shared_bytes) {
        return fail(hipErrorInvalidValue, "invalid launch configuration: " + describe(config) +
                                              " (at most 65536 bytes of shared memory per block)");
    }
    if (detail::block_runner::current() != nullptr) {
        return fail(hipErrorNotSupported, "a kernel launched another kernel (dynamic parallelism is not emulated)");
    }
    launch_job job;
    {
        std::lock_guard lock(g_schedule_mutex);
        job.work = detail::block_work{&config, body, context, g_schedule};
    }
    job.blocks = static_cast<std::uint64_t>(grid.x) * grid.y * grid.z;
    g_launches.fetch_add(1);
    for (std::uint64_t seen = g_largest_grid.load();
         job.blocks > seen && !g_largest_grid.compare_exchange_weak(seen, job.blocks);) {
    }
    pool().run(job);
    if (job.failed.load()) return fail(hipErrorLaunchFailure, "kernel failed: " + job.failure);
    return hipSuccess;
}

void* dynamic_shared_memory() {
    detail::block_runner* runner = detail::block_runner::current();
    return runner ? runner->dynamic_shared() : nullptr;
}

namespace {
[[noreturn]] void outside_kernel(const char* what) {
    std::fprintf(stderr, "hipkb HIP-on-CPU: %s called outside a kernel\n", what);
    std::abort();
}
}  // namespace

int block_barrier(block_vote vote, int predicate, const char* file, unsigned line) {
    detail::block_runner* runner = detail::block_runner::current();
    if (!runner) outside_kernel("__syncthreads");
    return runner->block_barrier(vote, predicate, file, line);
}

void warp_exchange(warp_op op, const void* value, size_t bytes, int argument, int width, void* result) {
    detail::block_runner* runner = detail::block_runner::current();
    if (!runner) outside_kernel("a warp function");
    runner->warp_exchange(op, value, bytes, argument, width, result);
}

unsigned int lane_id() {
    detail::block_runner* runner = detail::block_runner::current();
    if (!runner) outside_kernel("__lane_id");
    return runner->lane_id();
}

void set_schedule(const schedule& next) {
    std::lock_guard lock(g_schedule_mutex);
    g_schedule = next;
}

schedule current_schedule() {
    std::lock_guard lock(g_schedule_mutex);
    return g_schedule;
}

const char* schedule_order_name(schedule_order order) {
    switch (order) {
        case schedule_order::forward:
            return "forward";
        case schedule_order::reverse:
            return "reverse";
        case schedule_order::shuffled:
            return "shuffled";
    }
    return "?";
}

int worker_count() { return pool().size(); }

launch_counts take_launch_counts() { return {g_launches.exchange(0), g_largest_grid.exchange(0)}; }

std::uint64_t fiber_switches() { return detail::g_fiber_switches.load(std::memory_order_relaxed); }

}  // namespace hipkb::cpu

long long hipkb_cpu_clock64() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
