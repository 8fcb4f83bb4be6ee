#pragma once
// Requests-per-minute and tokens-per-minute limits as two token buckets.
// Each bucket holds one second's worth of its limit, so a run starts at the
// limit's pace instead of firing a whole minute's budget in one burst (which
// is what makes servers answer 429). Time is passed in, so tests need no
// clock.

#include <chrono>
#include <cstdint>

namespace hipkb::generator {

class rate_limiter {
public:
    using clock = std::chrono::steady_clock;

    // A limit of 0 means no limit.
    rate_limiter(std::int64_t requests_per_minute, std::int64_t tokens_per_minute, clock::time_point start);

    // Takes one request and `tokens` from the buckets when both allow it now.
    // A request larger than a bucket goes once the bucket is full (and drives
    // it negative), so it is delayed, never refused.
    [[nodiscard]] bool try_acquire(clock::time_point now, std::int64_t tokens);

    // The earliest time try_acquire(…, tokens) can succeed.
    [[nodiscard]] clock::time_point next_available(clock::time_point now, std::int64_t tokens);

    // Corrects the token bucket when the server reports the real usage of a
    // request that reserved `reserved` tokens.
    void settle(std::int64_t reserved, std::int64_t used);

private:
    class bucket {
    public:
        bucket(std::int64_t per_minute, clock::time_point start);
        [[nodiscard]] bool enabled() const { return m_per_second > 0.0; }
        void refill(clock::time_point now);
        [[nodiscard]] bool ready(double cost) const;
        void take(double cost) { m_level -= cost; }
        void give(double amount);
        [[nodiscard]] clock::duration time_until_ready(double cost) const;
        [[nodiscard]] clock::time_point updated() const { return m_updated; }

    private:
        double m_per_second = 0.0;
        double m_capacity = 0.0;
        double m_level = 0.0;
        clock::time_point m_updated;
    };

    bucket m_requests;
    bucket m_tokens;
};

}  // namespace hipkb::generator
