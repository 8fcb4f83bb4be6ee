#pragma once
// Where samples live: generated/<run>/<problem>/<sample>.<ext> with
// <sample>.json beside it, and <sample>.failed.json for a sample whose
// request failed. Every file is written atomically (temp file + rename);
// the metadata is written last, so a sample counts as finished only once its
// source and its metadata both exist.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace hipkb::generator {

// "s000", "s001", ...: zero-padded so names sort in order (wider when a run
// has more than 1000 samples per problem).
[[nodiscard]] std::string sample_name(std::int64_t index, std::int64_t samples_per_problem);

class sample_store {
public:
    // `extension` is "hip", or "cpp" on the host platform.
    sample_store(std::filesystem::path generated_dir, std::string run, std::string extension);

    [[nodiscard]] std::filesystem::path run_dir() const { return m_run_dir; }
    [[nodiscard]] std::filesystem::path problem_dir(std::string_view problem) const;
    [[nodiscard]] std::filesystem::path source_path(std::string_view problem, std::string_view sample) const;
    [[nodiscard]] std::filesystem::path metadata_path(std::string_view problem, std::string_view sample) const;
    [[nodiscard]] std::filesystem::path failure_path(std::string_view problem, std::string_view sample) const;

    [[nodiscard]] bool is_finished(std::string_view problem, std::string_view sample) const;

    // Writes the source, then the metadata, and removes an old failure
    // record of the same sample.
    void write_sample(std::string_view problem, std::string_view sample, std::string_view source,
                      const nlohmann::json& metadata) const;
    void write_failure(std::string_view problem, std::string_view sample, const nlohmann::json& record) const;

    // The metadata of a finished sample; throws std::runtime_error naming the
    // file when it is missing or not JSON.
    [[nodiscard]] nlohmann::json read_metadata(std::string_view problem, std::string_view sample) const;

private:
    void remove_stale_temporaries(std::string_view problem, std::string_view sample) const;

    std::filesystem::path m_run_dir;
    std::string m_extension;
};

}  // namespace hipkb::generator
