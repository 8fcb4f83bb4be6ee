#include "block_runner.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <numeric>
#include <random>
#include <sstream>

namespace hipkb::cpu::detail {

std::atomic<std::uint64_t> g_fiber_switches{0};

namespace {

thread_local block_runner* t_current = nullptr;

std::uint64_t mix(std::uint64_t x) {
    // splitmix64: a well-spread permutation seed from (seed, block).
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::string where(const char* file, unsigned line) {
    std::ostringstream text;
    text << file << ":" << line;
    return text.str();
}

std::string name(coordinates c) {
    std::ostringstream text;
    text << "(" << c.x << "," << c.y << "," << c.z << ")";
    return text.str();
}

bool same_site(const char* a_file, unsigned a_line, const char* b_file, unsigned b_line) {
    return a_line == b_line && (a_file == b_file || std::strcmp(a_file, b_file) == 0);
}

}  // namespace

block_runner::block_runner() : m_stacks(fiber_stack_bytes()), m_warp_size(static_cast<std::size_t>(warpSize)) {}

block_runner* block_runner::current() { return t_current; }

block_runner& block_runner::for_this_thread() {
    thread_local block_runner runner;
    return runner;
}

void block_runner::make_order(const schedule& order, coordinates block, std::size_t count) {
    m_order.resize(count);
    std::iota(m_order.begin(), m_order.end(), std::size_t{0});
    if (order.order == schedule_order::reverse) {
        std::reverse(m_order.begin(), m_order.end());
    } else if (order.order == schedule_order::shuffled) {
        const std::uint64_t block_key =
            (static_cast<std::uint64_t>(block.z) << 42) ^ (static_cast<std::uint64_t>(block.y) << 21) ^ block.x;
        std::mt19937_64 random(mix(order.seed ^ mix(block_key)));
        std::shuffle(m_order.begin(), m_order.end(), random);
    }
}

void block_runner::start_fibers(const block_work& work, std::size_t count) {
    const dim3 shape = work.config->block;
    m_lanes.clear();
    m_lanes.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        lane& l = m_lanes[i];
        l.index = {static_cast<uint32_t>(i % shape.x), static_cast<uint32_t>((i / shape.x) % shape.y),
                   static_cast<uint32_t>(i / (static_cast<std::size_t>(shape.x) * shape.y))};
        l.fiber = boost::context::fiber(
            std::allocator_arg, pooled_stack_allocator{&m_stacks},
            [this, &l, body = work.body, context = work.context](boost::context::fiber&& scheduler) {
                l.scheduler = std::move(scheduler);
                try {
                    body(context);
                } catch (const boost::context::detail::forced_unwind&) {
                    throw;  // the block is being abandoned; let boost unwind this stack
                } catch (const std::exception& error) {
                    if (m_fault.empty()) m_fault = "thread " + name(l.index) + " threw: " + error.what();
                } catch (...) {
                    if (m_fault.empty()) m_fault = "thread " + name(l.index) + " threw a non-standard exception";
                }
                l.state = lane_state::done;
                return std::move(l.scheduler);
            });
    }
}

void block_runner::resume(std::size_t which) {
    lane& l = m_lanes[which];
    m_current = &l;
    threadIdx = l.index;
    l.fiber = std::move(l.fiber).resume();
    g_fiber_switches.fetch_add(1, std::memory_order_relaxed);
    m_current = nullptr;
}

void block_runner::suspend(lane& self) { self.scheduler = std::move(self.scheduler).resume(); }

std::optional<std::string> block_runner::run(const block_work& work, coordinates index) {
    const dim3 shape = work.config->block;
    const std::size_t count = static_cast<std::size_t>(shape.x) * shape.y * shape.z;
    blockIdx = index;
    blockDim = {shape.x, shape.y, shape.z};
    gridDim = {work.config->grid.x, work.config->grid.y, work.config->grid.z};
    const std::size_t shared_chunks = (work.config->shared_bytes + sizeof(shared_chunk) - 1) / sizeof(shared_chunk);
    m_shared.resize(shared_chunks);
    // Shared memory starts as garbage on a GPU; all-ones bytes read as NaN,
    // so a kernel that reads what it never wrote is caught.
    if (!m_shared.empty())
        std::memset(static_cast<void*>(m_shared.data()), 0xFF, m_shared.size() * sizeof(shared_chunk));
    m_fault.clear();
    make_order(work.order, index, count);
    block_runner* const outer = t_current;
    t_current = this;
    start_fibers(work, count);
    std::optional<std::string> failure;
    for (;;) {
        for (const std::size_t which : m_order) {
            if (m_lanes[which].state == lane_state::runnable) resume(which);
        }
        if (!m_fault.empty()) {
            failure = m_fault;
            break;
        }
        const bool live =
            std::any_of(m_lanes.begin(), m_lanes.end(), [](const lane& l) { return l.state != lane_state::done; });
        if (!live) break;
        if (release_warps()) continue;
        if (auto divergent = release_block_barrier(index)) {
            failure = std::move(divergent);
            break;
        }
    }
    if (failure) abandon();
    t_current = outer;
    return failure;
}

void block_runner::abandon() {
    // Destroying a suspended fiber unwinds its stack (boost throws
    // forced_unwind inside it), so its destructors run and its stack returns
    // to the pool.
    for (lane& l : m_lanes) {
        l.fiber = {};
        l.state = lane_state::done;
    }
}

int block_runner::block_barrier(block_vote vote, int predicate, const char* file, unsigned line) {
    lane& self = *m_current;
    self.state = lane_state::at_block_barrier;
    self.file = file;
    self.line = line;
    self.vote = vote;
    self.predicate = predicate;
    suspend(self);
    return self.vote_result;
}

std::optional<std::string> block_runner::release_block_barrier(coordinates block) {
    const lane* first = nullptr;
    int count = 0;
    int live = 0;
    for (const lane& l : m_lanes) {
        if (l.state != lane_state::at_block_barrier) continue;
        ++live;
        count += l.predicate != 0 ? 1 : 0;
        if (!first) {
            first = &l;
        } else if (!same_site(first->file, first->line, l.file, l.line)) {
            return "divergent __syncthreads in block " + name(block) + ": thread " + name(first->index) + " waits at " +
                   where(first->file, first->line) + " while thread " + name(l.index) + " waits at " +
                   where(l.file, l.line) + " (every live thread of a block must reach the same barrier)";
        }
    }
    for (lane& l : m_lanes) {
        if (l.state != lane_state::at_block_barrier) continue;
        switch (l.vote) {
            case block_vote::none:
                l.vote_result = 0;
                break;
            case block_vote::count:
                l.vote_result = count;
                break;
            case block_vote::all:
                l.vote_result = count == live ? 1 : 0;
                break;
            case block_vote::any:
                l.vote_result = count > 0 ? 1 : 0;
                break;
        }
        l.state = lane_state::runnable;
    }
    return std::nullopt;
}

void block_runner::warp_exchange(warp_op op, const void* value, std::size_t bytes, int argument, int width,
                                 void* result) {
    lane& self = *m_current;
    self.state = lane_state::at_warp;
    self.op = op;
    self.argument = argument;
    self.width = width;
    self.bytes = bytes;
    std::memcpy(self.value, value, bytes);
    suspend(self);
    const std::size_t result_bytes =
        op == warp_op::shfl || op == warp_op::shfl_up || op == warp_op::shfl_down || op == warp_op::shfl_xor
            ? bytes
            : sizeof(unsigned long long);
    std::memcpy(result, self.result, result_bytes);
}

unsigned int block_runner::lane_id() const {
    const lane& self = *m_current;
    return static_cast<unsigned int>(static_cast<std::size_t>(&self - m_lanes.data()) % m_warp_size);
}

bool block_runner::release_warps() {
    bool released = false;
    for (std::size_t first = 0; first < m_lanes.size(); first += m_warp_size) {
        const std::size_t end = std::min(first + m_warp_size, m_lanes.size());
        // Lanes waiting at different warp functions diverged; each group
        // completes on its own, the lowest lane's first.
        for (std::size_t i = first; i < end; ++i) {
            if (m_lanes[i].state == lane_state::at_warp) {
                complete_warp_op(first, end, m_lanes[i].op);
                released = true;
                break;
            }
        }
    }
    return released;
}

void block_runner::complete_warp_op(std::size_t first, std::size_t end, warp_op op) {
    const std::size_t size = m_warp_size;
    unsigned long long taking_part = 0;
    unsigned long long voted = 0;
    for (std::size_t i = first; i < end; ++i) {
        const lane& l = m_lanes[i];
        if (l.state != lane_state::at_warp || l.op != op) continue;
        taking_part |= 1ull << (i - first);
        int predicate = 0;
        std::memcpy(&predicate, l.value, sizeof(predicate));
        if ((op == warp_op::ballot || op == warp_op::any || op == warp_op::all) && predicate != 0) {
            voted |= 1ull << (i - first);
        }
    }
    for (std::size_t i = first; i < end; ++i) {
        lane& l = m_lanes[i];
        if (l.state != lane_state::at_warp || l.op != op) continue;
        const long self = static_cast<long>(i - first);
        long width = l.width;
        if (width <= 0 || width > static_cast<long>(size) || (width & (width - 1)) != 0)
            width = static_cast<long>(size);
        const long segment = self & ~(width - 1);
        long source = self;
        switch (op) {
            case warp_op::shfl:
                source = segment + (l.argument & (width - 1));
                break;
            case warp_op::shfl_up:
                source = (self - segment) >= l.argument ? self - l.argument : self;
                break;
            case warp_op::shfl_down:
                source = (self - segment) + l.argument < width ? self + l.argument : self;
                break;
            case warp_op::shfl_xor:
                source = self ^ l.argument;
                if (source < segment || source >= segment + width) source = self;
                break;
            default:
                break;
        }
        unsigned long long word = 0;
        switch (op) {
            case warp_op::shfl:
            case warp_op::shfl_up:
            case warp_op::shfl_down:
            case warp_op::shfl_xor: {
                // A lane that did not take part (exited, diverged, beyond a
                // partial warp) has no value to give: the caller keeps its own.
                const bool present = source >= 0 && source < 64 && (taking_part >> source & 1ull) != 0;
                const lane& from = present ? m_lanes[first + static_cast<std::size_t>(source)] : l;
                std::memcpy(l.result, from.value, l.bytes);
                break;
            }
            case warp_op::ballot:
                word = voted;
                break;
            case warp_op::any:
                word = voted != 0 ? 1 : 0;
                break;
            case warp_op::all:
                word = voted == taking_part ? 1 : 0;
                break;
            case warp_op::active_mask:
                word = taking_part;
                break;
            case warp_op::sync:
                break;
        }
        if (op != warp_op::shfl && op != warp_op::shfl_up && op != warp_op::shfl_down && op != warp_op::shfl_xor) {
            std::memcpy(l.result, &word, sizeof(word));
        }
        l.state = lane_state::runnable;
    }
}

}  // namespace hipkb::cpu::detail
