#pragma once
// Running a child process with a time limit: each benchmark runs in its own
// process so that a crashing or hanging candidate takes down only itself.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb {

struct process_result {
    enum class end { exited, signalled, timed_out, failed_to_start };
    end how = end::exited;
    int exit_code = -1;  // when exited
    int signal = 0;      // when signalled or timed out (the signal sent)
    double wall_seconds = 0.0;
    std::string output;  // stdout and stderr, interleaved, tail-limited
    std::string error;   // why it failed to start
    // What the child wrote to its report channel (process_options::report_fd),
    // whole, in order.
    std::string report;
};

struct process_options {
    std::chrono::duration<double> timeout{600.0};
    std::optional<std::filesystem::path> working_directory;
    // Extra environment entries "NAME=value" on top of this process's own
    // (replacing a variable of the same name).
    std::vector<std::string> environment;
    // Keep at most this many bytes of output (the last ones).
    std::size_t output_limit = 1 << 20;
    // Also copy the child's output to this process's stdout as it arrives.
    bool echo = false;
    // When >= 0: the child gets the write end of a second pipe as this file
    // descriptor number (3 and up), and everything written to it comes back
    // in process_result::report; the child's stdout stays separate from it.
    int report_fd = -1;
    // Once the child has ended, SIGKILL whatever is left of its process
    // group: a grandchild left behind must not go on writing files the
    // caller is about to write or read.
    bool kill_leftovers = false;
};

// Runs argv[0] (looked up on PATH) with the arguments. On timeout the child's
// whole process group gets SIGTERM, then SIGKILL two seconds later. If this
// process is interrupted (SIGINT/SIGTERM) while waiting, the child is killed
// too and the result says so (signalled).
[[nodiscard]] process_result run_process(const std::vector<std::string>& argv, const process_options& options = {});

// Set by SIGINT/SIGTERM once install_interrupt_handler() has been called.
void install_interrupt_handler();
[[nodiscard]] bool interrupted();

}  // namespace hipkb
