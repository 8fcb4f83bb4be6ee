#include "fiber_stacks.hpp"

#include <cstdlib>
#include <new>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

namespace hipkb::cpu::detail {

std::size_t fiber_stack_bytes() {
    std::size_t kib = 128;
    if (const char* text = std::getenv("HIPKB_CPU_STACK_KIB")) {
        try {
            const unsigned long value = std::stoul(text);
            if (value >= 16 && value <= 65536) kib = value;
        } catch (const std::exception&) {
            // An unreadable value keeps the default.
        }
    }
    return kib * 1024;
}

stack_pool::stack_pool(std::size_t stack_bytes)
    : m_stack_bytes(stack_bytes), m_page_bytes(static_cast<std::size_t>(::sysconf(_SC_PAGESIZE))) {
    m_stack_bytes = (m_stack_bytes + m_page_bytes - 1) / m_page_bytes * m_page_bytes;
}

stack_pool::~stack_pool() {
    for (void* mapping : m_mappings) ::munmap(mapping, m_stack_bytes + m_page_bytes);
}

boost::context::stack_context stack_pool::take() {
    if (m_free.empty()) {
        const std::size_t total = m_stack_bytes + m_page_bytes;
        void* mapping =
            ::mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (mapping == MAP_FAILED) throw std::bad_alloc();
        ::mprotect(mapping, m_page_bytes, PROT_NONE);  // stacks grow down: the guard is the lowest page
        m_mappings.push_back(mapping);
        boost::context::stack_context stack;
        stack.size = m_stack_bytes;
        stack.sp = static_cast<char*>(mapping) + total;
        return stack;
    }
    const boost::context::stack_context stack = m_free.back();
    m_free.pop_back();
    return stack;
}

void stack_pool::give_back(boost::context::stack_context stack) { m_free.push_back(stack); }

}  // namespace hipkb::cpu::detail
