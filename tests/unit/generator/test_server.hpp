#pragma once
// A real HTTP server on 127.0.0.1 (cpp-httplib) that answers chat
// completions as a test scripts it: success, errors, Retry-After, slow
// answers, malformed bodies, answers without code, dropped connections.
// It records every request and the most requests it ever held at once.

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hipkb::generator::testing {

struct received_request {
    nlohmann::json body;
    std::map<std::string, std::string> headers;  // lower-case names
    std::chrono::steady_clock::time_point arrived;
    std::string problem;  // from the prompt ("the problem \"x\"")
    std::int64_t seed = -1;
    int attempt = 0;  // 1 for the first request with this (problem, seed)
};

struct scripted_reply {
    enum class kind { answer, status, malformed, drop };
    kind what = kind::answer;
    int status = 200;
    std::string body;                            // for status/malformed; for answer: the content
    std::map<std::string, std::string> headers;  // e.g. Retry-After
    std::chrono::milliseconds delay{0};          // before answering
    std::int64_t prompt_tokens = 100;
    std::int64_t completion_tokens = 50;
};

// Shorthands for scripts.
[[nodiscard]] scripted_reply ok_reply(std::chrono::milliseconds delay = std::chrono::milliseconds(0));
[[nodiscard]] scripted_reply answer_reply(std::string content);
[[nodiscard]] scripted_reply status_reply(int status, std::string body,
                                          std::map<std::string, std::string> headers = {});
[[nodiscard]] scripted_reply malformed_reply();
[[nodiscard]] scripted_reply drop_reply();

// An answer whose code block names the problem and seed, so tests can tell
// samples apart.
[[nodiscard]] std::string default_answer(const received_request& request);
[[nodiscard]] std::string chat_completion_body(const std::string& content, std::int64_t prompt_tokens,
                                               std::int64_t completion_tokens);

class test_server {
public:
    using script = std::function<scripted_reply(const received_request&)>;

    // Starts listening on a free port of 127.0.0.1; `reply` decides each
    // answer. Without `record`, requests are counted but not kept, so the
    // server's memory does not grow with their number (benchmarks).
    explicit test_server(script reply, bool record = true);
    ~test_server();
    test_server(const test_server&) = delete;
    test_server& operator=(const test_server&) = delete;

    [[nodiscard]] std::string base_url() const;  // http://127.0.0.1:<port>/v1
    [[nodiscard]] std::vector<received_request> requests() const;
    [[nodiscard]] std::size_t request_count() const;
    [[nodiscard]] int peak_concurrency() const;
    void set_script(script reply);

private:
    struct impl;
    std::unique_ptr<impl> m_impl;
};

}  // namespace hipkb::generator::testing
