#include <hipkb/core/process_probes.hpp>

#include <ctime>

#include <dirent.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace hipkb {

std::optional<std::size_t> count_threads() {
    DIR* tasks = ::opendir("/proc/self/task");
    if (tasks == nullptr) return std::nullopt;
    std::size_t count = 0;
    while (const dirent* entry = ::readdir(tasks)) {
        if (entry->d_name[0] != '.') ++count;
    }
    ::closedir(tasks);
    return count;
}

namespace {

// The system call instruction itself where the target is known: the C
// library's syscall() is reached through a GOT slot too, which a candidate
// can repoint as easily as clock_gettime's.
void clock_gettime_by_syscall(timespec& now) {
#if defined(__x86_64__)
    long result = SYS_clock_gettime;
    long clock = CLOCK_MONOTONIC;
    timespec* out = &now;
    asm volatile("syscall" : "+a"(result) : "D"(clock), "S"(out) : "rcx", "r11", "memory");
#elif defined(__aarch64__)
    register long number asm("x8") = SYS_clock_gettime;
    register long clock asm("x0") = CLOCK_MONOTONIC;
    register timespec* out asm("x1") = &now;
    asm volatile("svc #0" : "+r"(clock) : "r"(number), "r"(out) : "memory");
#else
    ::syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &now);
#endif
}

}  // namespace

double monotonic_seconds_by_syscall() {
    timespec now{};
    clock_gettime_by_syscall(now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

}  // namespace hipkb
