#pragma once
// The progress of a run: on a terminal one line redrawn in place, elsewhere
// (CI logs) a plain line every few seconds, so logs stay readable.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace hipkb::generator {

class progress_reporter {
public:
    using clock = std::chrono::steady_clock;

    // `mode`: "auto" (live on a terminal unless CI is set, else plain),
    // "live", "plain" or "off". `total` is the number of requests to make.
    progress_reporter(std::string_view mode, std::size_t total, std::FILE* out,
                      std::chrono::duration<double> plain_interval = std::chrono::seconds(10));

    void add_done(std::int64_t tokens_in, std::int64_t tokens_out);
    void add_failed();
    // Prints if it is time to.
    void tick();
    // Prints the final line (and ends the live line).
    void finish();

    // The line as it would be printed now.
    [[nodiscard]] std::string line() const;
    [[nodiscard]] bool live() const { return m_live; }

private:
    void print(bool final);

    std::FILE* m_out;
    bool m_enabled = true;
    bool m_live = false;
    std::size_t m_total = 0;
    std::size_t m_done = 0;
    std::size_t m_failed = 0;
    std::int64_t m_tokens_in = 0;
    std::int64_t m_tokens_out = 0;
    clock::time_point m_started;
    clock::time_point m_last_print;
    std::chrono::duration<double> m_interval;
    bool m_printed_live = false;
};

}  // namespace hipkb::generator
