#include <hipkb/generator/progress.hpp>

#include <fmt/core.h>

#include <unistd.h>
#include <cstdlib>

namespace hipkb::generator {

namespace {

std::string tokens_text(std::int64_t tokens) {
    if (tokens >= 1'000'000) return fmt::format("{:.1f}M", static_cast<double>(tokens) / 1e6);
    if (tokens >= 10'000) return fmt::format("{:.1f}k", static_cast<double>(tokens) / 1e3);
    return std::to_string(tokens);
}

std::string duration_text(double seconds) {
    const auto total = static_cast<std::int64_t>(seconds + 0.5);
    if (total >= 3600) return fmt::format("{}h{:02}m", total / 3600, (total / 60) % 60);
    return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

progress_reporter::progress_reporter(std::string_view mode, std::size_t total, std::FILE* out,
                                     std::chrono::duration<double> plain_interval)
    : m_out(out), m_total(total), m_started(clock::now()), m_last_print(m_started), m_interval(plain_interval) {
    if (mode == "off" || out == nullptr) {
        m_enabled = false;
    } else if (mode == "live") {
        m_live = true;
    } else if (mode == "auto") {
        const char* ci = std::getenv("CI");
        m_live = ::isatty(::fileno(out)) != 0 && !(ci && *ci && std::string_view(ci) != "false");
    }
    if (m_live) m_interval = std::chrono::milliseconds(200);
}

void progress_reporter::add_done(std::int64_t tokens_in, std::int64_t tokens_out) {
    ++m_done;
    m_tokens_in += tokens_in;
    m_tokens_out += tokens_out;
}

void progress_reporter::add_failed() { ++m_failed; }

std::string progress_reporter::line() const {
    const std::size_t finished = m_done + m_failed;
    const std::size_t remaining = m_total > finished ? m_total - finished : 0;
    const double elapsed = std::chrono::duration<double>(clock::now() - m_started).count();
    std::string eta = "--:--";
    if (finished > 0 && remaining > 0) {
        eta = duration_text(elapsed / static_cast<double>(finished) * static_cast<double>(remaining));
    } else if (remaining == 0) {
        eta = "0:00";
    }
    return fmt::format("generate: {} done, {} failed, {} remaining of {} | tokens {} in, {} out | {} elapsed, ETA {}",
                       m_done, m_failed, remaining, m_total, tokens_text(m_tokens_in), tokens_text(m_tokens_out),
                       duration_text(elapsed), eta);
}

void progress_reporter::print(bool final) {
    if (m_live) {
        // \r and "erase line" redraw in place.
        fmt::print(m_out, "\r\x1b[2K{}{}", line(), final ? "\n" : "");
        m_printed_live = !final;
    } else {
        fmt::print(m_out, "{}\n", line());
    }
    std::fflush(m_out);
    m_last_print = clock::now();
}

void progress_reporter::tick() {
    if (!m_enabled) return;
    if (clock::now() - m_last_print >= m_interval) print(false);
}

void progress_reporter::finish() {
    if (!m_enabled) return;
    print(true);
}

}  // namespace hipkb::generator
