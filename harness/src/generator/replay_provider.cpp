#include <hipkb/generator/replay_provider.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/generator/settings.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <thread>

namespace hipkb::generator {

replay_provider::replay_provider(std::filesystem::path directory) : m_directory(std::move(directory)) {
    std::error_code error;
    if (!std::filesystem::is_directory(m_directory, error)) {
        throw settings_error(fmt::format("replay_dir '{}' is not a folder of recorded answers", m_directory.string()));
    }
}

void replay_provider::start(std::uint64_t ticket, const chat_request&, const request_label& label) {
    provider_outcome outcome;
    outcome.ticket = ticket;
    const std::filesystem::path folder = m_directory / label.problem;
    std::vector<std::filesystem::path> tried;
    for (const std::string& stem : {label.sample, std::string("default")}) {
        for (const char* extension : {".json", ".md"}) {
            const std::filesystem::path file = folder / (stem + extension);
            tried.push_back(file);
            std::error_code error;
            if (!std::filesystem::is_regular_file(file, error)) continue;
            const std::string text = read_file(file);
            outcome.what = provider_outcome::kind::answered;
            outcome.http_status = 200;
            if (std::string_view(extension) == ".json") {
                outcome.body = text;
            } else {
                // The answer text alone: wrap it as a server would.
                const nlohmann::json body = {
                    {"model", "replay"},
                    {"choices",
                     {{{"index", 0},
                       {"finish_reason", "stop"},
                       {"message", {{"role", "assistant"}, {"content", text}}}}}},
                    {"usage", {{"prompt_tokens", 0}, {"completion_tokens", 0}}},
                };
                outcome.body = body.dump();
            }
            m_ready.push_back(std::move(outcome));
            return;
        }
    }
    outcome.what = provider_outcome::kind::unavailable;
    outcome.error =
        fmt::format("no recorded answer for problem '{}' sample '{}' (looked for {}, {}, {}, {})", label.problem,
                    label.sample, tried[0].string(), tried[1].string(), tried[2].string(), tried[3].string());
    m_ready.push_back(std::move(outcome));
}

std::vector<provider_outcome> replay_provider::wait(std::chrono::milliseconds max_wait) {
    if (m_ready.empty() && max_wait.count() > 0) std::this_thread::sleep_for(max_wait);
    std::vector<provider_outcome> done;
    done.swap(m_ready);
    return done;
}

}  // namespace hipkb::generator
