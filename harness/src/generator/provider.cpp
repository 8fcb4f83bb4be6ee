#include <hipkb/generator/provider.hpp>

#include <hipkb/generator/openai_provider.hpp>
#include <hipkb/generator/replay_provider.hpp>
#include <hipkb/generator/settings.hpp>

#include <fmt/core.h>

#include <cstdlib>

namespace hipkb::generator {

std::string_view to_string(provider_outcome::kind what) {
    switch (what) {
        case provider_outcome::kind::answered:
            return "answered";
        case provider_outcome::kind::http_error:
            return "http_error";
        case provider_outcome::kind::timeout:
            return "timeout";
        case provider_outcome::kind::connection_error:
            return "connection_error";
        case provider_outcome::kind::unavailable:
            return "unavailable";
    }
    return "unknown";
}

std::unique_ptr<provider> make_provider(const generate_settings& settings) {
    if (settings.provider == "replay") return std::make_unique<replay_provider>(settings.replay_dir);
    openai_options options;
    options.base_url = settings.base_url;
    options.api_key_header = settings.api_key_header;
    options.headers = settings.headers;
    options.connect_timeout_s = settings.connect_timeout_s;
    options.timeout_s = settings.timeout_s;
    if (!settings.api_key_env.empty()) {
        const char* key = std::getenv(settings.api_key_env.c_str());
        if (key == nullptr || *key == '\0') {
            throw settings_error(fmt::format(
                "the environment variable {} (named by api_key_env) is not set; export the API key there, or set "
                "api_key_env to \"\" for a server that needs no key",
                settings.api_key_env));
        }
        options.api_key = key;
        if (options.api_key.size() < 4) {
            throw settings_error(fmt::format("the key in {} is shorter than 4 characters", settings.api_key_env));
        }
        if (options.api_key.find_first_of("\r\n") != std::string::npos) {
            throw settings_error(fmt::format("the key in {} contains a line break", settings.api_key_env));
        }
    }
    return std::make_unique<openai_provider>(std::move(options));
}

}  // namespace hipkb::generator
