#include <hipkb/generator/rate_limiter.hpp>

#include <algorithm>
#include <cmath>

namespace hipkb::generator {

rate_limiter::bucket::bucket(std::int64_t per_minute, clock::time_point start)
    : m_per_second(static_cast<double>(std::max<std::int64_t>(0, per_minute)) / 60.0),
      m_capacity(std::max(1.0, m_per_second)),
      m_level(m_capacity),
      m_updated(start) {}

void rate_limiter::bucket::refill(clock::time_point now) {
    if (now <= m_updated) return;
    const double elapsed = std::chrono::duration<double>(now - m_updated).count();
    m_level = std::min(m_capacity, m_level + elapsed * m_per_second);
    m_updated = now;
}

bool rate_limiter::bucket::ready(double cost) const {
    if (!enabled()) return true;
    // A small tolerance: refills are computed in floating point.
    return m_level + 1e-9 >= std::min(cost, m_capacity);
}

void rate_limiter::bucket::give(double amount) { m_level = std::min(m_capacity, m_level + amount); }

rate_limiter::clock::duration rate_limiter::bucket::time_until_ready(double cost) const {
    if (ready(cost)) return clock::duration::zero();
    const double missing = std::min(cost, m_capacity) - m_level;
    return std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(missing / m_per_second)) +
           clock::duration(1);
}

rate_limiter::rate_limiter(std::int64_t requests_per_minute, std::int64_t tokens_per_minute, clock::time_point start)
    : m_requests(requests_per_minute, start), m_tokens(tokens_per_minute, start) {}

bool rate_limiter::try_acquire(clock::time_point now, std::int64_t tokens) {
    m_requests.refill(now);
    m_tokens.refill(now);
    const auto cost = static_cast<double>(tokens);
    if (!m_requests.ready(1.0) || !m_tokens.ready(cost)) return false;
    if (m_requests.enabled()) m_requests.take(1.0);
    if (m_tokens.enabled()) m_tokens.take(cost);
    return true;
}

rate_limiter::clock::time_point rate_limiter::next_available(clock::time_point now, std::int64_t tokens) {
    m_requests.refill(now);
    m_tokens.refill(now);
    // The buckets' levels are as of their last update, which may be later
    // than `now` when callers pass slightly stale times.
    const clock::time_point base = std::max({now, m_requests.updated(), m_tokens.updated()});
    return base + std::max(m_requests.time_until_ready(1.0), m_tokens.time_until_ready(static_cast<double>(tokens)));
}

void rate_limiter::settle(std::int64_t reserved, std::int64_t used) {
    if (!m_tokens.enabled() || used <= 0) return;
    const auto difference = static_cast<double>(reserved - used);
    if (difference > 0) {
        m_tokens.give(difference);
    } else {
        m_tokens.take(-difference);
    }
}

}  // namespace hipkb::generator
