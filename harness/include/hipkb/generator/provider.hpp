#pragma once
// Where answers come from. A provider runs requests asynchronously: start()
// hands one over, wait() returns those that finished. The scheduler above it
// owns concurrency, rate limits and retries, so a provider only transports.

#include <hipkb/generator/chat.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hipkb::generator {

struct generate_settings;

// Which sample a request is for: the replay provider looks answers up by it.
struct request_label {
    std::string problem;
    std::string sample;
};

struct provider_outcome {
    enum class kind {
        answered,          // an HTTP 2xx with a body (which may still be malformed)
        http_error,        // any other HTTP status
        timeout,           // no complete answer within the connect or total timeout
        connection_error,  // refused, reset, dropped, nothing received
        unavailable,       // cannot be answered at all (no recording, bad URL): never retried
    };
    std::uint64_t ticket = 0;
    kind what = kind::answered;
    long http_status = 0;
    std::string body;  // response body (answered, http_error); the key is redacted from it
    std::optional<std::chrono::milliseconds> retry_after;
    std::string error;  // what went wrong, for the other kinds
    double latency_s = 0.0;
};

[[nodiscard]] std::string_view to_string(provider_outcome::kind what);

class provider {
public:
    provider() = default;
    provider(const provider&) = delete;
    provider& operator=(const provider&) = delete;
    virtual ~provider() = default;

    // "openai" or "replay", as recorded in metadata.
    [[nodiscard]] virtual std::string name() const = 0;
    // Starts a request; its outcome comes back from wait() under `ticket`.
    virtual void start(std::uint64_t ticket, const chat_request& request, const request_label& label) = 0;
    // Returns the requests that finished, waiting up to `max_wait` for one
    // when none has (also when nothing is in flight: it then just sleeps).
    [[nodiscard]] virtual std::vector<provider_outcome> wait(std::chrono::milliseconds max_wait) = 0;
    // Abandons every request in flight (Ctrl-C).
    virtual void cancel_all() = 0;
};

// The provider the settings name. Reads the API key from the environment
// variable named by api_key_env; throws settings_error when it is unset.
[[nodiscard]] std::unique_ptr<provider> make_provider(const generate_settings& settings);

}  // namespace hipkb::generator
