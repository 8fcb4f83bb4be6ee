#include <hipkb/core/report_channel.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace {

// What send_report writes, read back from a pipe.
std::string frames_of(const std::vector<std::pair<std::string, std::string>>& messages) {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    for (const auto& [kind, body] : messages) hipkb::send_report(fds[1], kind, body);
    ::close(fds[1]);
    std::string read_back;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) read_back.append(buffer, n);
    ::close(fds[0]);
    return read_back;
}

TEST(ReportChannel, frames_sent_are_parsed_back_in_order_with_their_bodies) {
    const std::string body_with_newlines = "{\n  \"correct\": true\n}\nhipkb-report verdict 3\n";
    const hipkb::report_stream parsed =
        hipkb::parse_reports(frames_of({{"verdict", body_with_newlines}, {"benchmark", ""}, {"verdict", "{}"}}));
    EXPECT_TRUE(parsed.error.empty()) << parsed.error;
    ASSERT_EQ(parsed.messages.size(), 3u);
    EXPECT_EQ(parsed.messages[0].kind, "verdict");
    EXPECT_EQ(parsed.messages[0].body, body_with_newlines);
    EXPECT_EQ(parsed.messages[1].kind, "benchmark");
    EXPECT_EQ(parsed.messages[1].body, "");
    EXPECT_EQ(parsed.messages[2].body, "{}");
}

TEST(ReportChannel, bytes_that_are_not_a_frame_are_an_error_naming_the_offset) {
    const std::string good = frames_of({{"verdict", "{}"}});
    const hipkb::report_stream parsed = hipkb::parse_reports(good + "correct: true\n");
    EXPECT_EQ(parsed.messages.size(), 1u) << "the frames before stay readable";
    EXPECT_NE(parsed.error.find("byte " + std::to_string(good.size())), std::string::npos) << parsed.error;
}

TEST(ReportChannel, a_frame_cut_short_is_an_error) {
    const std::string whole = frames_of({{"verdict", "{\"correct\": false}"}});
    const hipkb::report_stream parsed = hipkb::parse_reports(whole.substr(0, whole.size() - 5));
    EXPECT_TRUE(parsed.messages.empty());
    EXPECT_NE(parsed.error.find("cut short"), std::string::npos) << parsed.error;
}

TEST(ReportChannel, a_size_that_is_not_a_number_is_an_error) {
    EXPECT_FALSE(hipkb::parse_reports("hipkb-report verdict many\n{}\n").error.empty());
    EXPECT_FALSE(hipkb::parse_reports("hipkb-report verdict\n").error.empty());
}

TEST(ReportChannel, a_closed_descriptor_is_an_error_naming_it) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    ::close(fds[0]);
    ::close(fds[1]);
    try {
        hipkb::send_report(fds[1], "verdict", "{}");
        ADD_FAILURE() << "no error for a closed descriptor";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("fd " + std::to_string(fds[1])), std::string::npos) << error.what();
    }
}

}  // namespace
