#include <hipkb/core/report_channel.hpp>

#include <fmt/core.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>

#include <unistd.h>

namespace hipkb {

namespace {

constexpr std::string_view frame_tag = "hipkb-report ";

void write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            throw std::runtime_error(
                fmt::format("cannot write a report to fd {} (--hipkb_report_fd): {}", fd, std::strerror(errno)));
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

}  // namespace

void send_report(int fd, std::string_view kind, std::string_view body) {
    // One buffer, one write where the pipe allows it: frames of two writers
    // interleave less, and a reader never sees a header without its body
    // for long.
    std::string frame = fmt::format("{}{} {}\n", frame_tag, kind, body.size());
    frame.append(body);
    frame.push_back('\n');
    write_all(fd, frame);
}

report_stream parse_reports(std::string_view stream) {
    report_stream parsed;
    std::size_t at = 0;
    while (at < stream.size()) {
        const auto fail = [&](std::string_view what) {
            parsed.error = fmt::format("byte {} of the report channel: {}", at, what);
        };
        if (stream.substr(at, frame_tag.size()) != frame_tag) {
            fail("expected a frame header 'hipkb-report <kind> <bytes>'");
            return parsed;
        }
        const std::size_t line_end = stream.find('\n', at);
        if (line_end == std::string_view::npos) {
            fail("a frame header without its end of line");
            return parsed;
        }
        const std::string_view header = stream.substr(at + frame_tag.size(), line_end - at - frame_tag.size());
        const std::size_t space = header.find(' ');
        if (space == std::string_view::npos || space == 0) {
            fail("a frame header without '<kind> <bytes>'");
            return parsed;
        }
        const std::string_view size_text = header.substr(space + 1);
        std::size_t size = 0;
        const auto [end, error] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size);
        if (error != std::errc() || end != size_text.data() + size_text.size()) {
            fail("a frame size that is not a number");
            return parsed;
        }
        const std::size_t body_start = line_end + 1;
        if (stream.size() < body_start + size + 1 || stream[body_start + size] != '\n') {
            fail("a frame cut short (or longer than it says)");
            return parsed;
        }
        parsed.messages.push_back({std::string(header.substr(0, space)), std::string(stream.substr(body_start, size))});
        at = body_start + size + 1;
    }
    return parsed;
}

}  // namespace hipkb
