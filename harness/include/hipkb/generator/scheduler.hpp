#pragma once
// Runs many chat requests through a provider: at most `concurrency` at once,
// within the rate limits, retrying transient failures with backoff. One
// thread drives everything (the provider multiplexes the transfers), so the
// result callback never races with itself.

#include <hipkb/generator/backoff.hpp>
#include <hipkb/generator/chat.hpp>
#include <hipkb/generator/provider.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace hipkb::generator {

struct scheduler_settings {
    std::size_t concurrency = 8;
    retry_policy retry;
    std::int64_t requests_per_minute = 0;
    std::int64_t tokens_per_minute = 0;
    std::uint64_t jitter_seed = 0;  // 0: seeded from std::random_device
};

struct generate_settings;

// The scheduling a run's settings ask for (retries, backoff, rate limits),
// at the given concurrency: generate runs many requests at once, refine one
// turn at a time.
[[nodiscard]] scheduler_settings scheduling_from(const generate_settings& settings, std::size_t concurrency,
                                                 std::uint64_t jitter_seed);

struct job {
    request_label label;
    chat_request request;
    std::int64_t reserved_tokens = 0;  // what the token limiter reserves: prompt estimate + max_tokens
};

struct job_result {
    request_label label;
    bool ok = false;
    chat_response response;    // when ok
    std::string raw_body;      // the last body received: the answer, or the error/malformed body
    std::string failure_kind;  // when not ok: http_error, timeout, connection_error, malformed_response,
                               // unavailable, retry_after_too_long
    std::string message;       // when not ok: what happened, for people
    long http_status = 0;
    std::int64_t attempts = 0;
    double latency_s = 0.0;  // of the last attempt
    double elapsed_s = 0.0;  // from the first attempt's start to the end, waits included
};

class request_scheduler {
public:
    request_scheduler(provider& source, scheduler_settings settings);

    using job_source = std::function<std::optional<job>()>;
    using result_sink = std::function<void(job_result&&)>;

    // Pulls jobs from `next` (lazily, so a run of any size holds only the
    // jobs in progress) and hands each result to `done`. `should_stop` is
    // polled at least every 100 ms; when it says so, requests in flight are
    // abandoned and run returns false. `on_tick` is called every loop turn
    // (for progress lines). Returns true when every job has a result.
    bool run(const job_source& next, const result_sink& done, const std::function<bool()>& should_stop = {},
             const std::function<void()>& on_tick = {});

    // Counts results handed to `done` that are still being persisted (written
    // on other threads). They keep their slots: requests in flight plus
    // answers not yet on disk never exceed `concurrency`, which bounds what a
    // crash can lose.
    void set_backlog_probe(std::function<std::size_t()> backlog) { m_backlog = std::move(backlog); }

    // The most requests that were in flight at once.
    [[nodiscard]] std::size_t peak_in_flight() const { return m_peak_in_flight; }
    // Requests abandoned in flight when `should_stop` ended the last run.
    [[nodiscard]] std::size_t abandoned() const { return m_abandoned; }

private:
    provider& m_provider;
    scheduler_settings m_settings;
    std::size_t m_peak_in_flight = 0;
    std::size_t m_abandoned = 0;
    std::function<std::size_t()> m_backlog;
};

}  // namespace hipkb::generator
