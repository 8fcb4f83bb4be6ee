#pragma once
// The channel a bench process reports over to the driver that started it:
// an inherited pipe (--hipkb_report_fd=N) carrying framed messages, so the
// driver, not the bench process, writes the verdict and the benchmark JSON
// (docs/trust.md, "Rewriting the results at exit").
//
// A frame is "hipkb-report <kind> <bytes>\n", then exactly <bytes> bytes of
// body, then "\n". Kinds in use: "verdict" (the verdict JSON; sent again
// whenever it changes, the last one counts) and "benchmark" (the Google
// Benchmark JSON the bench wrote).

#include <string>
#include <string_view>
#include <vector>

namespace hipkb {

struct report_message {
    std::string kind;
    std::string body;
};

struct report_stream {
    std::vector<report_message> messages;
    // Non-empty when the stream held bytes that are not a whole frame (what
    // and at which byte offset): something other than the harness wrote to
    // the channel, or the process died mid-frame.
    std::string error;
};

// Writes one frame to `fd`; throws std::runtime_error naming the fd and the
// errno text when it cannot be written whole.
void send_report(int fd, std::string_view kind, std::string_view body);

// The frames in everything read from the channel, in order.
[[nodiscard]] report_stream parse_reports(std::string_view stream);

}  // namespace hipkb
