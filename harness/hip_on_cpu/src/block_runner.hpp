#pragma once
// Runs one block of a launch on the calling CPU thread: one fiber per GPU
// thread, resumed in the schedule's order until each reaches a barrier, a
// warp function or its end; then the barrier or warp function completes and
// the next round begins.

#include "fiber_stacks.hpp"

#include <hipkb_cpu/control.h>
#include <hipkb_cpu/kernel.h>

#include <boost/context/fiber.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hipkb::cpu::detail {

// Fiber resumptions since the process started (fiber_switches()).
extern std::atomic<std::uint64_t> g_fiber_switches;

struct block_work {
    const launch_config* config;
    thread_body body;
    void* context;
    schedule order;
};

class block_runner {
public:
    block_runner();
    block_runner(const block_runner&) = delete;
    block_runner& operator=(const block_runner&) = delete;

    // Runs every thread of block `index`; the failure's message, if any.
    std::optional<std::string> run(const block_work& work, coordinates index);

    // Called from inside a fiber (kernel code).
    int block_barrier(block_vote vote, int predicate, const char* file, unsigned line);
    void warp_exchange(warp_op op, const void* value, std::size_t bytes, int argument, int width, void* result);
    [[nodiscard]] unsigned int lane_id() const;
    [[nodiscard]] void* dynamic_shared() { return m_shared.empty() ? nullptr : m_shared.data(); }

    // The runner of the calling CPU thread, or null outside a kernel.
    static block_runner* current();
    static block_runner& for_this_thread();

private:
    enum class lane_state { runnable, at_block_barrier, at_warp, done };

    struct lane {
        boost::context::fiber fiber;      // the GPU thread, while suspended
        boost::context::fiber scheduler;  // where it returns to
        lane_state state = lane_state::runnable;
        coordinates index{};
        // At a block barrier:
        const char* file = "";
        unsigned line = 0;
        block_vote vote = block_vote::none;
        int predicate = 0;
        int vote_result = 0;
        // At a warp function:
        warp_op op = warp_op::sync;
        int argument = 0;
        int width = 0;
        std::size_t bytes = 0;
        alignas(16) unsigned char value[max_warp_value_bytes] = {};
        alignas(16) unsigned char result[max_warp_value_bytes] = {};
    };

    void start_fibers(const block_work& work, std::size_t count);
    void resume(std::size_t which);
    void suspend(lane& self);
    bool release_warps();
    std::optional<std::string> release_block_barrier(coordinates block);
    void complete_warp_op(std::size_t first, std::size_t end, warp_op op);
    void abandon();
    void make_order(const schedule& order, coordinates block, std::size_t count);

    stack_pool m_stacks;
    std::vector<lane> m_lanes;
    std::vector<std::size_t> m_order;
    // Dynamic shared memory, aligned as generously as any GPU's.
    struct alignas(256) shared_chunk {
        unsigned char bytes[256];
    };
    std::vector<shared_chunk> m_shared;
    lane* m_current = nullptr;
    std::size_t m_warp_size = 64;
    std::string m_fault;  // an exception thrown in a kernel
};

}  // namespace hipkb::cpu::detail
