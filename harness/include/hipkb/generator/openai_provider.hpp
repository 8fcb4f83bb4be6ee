#pragma once
// Chat completions over HTTP(S) with libcurl's multi interface: every
// request in flight shares one thread and one connection pool.

#include <hipkb/generator/provider.hpp>

#include <map>
#include <memory>
#include <string>

namespace hipkb::generator {

struct openai_options {
    std::string base_url;  // requests go to <base_url>/chat/completions
    std::string api_key;   // empty: no key is sent
    std::string api_key_header = "Authorization";
    std::map<std::string, std::string> headers;  // extra headers
    double connect_timeout_s = 10.0;
    double timeout_s = 600.0;
};

class openai_provider final : public provider {
public:
    explicit openai_provider(openai_options options);
    ~openai_provider() override;

    [[nodiscard]] std::string name() const override { return "openai"; }
    void start(std::uint64_t ticket, const chat_request& request, const request_label& label) override;
    [[nodiscard]] std::vector<provider_outcome> wait(std::chrono::milliseconds max_wait) override;
    void cancel_all() override;

private:
    struct transfer;
    struct state;
    std::unique_ptr<state> m_state;
};

}  // namespace hipkb::generator
