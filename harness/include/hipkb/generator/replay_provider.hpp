#pragma once
// Answers from a folder of recorded responses, for demos and tests. For a
// request for (problem, sample) it reads the first of
//   <dir>/<problem>/<sample>.json   a chat completions response body
//   <dir>/<problem>/<sample>.md     the answer text alone
//   <dir>/<problem>/default.json, <dir>/<problem>/default.md
// and answers at once. A missing recording is an `unavailable` outcome.

#include <hipkb/generator/provider.hpp>

#include <filesystem>

namespace hipkb::generator {

class replay_provider final : public provider {
public:
    // Throws settings_error when `directory` is not a folder.
    explicit replay_provider(std::filesystem::path directory);

    [[nodiscard]] std::string name() const override { return "replay"; }
    void start(std::uint64_t ticket, const chat_request& request, const request_label& label) override;
    [[nodiscard]] std::vector<provider_outcome> wait(std::chrono::milliseconds max_wait) override;
    void cancel_all() override { m_ready.clear(); }

private:
    std::filesystem::path m_directory;
    std::vector<provider_outcome> m_ready;
};

}  // namespace hipkb::generator
