#pragma once
// What the bench asks the kernel about its own process, by routes a
// candidate loaded into that process cannot redirect through the C
// library: the number of threads (/proc/self/task) and the monotonic clock
// read by a direct system call.

#include <cstddef>
#include <optional>

namespace hipkb {

// Threads of this process now; nullopt where /proc/self/task cannot be read.
[[nodiscard]] std::optional<std::size_t> count_threads();

// CLOCK_MONOTONIC in seconds through the clock_gettime system call itself
// (the instruction, on x86-64 and AArch64), not the C library's wrapper or
// the vDSO, so patching or interposing the library's clock_gettime (or its
// syscall()) does not change what this returns.
[[nodiscard]] double monotonic_seconds_by_syscall();

}  // namespace hipkb
