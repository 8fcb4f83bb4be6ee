// The scheduler over the real OpenAI-compatible provider (libcurl) against a
// real local HTTP server: retries, their timing, timeouts, malformed and
// dropped answers, concurrency and rate bounds, and the key kept secret.
#include <hipkb/generator/openai_provider.hpp>
#include <hipkb/generator/scheduler.hpp>

#include "test_server.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace {

using namespace hipkb::generator;
using namespace hipkb::generator::testing;
using namespace std::chrono_literals;
using reply = scripted_reply;

constexpr const char* secret_key = "sk-test-SECRET-0123456789";

struct run_outcome {
    std::vector<job_result> results;
    double seconds = 0.0;
    std::size_t peak = 0;
    std::size_t abandoned = 0;
    bool completed = false;
};

struct fixture_options {
    std::size_t jobs = 1;
    std::size_t concurrency = 4;
    std::int64_t max_attempts = 4;
    double backoff_initial_s = 0.05;
    double backoff_max_s = 2.0;
    double timeout_s = 5.0;
    std::int64_t requests_per_minute = 0;
    std::function<bool()> should_stop;
};

run_outcome run_jobs(const std::string& base_url, const fixture_options& o) {
    openai_options options;
    options.base_url = base_url;
    options.api_key = secret_key;
    options.headers["X-Extra"] = "extra-value";
    options.connect_timeout_s = 2.0;
    options.timeout_s = o.timeout_s;
    openai_provider provider(options);
    scheduler_settings settings;
    settings.concurrency = o.concurrency;
    settings.retry = {o.max_attempts, std::chrono::duration<double>(o.backoff_initial_s),
                      std::chrono::duration<double>(o.backoff_max_s)};
    settings.requests_per_minute = o.requests_per_minute;
    settings.jitter_seed = 7;
    request_scheduler scheduler(provider, settings);
    auto messages = std::make_shared<message_list>(message_list{{"user", "Optimise the problem \"p\" please"}});
    std::size_t issued = 0;
    run_outcome out;
    const auto start = std::chrono::steady_clock::now();
    out.completed = scheduler.run(
        [&]() -> std::optional<job> {
            if (issued == o.jobs) return std::nullopt;
            job work;
            work.label = {"p", "s" + std::to_string(issued)};
            work.request = {messages, "test-model", 0.5, 256, "max_tokens", static_cast<std::int64_t>(issued)};
            ++issued;
            return work;
        },
        [&](job_result&& r) { out.results.push_back(std::move(r)); }, o.should_stop);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.peak = scheduler.peak_in_flight();
    out.abandoned = scheduler.abandoned();
    return out;
}

double gap_seconds(const received_request& a, const received_request& b) {
    return std::chrono::duration<double>(b.arrived - a.arrived).count();
}

TEST(HttpRetry, success_sends_the_request_openai_expects) {
    test_server server([](const received_request&) { return ok_reply(); });
    const run_outcome out = run_jobs(server.base_url(), {});
    ASSERT_EQ(out.results.size(), 1U);
    const job_result& r = out.results[0];
    ASSERT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.attempts, 1);
    EXPECT_NE(r.response.content.find("answer for p seed 0"), std::string::npos);
    EXPECT_EQ(r.response.prompt_tokens, 100);
    EXPECT_EQ(r.response.completion_tokens, 50);
    EXPECT_EQ(r.response.finish_reason, "stop");
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1U);
    const auto& req = requests[0];
    EXPECT_EQ(req.headers.at("authorization"), std::string("Bearer ") + secret_key);
    EXPECT_EQ(req.headers.at("content-type"), "application/json");
    EXPECT_EQ(req.headers.at("x-extra"), "extra-value");
    EXPECT_EQ(req.headers.count("expect"), 0U);
    EXPECT_EQ(req.body["model"], "test-model");
    EXPECT_EQ(req.body["max_tokens"], 256);
    EXPECT_EQ(req.body["seed"], 0);
    EXPECT_DOUBLE_EQ(req.body["temperature"].get<double>(), 0.5);
    EXPECT_EQ(req.body["messages"][0]["role"], "user");
}

TEST(HttpRetry, a_429_waits_for_retry_after_in_seconds) {
    test_server server([](const received_request& r) {
        if (r.attempt == 1) return status_reply(429, R"({"error":{"message":"slow down"}})", {{"Retry-After", "1"}});
        return ok_reply();
    });
    const run_outcome out = run_jobs(server.base_url(), {});
    ASSERT_TRUE(out.results.at(0).ok) << out.results[0].message;
    EXPECT_EQ(out.results[0].attempts, 2);
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2U);
    const double gap = gap_seconds(requests[0], requests[1]);
    EXPECT_GE(gap, 0.99);  // never sooner than the server asked
    EXPECT_LE(gap, 1.8);   // and not much later
}

TEST(HttpRetry, a_429_with_retry_after_ms_holds_every_request_not_just_its_own) {
    // Two requests in flight; the first answer is a 429 asking for 400 ms. The
    // other request's retry (after its own 500) must also wait for the window.
    test_server server([](const received_request& r) {
        if (r.attempt == 1 && r.seed == 0) return status_reply(429, "{}", {{"retry-after-ms", "400"}});
        if (r.attempt == 1 && r.seed == 1) {
            reply late = status_reply(500, "{}");
            late.delay = 50ms;
            return late;
        }
        return ok_reply();
    });
    fixture_options o;
    o.jobs = 2;
    o.backoff_initial_s = 0.02;
    const run_outcome out = run_jobs(server.base_url(), o);
    ASSERT_EQ(out.results.size(), 2U);
    EXPECT_TRUE(out.results[0].ok && out.results[1].ok);
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 4U);
    const auto first = requests[0].arrived;
    for (std::size_t i = 2; i < 4; ++i) {
        EXPECT_GE(std::chrono::duration<double>(requests[i].arrived - first).count(), 0.39) << i;
    }
    EXPECT_LE(out.seconds, 1.5);
}

TEST(HttpRetry, a_500_then_success_is_retried_after_the_backoff) {
    test_server server([](const received_request& r) {
        if (r.attempt == 1) return status_reply(500, R"({"error":{"message":"boom"}})");
        return ok_reply();
    });
    fixture_options o;
    o.backoff_initial_s = 0.2;
    const run_outcome out = run_jobs(server.base_url(), o);
    ASSERT_TRUE(out.results.at(0).ok);
    EXPECT_EQ(out.results[0].attempts, 2);
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2U);
    const double gap = gap_seconds(requests[0], requests[1]);
    EXPECT_GE(gap, 0.1);  // equal jitter: at least half of the 0.2 s nominal delay
    EXPECT_LE(gap, 0.7);
}

TEST(HttpRetry, persistent_5xx_gives_up_after_max_attempts_with_growing_delays) {
    test_server server(
        [](const received_request&) { return status_reply(503, R"({"error":{"message":"overloaded"}})"); });
    fixture_options o;
    o.max_attempts = 4;
    o.backoff_initial_s = 0.05;
    const run_outcome out = run_jobs(server.base_url(), o);
    ASSERT_EQ(out.results.size(), 1U);
    const job_result& r = out.results[0];
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.failure_kind, "http_error");
    EXPECT_EQ(r.attempts, 4);
    EXPECT_EQ(r.http_status, 503);
    EXPECT_NE(r.message.find("HTTP 503: overloaded"), std::string::npos) << r.message;
    EXPECT_NE(r.message.find("gave up after 4 attempts"), std::string::npos) << r.message;
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 4U);
    // Nominal delays 0.05, 0.1, 0.2 s; each at least half of its nominal.
    EXPECT_GE(gap_seconds(requests[0], requests[1]), 0.025);
    EXPECT_GE(gap_seconds(requests[1], requests[2]), 0.05);
    EXPECT_GE(gap_seconds(requests[2], requests[3]), 0.1);
    EXPECT_LE(out.seconds, 1.5);
}

TEST(HttpRetry, an_answer_slower_than_the_timeout_is_abandoned_and_retried) {
    test_server server([](const received_request& r) {
        reply slow = ok_reply();
        if (r.attempt == 1) slow.delay = 700ms;
        return slow;
    });
    fixture_options o;
    o.timeout_s = 0.2;
    o.backoff_initial_s = 0.02;
    const run_outcome out = run_jobs(server.base_url(), o);
    ASSERT_TRUE(out.results.at(0).ok) << out.results[0].message;
    EXPECT_EQ(out.results[0].attempts, 2);
    EXPECT_GE(out.seconds, 0.19);
    EXPECT_LE(out.seconds, 0.65);  // did not wait for the slow answer
}

TEST(HttpRetry, always_too_slow_is_a_timeout_failure) {
    test_server server([](const received_request&) {
        reply slow = ok_reply();
        slow.delay = 600ms;
        return slow;
    });
    fixture_options o;
    o.timeout_s = 0.15;
    o.max_attempts = 2;
    o.backoff_initial_s = 0.02;
    const run_outcome out = run_jobs(server.base_url(), o);
    const job_result& r = out.results.at(0);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.failure_kind, "timeout");
    EXPECT_EQ(r.attempts, 2);
    EXPECT_GE(r.latency_s, 0.14);
    EXPECT_LE(r.latency_s, 0.5);
    EXPECT_LE(out.seconds, 0.9);
}

TEST(HttpRetry, malformed_json_is_a_recorded_failure_not_retried) {
    test_server server([](const received_request&) { return malformed_reply(); });
    const run_outcome out = run_jobs(server.base_url(), {});
    const job_result& r = out.results.at(0);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.failure_kind, "malformed_response");
    EXPECT_NE(r.message.find("not JSON"), std::string::npos) << r.message;
    EXPECT_EQ(r.raw_body, R"({"choices": [ {"message": )");
    EXPECT_EQ(server.request_count(), 1U);
}

TEST(HttpRetry, a_dropped_connection_is_retried) {
    test_server server([](const received_request& r) { return r.attempt == 1 ? drop_reply() : ok_reply(); });
    const run_outcome out = run_jobs(server.base_url(), {});
    ASSERT_TRUE(out.results.at(0).ok) << out.results[0].message;
    EXPECT_EQ(out.results[0].attempts, 2);
    EXPECT_EQ(server.request_count(), 2U);
}

TEST(HttpRetry, always_dropped_is_a_connection_error) {
    test_server server([](const received_request&) { return drop_reply(); });
    fixture_options o;
    o.max_attempts = 3;
    o.backoff_initial_s = 0.01;
    const run_outcome out = run_jobs(server.base_url(), o);
    EXPECT_FALSE(out.results.at(0).ok);
    EXPECT_EQ(out.results[0].failure_kind, "connection_error");
    EXPECT_EQ(server.request_count(), 3U);
}

TEST(HttpRetry, a_refused_connection_is_retried_then_reported) {
    std::string url;
    {
        test_server gone([](const received_request&) { return ok_reply(); });
        url = gone.base_url();
    }  // the port is closed now
    fixture_options o;
    o.max_attempts = 2;
    o.backoff_initial_s = 0.01;
    const run_outcome out = run_jobs(url, o);
    EXPECT_FALSE(out.results.at(0).ok);
    EXPECT_EQ(out.results[0].failure_kind, "connection_error");
    EXPECT_EQ(out.results[0].attempts, 2);
}

TEST(HttpRetry, a_401_is_not_retried_and_the_key_it_echoes_is_redacted) {
    const std::string body = std::string(R"({"error":{"message":"Incorrect API key provided: )") + secret_key + "\"}}";
    test_server server([&](const received_request&) { return status_reply(401, body); });
    const run_outcome out = run_jobs(server.base_url(), {});
    const job_result& r = out.results.at(0);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.http_status, 401);
    EXPECT_EQ(server.request_count(), 1U);
    EXPECT_EQ(r.message.find(secret_key), std::string::npos) << r.message;
    EXPECT_EQ(r.raw_body.find(secret_key), std::string::npos);
    EXPECT_NE(r.message.find("[redacted]"), std::string::npos) << r.message;
}

TEST(HttpRetry, a_retry_after_beyond_the_longest_backoff_fails_at_once) {
    test_server server([](const received_request&) { return status_reply(429, "{}", {{"Retry-After", "120"}}); });
    fixture_options o;
    o.backoff_max_s = 1.0;
    const run_outcome out = run_jobs(server.base_url(), o);
    EXPECT_EQ(out.results.at(0).failure_kind, "retry_after_too_long");
    EXPECT_LE(out.seconds, 0.5);
}

TEST(HttpRetry, concurrency_is_bounded_and_reached) {
    test_server server([](const received_request&) {
        reply r = ok_reply();
        r.delay = 40ms;
        return r;
    });
    fixture_options o;
    o.jobs = 30;
    o.concurrency = 4;
    const run_outcome out = run_jobs(server.base_url(), o);
    ASSERT_EQ(out.results.size(), 30U);
    for (const auto& r : out.results) EXPECT_TRUE(r.ok) << r.message;
    EXPECT_EQ(server.peak_concurrency(), 4);
    EXPECT_EQ(out.peak, 4U);
    EXPECT_GE(out.seconds, 8 * 0.040 * 0.9);  // ceil(30 / 4) waves of 40 ms at least
}

TEST(HttpRetry, requests_per_minute_paces_the_starts) {
    test_server server([](const received_request&) { return ok_reply(); });
    fixture_options o;
    o.jobs = 20;
    o.concurrency = 20;
    o.requests_per_minute = 600;  // a burst of 10, then 10 a second
    const run_outcome out = run_jobs(server.base_url(), o);
    ASSERT_EQ(out.results.size(), 20U);
    EXPECT_GE(out.seconds, 0.9);
    EXPECT_LE(out.seconds, 2.5);
    const auto requests = server.requests();
    int in_first_half_second = 0;
    for (const auto& r : requests) in_first_half_second += gap_seconds(requests[0], r) < 0.45 ? 1 : 0;
    EXPECT_LE(in_first_half_second, 15);
}

TEST(HttpRetry, stopping_abandons_requests_in_flight) {
    test_server server([](const received_request&) {
        reply r = ok_reply();
        r.delay = 300ms;
        return r;
    });
    std::atomic<bool> stop = false;
    const auto started = std::chrono::steady_clock::now();
    fixture_options o;
    o.jobs = 10;
    o.concurrency = 3;
    o.should_stop = [&] {
        if (std::chrono::steady_clock::now() - started > 100ms) stop = true;
        return stop.load();
    };
    const run_outcome out = run_jobs(server.base_url(), o);
    EXPECT_FALSE(out.completed);
    EXPECT_TRUE(out.results.empty());
    EXPECT_EQ(out.abandoned, 3U);
    EXPECT_LE(out.seconds, 0.3);
}

}  // namespace
