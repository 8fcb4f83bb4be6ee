#pragma once
// Helpers shared by the generator tests: temporary folders, fixture paths,
// environment variables and file scans.

#include <hipkb/core/process.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb::generator::testing {

namespace fs = std::filesystem;

// tests/fixtures/generator in the source tree.
[[nodiscard]] fs::path fixtures();

// A fresh folder under the build's temp area, removed at the end.
class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

// Sets an environment variable for a scope, restoring it afterwards.
class scoped_env {
public:
    scoped_env(std::string name, const std::optional<std::string>& value);
    ~scoped_env();
    scoped_env(const scoped_env&) = delete;
    scoped_env& operator=(const scoped_env&) = delete;

private:
    std::string m_name;
    std::optional<std::string> m_saved;
};

// Every regular file under `root`, sorted.
[[nodiscard]] std::vector<fs::path> files_under(const fs::path& root);
// Files under `root` whose name ends with `suffix`.
[[nodiscard]] std::vector<fs::path> files_ending(const fs::path& root, const std::string& suffix);
[[nodiscard]] std::string slurp(const fs::path& file);
[[nodiscard]] nlohmann::json read_json(const fs::path& file);

// Runs a command (cmake, the hipkb CLI) with a time limit.
[[nodiscard]] hipkb::process_result run_command(const std::vector<std::string>& argv, double timeout_seconds = 1200);

}  // namespace hipkb::generator::testing
