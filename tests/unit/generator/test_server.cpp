#include "test_server.hpp"

#include <httplib.h>

#include <sys/socket.h>

#include <fmt/core.h>

#include <algorithm>
#include <regex>
#include <thread>

namespace hipkb::generator::testing {

scripted_reply ok_reply(std::chrono::milliseconds delay) {
    scripted_reply r;
    r.delay = delay;
    return r;
}

scripted_reply answer_reply(std::string content) {
    scripted_reply r;
    r.body = std::move(content);
    return r;
}

scripted_reply status_reply(int status, std::string body, std::map<std::string, std::string> headers) {
    scripted_reply r;
    r.what = scripted_reply::kind::status;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

scripted_reply malformed_reply() {
    scripted_reply r;
    r.what = scripted_reply::kind::malformed;
    return r;
}

scripted_reply drop_reply() {
    scripted_reply r;
    r.what = scripted_reply::kind::drop;
    return r;
}

std::string default_answer(const received_request& request) {
    return fmt::format(
        "```thinking\nreasoning for {} seed {}\n```\n```hip\n// answer for {} seed {}\nextern \"C\" int "
        "hipkb_run(const hipkb_args*) {{ return 0; }}\n```\n",
        request.problem, request.seed, request.problem, request.seed);
}

std::string chat_completion_body(const std::string& content, std::int64_t prompt_tokens,
                                 std::int64_t completion_tokens) {
    const nlohmann::json body = {
        {"id", "chatcmpl-test"},
        {"object", "chat.completion"},
        {"model", "test-model"},
        {"choices",
         {{{"index", 0}, {"finish_reason", "stop"}, {"message", {{"role", "assistant"}, {"content", content}}}}}},
        {"usage", {{"prompt_tokens", prompt_tokens}, {"completion_tokens", completion_tokens}}},
    };
    return body.dump();
}

struct test_server::impl {
    httplib::Server server;
    std::thread thread;
    int port = 0;
    mutable std::mutex mutex;
    script reply;
    std::vector<received_request> log;
    std::map<std::pair<std::string, std::int64_t>, int> attempts;
    std::size_t count = 0;
    bool record = true;
    int in_flight = 0;
    int peak = 0;
};

test_server::test_server(script reply, bool record) : m_impl(std::make_unique<impl>()) {
    m_impl->record = record;
    m_impl->reply = std::move(reply);
    // Enough threads that the server never limits the client's concurrency.
    m_impl->server.new_task_queue = [] { return new httplib::ThreadPool(64); };
    m_impl->server.set_keep_alive_timeout(1);
    m_impl->server.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
        received_request request;
        request.arrived = std::chrono::steady_clock::now();
        for (const auto& [name, value] : req.headers) {
            std::string lower = name;
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
            request.headers[lower] = value;
        }
        request.body = nlohmann::json::parse(req.body, nullptr, false);
        if (request.body.is_object()) {
            request.seed = request.body.value("seed", std::int64_t{-1});
            std::smatch match;
            const std::string all = request.body.dump();
            static const std::regex problem_pattern(R"(the problem \\"([A-Za-z0-9_]+)\\")");
            if (std::regex_search(all, match, problem_pattern)) request.problem = match[1];
        }
        script current;
        {
            std::lock_guard lock(m_impl->mutex);
            ++m_impl->count;
            if (m_impl->record) {
                request.attempt = ++m_impl->attempts[{request.problem, request.seed}];
                m_impl->log.push_back(request);
            } else {
                request.attempt = 1;
            }
            m_impl->peak = std::max(m_impl->peak, ++m_impl->in_flight);
            current = m_impl->reply;
        }
        const scripted_reply r = current(request);
        if (r.delay.count() > 0) std::this_thread::sleep_for(r.delay);
        {
            std::lock_guard lock(m_impl->mutex);
            --m_impl->in_flight;
        }
        for (const auto& [name, value] : r.headers) res.set_header(name, value);
        switch (r.what) {
            case scripted_reply::kind::answer:
                res.status = 200;
                res.set_content(chat_completion_body(r.body.empty() ? default_answer(request) : r.body, r.prompt_tokens,
                                                     r.completion_tokens),
                                "application/json");
                break;
            case scripted_reply::kind::status:
                res.status = r.status;
                res.set_content(r.body, "application/json");
                break;
            case scripted_reply::kind::malformed:
                res.status = 200;
                res.set_content(r.body.empty() ? std::string("{\"choices\": [ {\"message\": ") : r.body,
                                "application/json");
                break;
            case scripted_reply::kind::drop:
                // Announce a body, then fail to produce it: the server closes
                // the connection mid-answer.
                res.status = 200;
                res.set_content_provider(1000, "application/json",
                                         [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
                break;
        }
    });
    // cpp-httplib listens with a backlog of 5: with more simultaneous
    // connects, the kernel drops SYNs and clients retry a second later. The
    // socket is remembered here and given a real backlog after binding.
    int listening_socket = -1;
    m_impl->server.set_socket_options([&listening_socket](socket_t sock) {
        httplib::default_socket_options(sock);
        listening_socket = sock;
    });
    m_impl->port = m_impl->server.bind_to_any_port("127.0.0.1");
    if (m_impl->port <= 0) throw std::runtime_error("test server: cannot bind 127.0.0.1");
    if (listening_socket >= 0) ::listen(listening_socket, SOMAXCONN);
    m_impl->thread = std::thread([this] { m_impl->server.listen_after_bind(); });
    // The socket already listens; wait for the accept loop so the first
    // request is not refused by a server still starting.
    while (!m_impl->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

test_server::~test_server() {
    m_impl->server.stop();
    if (m_impl->thread.joinable()) m_impl->thread.join();
}

std::string test_server::base_url() const { return fmt::format("http://127.0.0.1:{}/v1", m_impl->port); }

std::vector<received_request> test_server::requests() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->log;
}

std::size_t test_server::request_count() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->count;
}

int test_server::peak_concurrency() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->peak;
}

void test_server::set_script(script reply) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->reply = std::move(reply);
}

}  // namespace hipkb::generator::testing
