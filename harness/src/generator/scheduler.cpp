#include <hipkb/generator/scheduler.hpp>

#include <hipkb/generator/settings.hpp>

#include <hipkb/generator/rate_limiter.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <random>

namespace hipkb::generator {

scheduler_settings scheduling_from(const generate_settings& settings, std::size_t concurrency,
                                   std::uint64_t jitter_seed) {
    scheduler_settings scheduling;
    scheduling.concurrency = concurrency;
    scheduling.retry.max_attempts = settings.max_attempts;
    scheduling.retry.initial = std::chrono::duration<double>(settings.backoff_initial_s);
    scheduling.retry.longest = std::chrono::duration<double>(settings.backoff_max_s);
    scheduling.requests_per_minute = settings.requests_per_minute;
    scheduling.tokens_per_minute = settings.tokens_per_minute;
    scheduling.jitter_seed = jitter_seed;
    return scheduling;
}

namespace {

using clock = std::chrono::steady_clock;

// The longest the loop sleeps without looking at `should_stop`.
constexpr auto max_idle = std::chrono::milliseconds(100);

struct active_job {
    job work;
    std::int64_t attempts = 0;
    bool in_flight = false;
    clock::time_point not_before;
    clock::time_point first_start;
};

std::string describe_failure(const provider_outcome& outcome) {
    switch (outcome.what) {
        case provider_outcome::kind::http_error:
            return fmt::format("HTTP {}: {}", outcome.http_status, error_message_of(outcome.body));
        case provider_outcome::kind::answered:
            return "answered";
        default:
            return outcome.error;
    }
}

}  // namespace

request_scheduler::request_scheduler(provider& source, scheduler_settings settings)
    : m_provider(source), m_settings(settings) {
    m_settings.concurrency = std::max<std::size_t>(1, m_settings.concurrency);
}

bool request_scheduler::run(const job_source& next, const result_sink& done, const std::function<bool()>& should_stop,
                            const std::function<void()>& on_tick) {
    m_abandoned = 0;
    std::mt19937_64 random(m_settings.jitter_seed != 0 ? m_settings.jitter_seed : std::random_device{}());
    rate_limiter limiter(m_settings.requests_per_minute, m_settings.tokens_per_minute, clock::now());
    // Keyed by ticket, so waiting jobs start oldest first. A job waiting for
    // its retry keeps its slot: a failing server is not handed fresh work.
    std::map<std::uint64_t, active_job> active;
    std::uint64_t next_ticket = 1;
    bool source_empty = false;
    std::size_t in_flight = 0;
    clock::time_point paused_until{};  // after a 429, nothing starts before this

    const auto finish = [&](std::map<std::uint64_t, active_job>::iterator it, job_result&& result) {
        const auto now = clock::now();
        result.label = it->second.work.label;
        result.attempts = it->second.attempts;
        result.elapsed_s = std::chrono::duration<double>(now - it->second.first_start).count();
        active.erase(it);
        done(std::move(result));
    };

    while (true) {
        if (should_stop && should_stop()) {
            m_abandoned = in_flight;
            m_provider.cancel_all();
            return false;
        }
        auto now = clock::now();
        const std::size_t backlog = m_backlog ? m_backlog() : 0;
        while (!source_empty && active.size() + backlog < m_settings.concurrency) {
            std::optional<job> work = next();
            if (!work) {
                source_empty = true;
                break;
            }
            active_job entry;
            entry.work = std::move(*work);
            entry.not_before = now;
            active.emplace(next_ticket++, std::move(entry));
        }
        if (source_empty && active.empty()) return true;

        // Slots held by answers being written free up within milliseconds.
        clock::time_point wake = now + (backlog > 0 ? std::chrono::milliseconds(2) : max_idle);
        for (auto& [ticket, entry] : active) {
            if (entry.in_flight) continue;
            if (entry.not_before > now) {
                wake = std::min(wake, entry.not_before);
                continue;
            }
            if (paused_until > now) {
                wake = std::min(wake, paused_until);
                break;
            }
            if (!limiter.try_acquire(now, entry.work.reserved_tokens)) {
                wake = std::min(wake, limiter.next_available(now, entry.work.reserved_tokens));
                break;
            }
            if (entry.attempts == 0) entry.first_start = now;
            ++entry.attempts;
            entry.in_flight = true;
            ++in_flight;
            m_peak_in_flight = std::max(m_peak_in_flight, in_flight);
            m_provider.start(ticket, entry.work.request, entry.work.label);
        }

        const auto wait_for = std::chrono::ceil<std::chrono::milliseconds>(std::max(wake - now, clock::duration(0)));
        std::vector<provider_outcome> outcomes =
            m_provider.wait(std::max(wait_for, std::chrono::milliseconds(in_flight > 0 ? 0 : 1)));
        now = clock::now();
        for (provider_outcome& outcome : outcomes) {
            const auto it = active.find(outcome.ticket);
            if (it == active.end()) continue;
            active_job& entry = it->second;
            entry.in_flight = false;
            --in_flight;

            job_result result;
            result.latency_s = outcome.latency_s;
            result.http_status = outcome.http_status;
            if (outcome.what == provider_outcome::kind::answered) {
                try {
                    result.response = parse_chat_response(outcome.body);
                    result.ok = true;
                    const std::int64_t used = result.response.prompt_tokens + result.response.completion_tokens;
                    limiter.settle(entry.work.reserved_tokens, used);
                } catch (const response_error& error) {
                    result.failure_kind = "malformed_response";
                    result.message = error.what();
                }
                result.raw_body = std::move(outcome.body);
                finish(it, std::move(result));
                continue;
            }

            result.message = describe_failure(outcome);
            result.raw_body = std::move(outcome.body);
            if (is_retryable(outcome) && entry.attempts < m_settings.retry.max_attempts) {
                auto delay = backoff_delay(m_settings.retry, entry.attempts, random);
                if (outcome.retry_after) {
                    const std::chrono::duration<double> asked = *outcome.retry_after;
                    if (asked > m_settings.retry.longest) {
                        result.failure_kind = "retry_after_too_long";
                        result.message = fmt::format(
                            "{}; the server asked to retry after {:.1f} s, more than "
                            "backoff_max_s ({:.1f} s)",
                            result.message, asked.count(), m_settings.retry.longest.count());
                        finish(it, std::move(result));
                        continue;
                    }
                    delay = std::max(delay, asked);
                }
                const auto resume = now + std::chrono::duration_cast<clock::duration>(delay);
                entry.not_before = resume;
                // A 429 is about the whole account, not this request: hold
                // every start until the server's window has passed.
                if (outcome.http_status == 429) paused_until = std::max(paused_until, resume);
                continue;
            }
            result.failure_kind = std::string(to_string(outcome.what));
            if (is_retryable(outcome)) {
                result.message = fmt::format("{} (gave up after {} attempts)", result.message, entry.attempts);
            }
            finish(it, std::move(result));
        }
        if (on_tick) on_tick();
    }
}

}  // namespace hipkb::generator
