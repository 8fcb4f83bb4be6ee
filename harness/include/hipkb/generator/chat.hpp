#pragma once
// OpenAI-compatible chat completions: the request body and the parts of the
// response the generator keeps.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb::generator {

struct chat_message {
    std::string role;  // "system", "user" or "assistant"
    std::string content;
};

using message_list = std::vector<chat_message>;

struct chat_request {
    // Shared: every sample of a problem sends the same prompt.
    std::shared_ptr<const message_list> messages;
    std::string model;
    double temperature = 0.7;
    std::int64_t max_tokens = 8192;
    std::string max_tokens_field = "max_tokens";
    std::optional<std::int64_t> seed;
};

// The JSON request body.
[[nodiscard]] std::string request_body(const chat_request& request);

struct chat_response {
    std::string content;        // the first choice's message (refusal text when there is no content)
    std::string reasoning;      // "reasoning_content" or "reasoning", when the server sends one
    std::string finish_reason;  // "stop", "length", ...
    std::string model;          // as reported by the server
    std::int64_t prompt_tokens = 0;
    std::int64_t completion_tokens = 0;
};

class response_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses a response body. Throws response_error saying what is malformed.
[[nodiscard]] chat_response parse_chat_response(std::string_view body);

// The "error.message" of an error response body, or a short excerpt of it.
[[nodiscard]] std::string error_message_of(std::string_view body);

// Rough token count of a prompt (4 characters a token), for the rate limiter's
// reservation before the server reports real usage.
[[nodiscard]] std::int64_t estimate_prompt_tokens(const message_list& messages);

}  // namespace hipkb::generator
