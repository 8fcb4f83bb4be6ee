#include <hipkb/process.hpp>

#include <gtest/gtest.h>

#include <csignal>

namespace {

TEST(process, captures_output_and_exit_code) {
    const auto result = hipkb::run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
    EXPECT_EQ(result.how, hipkb::process_result::end::exited);
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.output.find("out"), std::string::npos);
    EXPECT_NE(result.output.find("err"), std::string::npos);
}

TEST(process, a_hanging_child_and_its_children_are_killed_at_the_timeout) {
    hipkb::process_options options;
    options.timeout = std::chrono::milliseconds(300);
    const auto result = hipkb::run_process({"sh", "-c", "sleep 30 & sleep 30"}, options);
    EXPECT_EQ(result.how, hipkb::process_result::end::timed_out);
    EXPECT_LT(result.wall_seconds, 10.0);
}

TEST(process, a_crash_is_reported_with_its_signal) {
    const auto result = hipkb::run_process({"sh", "-c", "kill -SEGV $$"});
    EXPECT_EQ(result.how, hipkb::process_result::end::signalled);
    EXPECT_EQ(result.signal, SIGSEGV);
}

TEST(process, a_missing_program_fails_to_start_with_a_reason) {
    const auto result = hipkb::run_process({"/nonexistent/hipkb-no-such-program"});
    EXPECT_EQ(result.how, hipkb::process_result::end::failed_to_start);
    EXPECT_NE(result.error.find("hipkb-no-such-program"), std::string::npos);
}

TEST(process, passes_extra_environment) {
    hipkb::process_options options;
    options.environment = {"HIPKB_PROCESS_TEST=hello"};
    const auto result = hipkb::run_process({"sh", "-c", "echo $HIPKB_PROCESS_TEST"}, options);
    EXPECT_NE(result.output.find("hello"), std::string::npos);
}

}  // namespace
