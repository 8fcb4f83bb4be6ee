#include <hipkb/core/process.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <unistd.h>

namespace {

TEST(Process, captures_output_and_exit_code) {
    const auto result = hipkb::run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
    EXPECT_EQ(result.how, hipkb::process_result::end::exited);
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.output.find("out"), std::string::npos);
    EXPECT_NE(result.output.find("err"), std::string::npos);
}

// Whether process `pid` still runs (a zombie waiting for its reaper does not).
bool still_running(long pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return false;
    const std::size_t close = line.rfind(')');
    return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

TEST(Process, a_hanging_child_and_its_children_are_killed_at_the_timeout) {
    const std::filesystem::path pid_file =
        std::filesystem::temp_directory_path() / ("hipkb_grandchild_" + std::to_string(::getpid()));
    hipkb::process_options options;
    options.timeout = std::chrono::milliseconds(300);
    const auto result =
        hipkb::run_process({"sh", "-c", "sleep 30 & echo $! > " + pid_file.string() + "; sleep 30"}, options);
    EXPECT_EQ(result.how, hipkb::process_result::end::timed_out);
    EXPECT_LT(result.wall_seconds, 10.0);
    // The grandchild (the background sleep) must be gone too, not just the shell.
    std::ifstream in(pid_file);
    long grandchild = 0;
    ASSERT_TRUE(in >> grandchild) << "the child never wrote its background job's pid";
    std::filesystem::remove(pid_file);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (still_running(grandchild) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_FALSE(still_running(grandchild)) << "grandchild " << grandchild << " survived the timeout";
}

TEST(Process, a_crash_is_reported_with_its_signal) {
    const auto result = hipkb::run_process({"sh", "-c", "kill -SEGV $$"});
    EXPECT_EQ(result.how, hipkb::process_result::end::signalled);
    EXPECT_EQ(result.signal, SIGSEGV);
}

TEST(Process, a_missing_program_fails_to_start_with_a_reason) {
    const auto result = hipkb::run_process({"/nonexistent/hipkb-no-such-program"});
    EXPECT_EQ(result.how, hipkb::process_result::end::failed_to_start);
    EXPECT_NE(result.error.find("hipkb-no-such-program"), std::string::npos);
}

TEST(Process, passes_extra_environment) {
    hipkb::process_options options;
    options.environment = {"HIPKB_PROCESS_TEST=hello"};
    const auto result = hipkb::run_process({"sh", "-c", "echo $HIPKB_PROCESS_TEST"}, options);
    EXPECT_NE(result.output.find("hello"), std::string::npos);
}

TEST(Process, an_extra_entry_replaces_the_parents_variable_of_that_name) {
    // A child bound to one GPU must not see the parent's visible-devices list.
    ::setenv("HIPKB_PROCESS_TEST_OVERRIDE", "parent", 1);
    hipkb::process_options options;
    options.environment = {"HIPKB_PROCESS_TEST_OVERRIDE=child"};
    const auto result = hipkb::run_process({"sh", "-c", "env | grep '^HIPKB_PROCESS_TEST_OVERRIDE='"}, options);
    ::unsetenv("HIPKB_PROCESS_TEST_OVERRIDE");
    EXPECT_EQ(result.output, "HIPKB_PROCESS_TEST_OVERRIDE=child\n");
}

}  // namespace

namespace {

TEST(Process, what_the_child_writes_to_the_report_fd_comes_back_apart_from_its_output) {
    hipkb::process_options options;
    options.report_fd = 3;
    const auto result = hipkb::run_process({"sh", "-c", "echo out; printf 'for the driver' >&3"}, options);
    EXPECT_EQ(result.how, hipkb::process_result::end::exited);
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.report, "for the driver");
    EXPECT_EQ(result.output.find("for the driver"), std::string::npos);
}

TEST(Process, a_large_report_is_read_whole_while_the_child_runs) {
    hipkb::process_options options;
    options.report_fd = 3;
    // 1 MiB: far more than a pipe holds, so the child blocks until it is read.
    const auto result = hipkb::run_process({"sh", "-c", "head -c 1048576 /dev/zero >&3; echo done"}, options);
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.report.size(), 1048576u);
    EXPECT_NE(result.output.find("done"), std::string::npos);
}

TEST(Process, a_grandchild_left_behind_is_killed_when_asked) {
    const std::filesystem::path pid_file =
        std::filesystem::temp_directory_path() / ("hipkb_leftover_" + std::to_string(::getpid()));
    hipkb::process_options options;
    options.kill_leftovers = true;
    const auto result = hipkb::run_process(
        {"sh", "-c", "sleep 30 >/dev/null 2>&1 </dev/null & echo $! > " + pid_file.string() + "; exit 0"}, options);
    EXPECT_EQ(result.exit_code, 0);
    std::ifstream in(pid_file);
    long pid = 0;
    ASSERT_TRUE(in >> pid) << pid_file;
    std::filesystem::remove(pid_file);
    for (int n = 0; n < 100 && still_running(pid); ++n) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_FALSE(still_running(pid)) << "the leftover sleep " << pid << " still runs";
}

}  // namespace
