#pragma once
// Stacks for the fibers of one CPU worker, kept for reuse: mapping a stack
// costs system calls, and a launch runs a fiber per GPU thread.

#include <boost/context/stack_context.hpp>

#include <cstddef>
#include <vector>

namespace hipkb::cpu::detail {

class stack_pool {
public:
    explicit stack_pool(std::size_t stack_bytes);
    ~stack_pool();
    stack_pool(const stack_pool&) = delete;
    stack_pool& operator=(const stack_pool&) = delete;

    // A stack with an inaccessible guard page below it, so that an overflow
    // faults instead of writing over the next fiber's stack.
    boost::context::stack_context take();
    void give_back(boost::context::stack_context stack);

private:
    std::size_t m_stack_bytes;
    std::size_t m_page_bytes;
    std::vector<boost::context::stack_context> m_free;
    std::vector<void*> m_mappings;
};

// The allocator boost::context::fiber asks for a stack; it borrows from a pool.
struct pooled_stack_allocator {
    stack_pool* pool;
    boost::context::stack_context allocate() { return pool->take(); }
    void deallocate(boost::context::stack_context& stack) noexcept { pool->give_back(stack); }
};

// HIPKB_CPU_STACK_KIB, default 128 KiB.
[[nodiscard]] std::size_t fiber_stack_bytes();

}  // namespace hipkb::cpu::detail
