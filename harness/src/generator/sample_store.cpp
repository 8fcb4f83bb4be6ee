#include <hipkb/generator/sample_store.hpp>

#include <hipkb/core/atomic_file.hpp>

#include <fmt/core.h>

#include <algorithm>

namespace hipkb::generator {

std::string sample_name(std::int64_t index, std::int64_t samples_per_problem) {
    int width = 3;
    for (std::int64_t limit = 1000; samples_per_problem > limit && width < 18; limit *= 10) ++width;
    return fmt::format("s{:0{}}", index, width);
}

sample_store::sample_store(std::filesystem::path generated_dir, std::string run, std::string extension)
    : m_run_dir(std::move(generated_dir) / run), m_extension(std::move(extension)) {}

std::filesystem::path sample_store::problem_dir(std::string_view problem) const { return m_run_dir / problem; }

std::filesystem::path sample_store::source_path(std::string_view problem, std::string_view sample) const {
    return problem_dir(problem) / fmt::format("{}.{}", sample, m_extension);
}

std::filesystem::path sample_store::metadata_path(std::string_view problem, std::string_view sample) const {
    return problem_dir(problem) / fmt::format("{}.json", sample);
}

std::filesystem::path sample_store::failure_path(std::string_view problem, std::string_view sample) const {
    return problem_dir(problem) / fmt::format("{}.failed.json", sample);
}

bool sample_store::is_finished(std::string_view problem, std::string_view sample) const {
    std::error_code error;
    return std::filesystem::is_regular_file(source_path(problem, sample), error) &&
           std::filesystem::is_regular_file(metadata_path(problem, sample), error);
}

void sample_store::remove_stale_temporaries(std::string_view problem, std::string_view sample) const {
    // A process killed inside write_file_atomically leaves "<file>.tmp.*"
    // behind; the next writer of the same sample clears them.
    std::error_code error;
    const auto dir = problem_dir(problem);
    if (!std::filesystem::is_directory(dir, error)) return;
    const std::string prefix = fmt::format("{}.", sample);
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix) && name.find(".tmp.") != std::string::npos) {
            std::filesystem::remove(entry.path(), error);
        }
    }
}

void sample_store::write_sample(std::string_view problem, std::string_view sample, std::string_view source,
                                const nlohmann::json& metadata) const {
    remove_stale_temporaries(problem, sample);
    write_file_atomically(source_path(problem, sample), source);
    write_file_atomically(metadata_path(problem, sample), metadata.dump(2) + "\n");
    std::error_code error;
    std::filesystem::remove(failure_path(problem, sample), error);
}

void sample_store::write_failure(std::string_view problem, std::string_view sample,
                                 const nlohmann::json& record) const {
    remove_stale_temporaries(problem, sample);
    write_file_atomically(failure_path(problem, sample), record.dump(2) + "\n");
}

nlohmann::json sample_store::read_metadata(std::string_view problem, std::string_view sample) const {
    const auto file = metadata_path(problem, sample);
    const std::string text = read_file(file);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        throw std::runtime_error(fmt::format("{}: not valid JSON: {}", file.string(), error.what()));
    }
}

}  // namespace hipkb::generator
