#include <hipkb/policy/forbidden_constructs.hpp>

#include <array>
#include <stdexcept>

namespace hipkb::policy {

namespace {

using enum construct_match;

constexpr std::string_view file_why = "file I/O from the bench process can rewrite its results or read cached answers";
constexpr std::string_view net_why = "network I/O can fetch answers or report to the outside during a measurement";
constexpr std::string_view thread_why = "a thread can go on working, or write the verdict, after hipkb_run returns";
constexpr std::string_view dl_why = "dynamic loading can interpose or patch the harness's own functions";
constexpr std::string_view mem_why =
    "changing memory protection or mapping memory can patch the harness's code or data";
constexpr std::string_view signal_why = "a signal handler can run candidate code in the middle of the harness's checks";
constexpr std::string_view exit_why =
    "an exit handler runs after the checks, where it can rewrite results or the verdict";
constexpr std::string_view env_why = "the environment can tell a candidate it is being checked, or change the harness";
constexpr std::string_view process_why = "a new process escapes the bench's time limit and every check";
constexpr std::string_view stream_why = "work or waits outside args->stream escape the harness's timing and ordering";
constexpr std::string_view copy_why = "a host copy of an input or output computes or caches the answer on the host";

constexpr std::array constructs = {
    // File I/O: C, POSIX and C++ streams.
    forbidden_construct{"fopen", "file_io", file_why, call},
    forbidden_construct{"fopen64", "file_io", file_why, call},
    forbidden_construct{"freopen", "file_io", file_why, call},
    forbidden_construct{"fdopen", "file_io", file_why, call},
    forbidden_construct{"tmpfile", "file_io", file_why, call},
    forbidden_construct{"remove", "file_io", file_why, call},
    forbidden_construct{"rename", "file_io", file_why, call},
    forbidden_construct{"open", "file_io", file_why, call},
    forbidden_construct{"open64", "file_io", file_why, call},
    forbidden_construct{"openat", "file_io", file_why, call},
    forbidden_construct{"creat", "file_io", file_why, call},
    forbidden_construct{"read", "file_io", file_why, call},
    forbidden_construct{"pread", "file_io", file_why, call},
    forbidden_construct{"write", "file_io", file_why, call},
    forbidden_construct{"pwrite", "file_io", file_why, call},
    forbidden_construct{"unlink", "file_io", file_why, call},
    forbidden_construct{"truncate", "file_io", file_why, call},
    forbidden_construct{"ftruncate", "file_io", file_why, call},
    forbidden_construct{"syscall", "file_io", "a raw system call can do any of the forbidden things unnamed", call},
    forbidden_construct{"std::basic_ifstream", "file_io", file_why, type},
    forbidden_construct{"std::basic_ofstream", "file_io", file_why, type},
    forbidden_construct{"std::basic_fstream", "file_io", file_why, type},
    forbidden_construct{"std::basic_filebuf", "file_io", file_why, type},
    forbidden_construct{"std::filesystem::remove", "file_io", file_why, call},
    forbidden_construct{"std::filesystem::rename", "file_io", file_why, call},
    forbidden_construct{"std::filesystem::copy_file", "file_io", file_why, call},
    // Network.
    forbidden_construct{"socket", "network", net_why, call},
    forbidden_construct{"connect", "network", net_why, call},
    forbidden_construct{"bind", "network", net_why, call},
    forbidden_construct{"listen", "network", net_why, call},
    forbidden_construct{"accept", "network", net_why, call},
    forbidden_construct{"send", "network", net_why, call},
    forbidden_construct{"sendto", "network", net_why, call},
    forbidden_construct{"recv", "network", net_why, call},
    forbidden_construct{"recvfrom", "network", net_why, call},
    forbidden_construct{"getaddrinfo", "network", net_why, call},
    // Threads.
    forbidden_construct{"std::thread", "threads", thread_why, type},
    forbidden_construct{"std::jthread", "threads", thread_why, type},
    forbidden_construct{"std::async", "threads", thread_why, call},
    forbidden_construct{"pthread_create", "threads", thread_why, call},
    forbidden_construct{"thrd_create", "threads", thread_why, call},
    forbidden_construct{"clone", "threads", thread_why, call},
    // Dynamic loading.
    forbidden_construct{"dlopen", "dynamic_loading", dl_why, call},
    forbidden_construct{"dlmopen", "dynamic_loading", dl_why, call},
    forbidden_construct{"dlsym", "dynamic_loading", dl_why, call},
    forbidden_construct{"dlvsym", "dynamic_loading", dl_why, call},
    forbidden_construct{"dladdr", "dynamic_loading", dl_why, call},
    forbidden_construct{"dl_iterate_phdr", "dynamic_loading", dl_why, call},
    // Memory protection and mapping.
    forbidden_construct{"mprotect", "memory_protection", mem_why, call},
    forbidden_construct{"pkey_mprotect", "memory_protection", mem_why, call},
    forbidden_construct{"mmap", "memory_protection", mem_why, call},
    forbidden_construct{"mmap64", "memory_protection", mem_why, call},
    forbidden_construct{"mremap", "memory_protection", mem_why, call},
    forbidden_construct{"munmap", "memory_protection", mem_why, call},
    forbidden_construct{"process_vm_writev", "memory_protection", mem_why, call},
    // Signals.
    forbidden_construct{"signal", "signals", signal_why, call},
    forbidden_construct{"sigaction", "signals", signal_why, call},
    forbidden_construct{"raise", "signals", signal_why, call},
    forbidden_construct{"kill", "signals", signal_why, call},
    forbidden_construct{"alarm", "signals", signal_why, call},
    forbidden_construct{"setitimer", "signals", signal_why, call},
    // Exit handlers and leaving early.
    forbidden_construct{"atexit", "exit_handlers", exit_why, call},
    forbidden_construct{"at_quick_exit", "exit_handlers", exit_why, call},
    forbidden_construct{"__cxa_atexit", "exit_handlers", exit_why, call},
    forbidden_construct{"on_exit", "exit_handlers", exit_why, call},
    forbidden_construct{"exit", "exit_handlers", "leaving the process skips the harness's checks", call},
    forbidden_construct{"_exit", "exit_handlers", "leaving the process skips the harness's checks", call},
    forbidden_construct{"_Exit", "exit_handlers", "leaving the process skips the harness's checks", call},
    forbidden_construct{"quick_exit", "exit_handlers", "leaving the process skips the harness's checks", call},
    forbidden_construct{"std::set_terminate", "exit_handlers", exit_why, call},
    // The environment.
    forbidden_construct{"getenv", "environment", env_why, call},
    forbidden_construct{"secure_getenv", "environment", env_why, call},
    forbidden_construct{"setenv", "environment", env_why, call},
    forbidden_construct{"unsetenv", "environment", env_why, call},
    forbidden_construct{"putenv", "environment", env_why, call},
    forbidden_construct{"clearenv", "environment", env_why, call},
    // Process creation.
    forbidden_construct{"fork", "process_creation", process_why, call},
    forbidden_construct{"vfork", "process_creation", process_why, call},
    forbidden_construct{"system", "process_creation", process_why, call},
    forbidden_construct{"popen", "process_creation", process_why, call},
    forbidden_construct{"posix_spawn", "process_creation", process_why, call},
    forbidden_construct{"posix_spawnp", "process_creation", process_why, call},
    forbidden_construct{"execl", "process_creation", process_why, call},
    forbidden_construct{"execlp", "process_creation", process_why, call},
    forbidden_construct{"execle", "process_creation", process_why, call},
    forbidden_construct{"execv", "process_creation", process_why, call},
    forbidden_construct{"execvp", "process_creation", process_why, call},
    forbidden_construct{"execvpe", "process_creation", process_why, call},
    forbidden_construct{"execve", "process_creation", process_why, call},
    forbidden_construct{"fexecve", "process_creation", process_why, call},
    // Streams, events and waits other than args->stream.
    forbidden_construct{"hipStreamCreate", "other_stream", stream_why, call},
    forbidden_construct{"hipStreamCreateWithFlags", "other_stream", stream_why, call},
    forbidden_construct{"hipStreamCreateWithPriority", "other_stream", stream_why, call},
    forbidden_construct{"hipStreamDestroy", "other_stream", stream_why, call},
    forbidden_construct{"hipStreamWaitEvent", "other_stream", stream_why, call},
    forbidden_construct{"hipStreamAddCallback", "other_stream", stream_why, call},
    forbidden_construct{"hipLaunchHostFunc", "other_stream", stream_why, call},
    forbidden_construct{"hipEventCreate", "other_stream", stream_why, call},
    forbidden_construct{"hipEventCreateWithFlags", "other_stream", stream_why, call},
    forbidden_construct{"hipEventRecord", "other_stream", stream_why, call},
    forbidden_construct{"hipEventSynchronize", "other_stream", stream_why, call},
    forbidden_construct{"hipEventElapsedTime", "other_stream", stream_why, call},
    forbidden_construct{"hipEventQuery", "other_stream", stream_why, call},
    forbidden_construct{"hipEventDestroy", "other_stream", stream_why, call},
    forbidden_construct{"hipSetDevice", "other_stream", "work on another device escapes the harness's timing", call},
    forbidden_construct{"hipDeviceReset", "other_stream", "resetting the device destroys the harness's buffers", call},
    forbidden_construct{"kernel launch on the null stream", "other_stream", stream_why, launch_stream},
    // Host copies of inputs and outputs.
    forbidden_construct{"hipMemcpy", "host_copy", copy_why, host_kind_copy},
    forbidden_construct{"hipMemcpyAsync", "host_copy", copy_why, host_kind_copy},
    forbidden_construct{"hipMemcpy2D", "host_copy", copy_why, host_kind_copy},
    forbidden_construct{"hipMemcpy2DAsync", "host_copy", copy_why, host_kind_copy},
    forbidden_construct{"hipMemcpyWithStream", "host_copy", copy_why, host_kind_copy},
    forbidden_construct{"hipMemcpyFromSymbol", "host_copy", copy_why, host_kind_copy},
    forbidden_construct{"hipMemcpyFromSymbolAsync", "host_copy", copy_why, host_kind_copy},
    forbidden_construct{"hipMemcpyDtoH", "host_copy", copy_why, call},
    forbidden_construct{"hipMemcpyDtoHAsync", "host_copy", copy_why, call},
    forbidden_construct{"hipMemcpyHtoD", "host_copy", copy_why, call},
    forbidden_construct{"hipMemcpyHtoDAsync", "host_copy", copy_why, call},
    forbidden_construct{"hipMemcpyPeer", "host_copy", copy_why, call},
    forbidden_construct{"hipMemcpyPeerAsync", "host_copy", copy_why, call},
    // Structural: found from the shape of the code, not from a name.
    forbidden_construct{"inline asm", "inline_asm", "host assembly can do anything unseen by a source check",
                        inline_asm},
    forbidden_construct{"global object with dynamic initialisation", "global_constructor",
                        "code that runs when the module is loaded or unloaded runs outside every check", global_init},
    forbidden_construct{"__attribute__((constructor/destructor))", "global_constructor",
                        "code that runs when the module is loaded or unloaded runs outside every check", load_hook},
};

}  // namespace

std::span<const forbidden_construct> forbidden_constructs() { return constructs; }

const forbidden_construct* find_forbidden_name(std::string_view qualified_name, construct_match match) {
    for (const forbidden_construct& construct : constructs) {
        if (construct.match == match && construct.name == qualified_name) return &construct;
    }
    return nullptr;
}

const forbidden_construct& structural_construct(construct_match match) {
    for (const forbidden_construct& construct : constructs) {
        if (construct.match == match) return construct;
    }
    throw std::logic_error("forbidden_constructs: no entry for a structural construct kind");
}

}  // namespace hipkb::policy
