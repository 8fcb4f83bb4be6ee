#include <hipkb/generator/openai_provider.hpp>

#include <hipkb/generator/backoff.hpp>
#include <redact.hpp>

#include "curl_handles.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <unordered_map>

namespace hipkb::generator {

namespace {

using clock = std::chrono::steady_clock;

// An answer larger than this is not a chat completion; stop reading it
// rather than let a broken server fill memory.
constexpr std::size_t max_response_bytes = std::size_t{64} << 20;

long to_milliseconds(double seconds) { return static_cast<long>(std::max(1.0, std::ceil(seconds * 1000.0))); }

provider_outcome::kind kind_of(CURLcode code) {
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
            return provider_outcome::kind::timeout;
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
        case CURLE_GOT_NOTHING:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_PARTIAL_FILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_HTTP3:
        case CURLE_QUIC_CONNECT_ERROR:
            return provider_outcome::kind::connection_error;
        default:
            return provider_outcome::kind::unavailable;
    }
}

}  // namespace

struct openai_provider::transfer {
    std::uint64_t ticket = 0;
    detail::easy_handle easy;
    detail::header_list headers;
    std::string request_body;
    std::string response_body;
    std::optional<std::chrono::milliseconds> retry_after;
    bool too_large = false;
    clock::time_point started;
    char error_buffer[CURL_ERROR_SIZE] = {};

    static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self) {
        auto* t = static_cast<transfer*>(self);
        const std::size_t bytes = size * count;
        if (t->response_body.size() + bytes > max_response_bytes) {
            t->too_large = true;
            return 0;  // makes curl stop with CURLE_WRITE_ERROR
        }
        t->response_body.append(data, bytes);
        return bytes;
    }

    static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self) {
        auto* t = static_cast<transfer*>(self);
        const std::size_t bytes = size * count;
        const std::string_view line(data, bytes);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos) {
            const auto parsed = parse_retry_after(line.substr(0, colon), line.substr(colon + 1), std::time(nullptr));
            // retry-after-ms is more precise than Retry-After; keep the larger
            // when a server sends both, so neither is undercut.
            if (parsed && (!t->retry_after || *parsed > *t->retry_after)) t->retry_after = parsed;
        } else if (line.starts_with("HTTP/")) {
            t->retry_after.reset();  // a new response (after a redirect or 100 Continue)
        }
        return bytes;
    }
};

struct openai_provider::state {
    openai_options options;
    std::string url;
    detail::multi_handle multi;
    std::unordered_map<CURL*, std::unique_ptr<transfer>> transfers;
};

openai_provider::openai_provider(openai_options options) : m_state(std::make_unique<state>()) {
    m_state->options = std::move(options);
    std::string base = m_state->options.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    m_state->url = base + "/chat/completions";
    m_state->multi = detail::make_multi();
}

openai_provider::~openai_provider() { cancel_all(); }

void openai_provider::start(std::uint64_t ticket, const chat_request& request, const request_label&) {
    auto t = std::make_unique<transfer>();
    t->ticket = ticket;
    t->easy = detail::make_easy();
    t->request_body = request_body(request);
    t->started = clock::now();

    const openai_options& o = m_state->options;
    detail::append_header(t->headers, "Content-Type: application/json");
    detail::append_header(t->headers, "Accept: application/json");
    // Without this, curl asks for "100 Continue" before a large body and
    // waits up to a second for a server that never sends it.
    detail::append_header(t->headers, "Expect:");
    if (!o.api_key.empty()) {
        const std::string line = o.api_key_header == "Authorization"
                                     ? fmt::format("Authorization: Bearer {}", o.api_key)
                                     : fmt::format("{}: {}", o.api_key_header, o.api_key);
        detail::append_header(t->headers, line.c_str());
    }
    for (const auto& [name, value] : o.headers) {
        detail::append_header(t->headers, fmt::format("{}: {}", name, value).c_str());
    }

    CURL* easy = t->easy.get();
    curl_easy_setopt(easy, CURLOPT_URL, m_state->url.c_str());
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, t->request_body.c_str());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t->request_body.size()));
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t->headers.get());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &transfer::on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &transfer::on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->error_buffer);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, to_milliseconds(o.connect_timeout_s));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, to_milliseconds(o.timeout_s));
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe beside other threads
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy, CURLOPT_PRIVATE, t.get());
    // Never follow a redirect: it could carry the Authorization header to
    // another host.
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);

    const CURLMcode added = curl_multi_add_handle(m_state->multi.get(), easy);
    if (added != CURLM_OK) {
        throw std::runtime_error(fmt::format("libcurl could not start a request: {}", curl_multi_strerror(added)));
    }
    m_state->transfers.emplace(easy, std::move(t));
}

std::vector<provider_outcome> openai_provider::wait(std::chrono::milliseconds max_wait) {
    std::vector<provider_outcome> done;
    CURLM* multi = m_state->multi.get();
    const auto collect = [&] {
        int running = 0;
        curl_multi_perform(multi, &running);
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
            if (message->msg != CURLMSG_DONE) continue;
            CURL* easy = message->easy_handle;
            const CURLcode code = message->data.result;
            const auto found = m_state->transfers.find(easy);
            if (found == m_state->transfers.end()) continue;
            std::unique_ptr<transfer> t = std::move(found->second);
            m_state->transfers.erase(found);
            curl_multi_remove_handle(multi, easy);

            const std::string& key = m_state->options.api_key;
            provider_outcome outcome;
            outcome.ticket = t->ticket;
            outcome.latency_s = std::chrono::duration<double>(clock::now() - t->started).count();
            outcome.retry_after = t->retry_after;
            if (code == CURLE_OK) {
                long status = 0;
                curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
                outcome.http_status = status;
                outcome.what = status >= 200 && status < 300 ? provider_outcome::kind::answered
                                                             : provider_outcome::kind::http_error;
                outcome.body = redact(t->response_body, key);
            } else if (t->too_large) {
                outcome.what = provider_outcome::kind::unavailable;
                outcome.error = fmt::format("the answer was larger than {} MiB", max_response_bytes >> 20);
            } else {
                outcome.what = kind_of(code);
                const std::string detail =
                    t->error_buffer[0] != '\0' ? std::string(t->error_buffer) : std::string(curl_easy_strerror(code));
                outcome.error = redact(detail, key);
            }
            done.push_back(std::move(outcome));
        }
    };
    collect();
    if (done.empty()) {
        // curl_multi_poll also sleeps for the whole timeout when no transfer
        // is running, which is what the scheduler wants while it waits.
        curl_multi_poll(multi, nullptr, 0, static_cast<int>(std::max<std::int64_t>(0, max_wait.count())), nullptr);
        collect();
    }
    return done;
}

void openai_provider::cancel_all() {
    if (!m_state || !m_state->multi) return;
    for (auto& [easy, t] : m_state->transfers) curl_multi_remove_handle(m_state->multi.get(), easy);
    m_state->transfers.clear();
}

}  // namespace hipkb::generator
