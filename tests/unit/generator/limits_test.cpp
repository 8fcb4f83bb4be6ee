// The rate limiter and the backoff policy: pure logic, tested with explicit
// time points and a seeded random engine.
#include <hipkb/generator/backoff.hpp>
#include <hipkb/generator/rate_limiter.hpp>

#include <gtest/gtest.h>

namespace {

using namespace hipkb::generator;
using namespace std::chrono_literals;
using clock_type = rate_limiter::clock;

TEST(RateLimiter, requests_per_minute_allows_one_seconds_worth_then_paces) {
    const auto t0 = clock_type::time_point{} + 1h;
    rate_limiter limiter(600, 0, t0);  // 10 a second, bursts of 10
    int started = 0;
    while (limiter.try_acquire(t0, 0)) ++started;
    EXPECT_EQ(started, 10);
    const auto next = limiter.next_available(t0, 0);
    EXPECT_GE(next - t0, 99ms);
    EXPECT_LE(next - t0, 101ms);
    EXPECT_FALSE(limiter.try_acquire(t0 + 50ms, 0));
    EXPECT_TRUE(limiter.try_acquire(t0 + 101ms, 0));
    // Over ten seconds, at most the burst plus ten a second.
    int later = 0;
    for (auto t = t0 + 101ms; t < t0 + 10s; t += 10ms) later += limiter.try_acquire(t, 0) ? 1 : 0;
    EXPECT_GE(later, 97);
    EXPECT_LE(later, 100);
}

TEST(RateLimiter, tokens_per_minute_delays_large_requests_and_settles_on_real_usage) {
    const auto t0 = clock_type::time_point{} + 1h;
    rate_limiter limiter(0, 6000, t0);          // 100 tokens a second
    EXPECT_TRUE(limiter.try_acquire(t0, 500));  // larger than the bucket: goes when full, drives it negative
    EXPECT_FALSE(limiter.try_acquire(t0 + 1s, 100));
    const auto next = limiter.next_available(t0, 100);
    EXPECT_GE(next - t0, 4999ms);
    EXPECT_LE(next - t0, 5001ms);
    // The server reports 100 tokens used, not 500: the 400 come back.
    limiter.settle(500, 100);
    EXPECT_TRUE(limiter.try_acquire(t0 + 1s, 100));
}

TEST(RateLimiter, no_limits_never_wait) {
    const auto t0 = clock_type::time_point{} + 1h;
    rate_limiter limiter(0, 0, t0);
    for (int i = 0; i < 10000; ++i) ASSERT_TRUE(limiter.try_acquire(t0, 100000));
    EXPECT_EQ(limiter.next_available(t0, 1), t0);
}

TEST(Backoff, doubles_with_equal_jitter_up_to_the_cap) {
    retry_policy policy{10, std::chrono::duration<double>(0.1), std::chrono::duration<double>(1.0)};
    std::mt19937_64 random(42);
    for (int round = 0; round < 200; ++round) {
        for (int failed = 1; failed <= 8; ++failed) {
            const double nominal = std::min(1.0, 0.1 * static_cast<double>(1 << (failed - 1)));
            const double delay = backoff_delay(policy, failed, random).count();
            ASSERT_GE(delay, nominal / 2.0);
            ASSERT_LE(delay, nominal);
        }
    }
}

TEST(Backoff, which_failures_are_retried) {
    provider_outcome o;
    o.what = provider_outcome::kind::timeout;
    EXPECT_TRUE(is_retryable(o));
    o.what = provider_outcome::kind::connection_error;
    EXPECT_TRUE(is_retryable(o));
    o.what = provider_outcome::kind::http_error;
    for (const long status : {408L, 425L, 429L, 500L, 502L, 503L, 504L}) {
        o.http_status = status;
        EXPECT_TRUE(is_retryable(o)) << status;
    }
    for (const long status : {400L, 401L, 403L, 404L, 422L}) {
        o.http_status = status;
        EXPECT_FALSE(is_retryable(o)) << status;
    }
    o.what = provider_outcome::kind::unavailable;
    EXPECT_FALSE(is_retryable(o));
    o.what = provider_outcome::kind::answered;
    EXPECT_FALSE(is_retryable(o));
}

TEST(Backoff, retry_after_in_seconds_milliseconds_or_a_date) {
    const std::time_t now = 1'000'000'000;  // 2001-09-09T01:46:40Z
    EXPECT_EQ(parse_retry_after("Retry-After", " 2 ", now), std::chrono::milliseconds(2000));
    EXPECT_EQ(parse_retry_after("retry-after", "0.5", now), std::chrono::milliseconds(500));
    EXPECT_EQ(parse_retry_after("retry-after-ms", "250", now), std::chrono::milliseconds(250));
    EXPECT_EQ(parse_retry_after("Retry-After", "Sun, 09 Sep 2001 01:46:50 GMT", now), std::chrono::milliseconds(10000));
    EXPECT_EQ(parse_retry_after("Retry-After", "Sun, 09 Sep 2001 01:46:30 GMT", now), std::chrono::milliseconds(0));
    EXPECT_FALSE(parse_retry_after("Retry-After", "soon", now));
    EXPECT_FALSE(parse_retry_after("Retry-After", "-3", now));
    EXPECT_FALSE(parse_retry_after("Content-Type", "5", now));
}

}  // namespace
