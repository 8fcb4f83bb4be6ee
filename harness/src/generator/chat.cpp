#include <hipkb/generator/chat.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace hipkb::generator {

namespace {

using json = nlohmann::json;

std::string excerpt(std::string_view text, std::size_t limit = 300) {
    std::string out(text.substr(0, limit));
    if (text.size() > limit) out += "...";
    for (char& c : out) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return out;
}

std::string text_field(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

std::int64_t integer_field(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) return 0;
    return it->get<std::int64_t>();
}

}  // namespace

std::string request_body(const chat_request& request) {
    json messages = json::array();
    if (request.messages) {
        for (const auto& message : *request.messages) {
            messages.push_back({{"role", message.role}, {"content", message.content}});
        }
    }
    json body = {{"model", request.model}, {"messages", std::move(messages)}, {"temperature", request.temperature}};
    body[request.max_tokens_field] = request.max_tokens;
    if (request.seed) body["seed"] = *request.seed;
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

chat_response parse_chat_response(std::string_view body) {
    json document;
    try {
        document = json::parse(body);
    } catch (const json::parse_error&) {
        throw response_error(fmt::format("the response is not JSON: {}", excerpt(body)));
    }
    if (!document.is_object())
        throw response_error(fmt::format("the response is not a JSON object: {}", excerpt(body)));
    const auto choices = document.find("choices");
    if (choices == document.end() || !choices->is_array() || choices->empty()) {
        if (document.contains("error")) {
            throw response_error(fmt::format("the server answered with an error: {}", error_message_of(body)));
        }
        throw response_error(fmt::format("the response has no 'choices': {}", excerpt(body)));
    }
    const json& choice = (*choices)[0];
    if (!choice.is_object()) throw response_error("'choices[0]' is not an object");
    const auto message = choice.find("message");
    if (message == choice.end() || !message->is_object()) {
        throw response_error("'choices[0].message' is missing or not an object");
    }
    chat_response response;
    const auto content = message->find("content");
    if (content != message->end() && !content->is_null() && !content->is_string()) {
        throw response_error("'choices[0].message.content' is neither a string nor null");
    }
    response.content = text_field(*message, "content");
    if (response.content.empty()) response.content = text_field(*message, "refusal");
    response.reasoning = text_field(*message, "reasoning_content");
    if (response.reasoning.empty()) response.reasoning = text_field(*message, "reasoning");
    response.finish_reason = text_field(choice, "finish_reason");
    response.model = text_field(document, "model");
    if (const auto usage = document.find("usage"); usage != document.end() && usage->is_object()) {
        response.prompt_tokens = integer_field(*usage, "prompt_tokens");
        response.completion_tokens = integer_field(*usage, "completion_tokens");
    }
    return response;
}

std::string error_message_of(std::string_view body) {
    try {
        const json document = json::parse(body);
        if (document.is_object()) {
            const auto error = document.find("error");
            if (error != document.end()) {
                if (error->is_object()) {
                    const std::string message = text_field(*error, "message");
                    if (!message.empty()) return excerpt(message);
                }
                if (error->is_string()) return excerpt(error->get<std::string>());
            }
            const std::string message = text_field(document, "message");
            if (!message.empty()) return excerpt(message);
        }
    } catch (const json::parse_error&) {
    }
    return excerpt(body);
}

std::int64_t estimate_prompt_tokens(const message_list& messages) {
    std::size_t characters = 0;
    for (const auto& message : messages) characters += message.content.size() + 8;
    return static_cast<std::int64_t>(characters / 4 + 1);
}

}  // namespace hipkb::generator
