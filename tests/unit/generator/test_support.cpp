#include "test_support.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

namespace hipkb::generator::testing {

fs::path fixtures() { return fs::path(HIPKB_GENERATE_FIXTURES); }

temp_dir::temp_dir() {
    static std::atomic<int> counter{0};
    std::random_device device;
    m_path = fs::path(HIPKB_GENERATE_TEST_TMP) / fmt::format("t{}_{}_{}", ::getpid(), counter++, device());
    fs::remove_all(m_path);
    fs::create_directories(m_path);
}

temp_dir::~temp_dir() {
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
}

scoped_env::scoped_env(std::string name, const std::optional<std::string>& value) : m_name(std::move(name)) {
    if (const char* old = std::getenv(m_name.c_str())) m_saved = old;
    if (value) {
        ::setenv(m_name.c_str(), value->c_str(), 1);
    } else {
        ::unsetenv(m_name.c_str());
    }
}

scoped_env::~scoped_env() {
    if (m_saved) {
        ::setenv(m_name.c_str(), m_saved->c_str(), 1);
    } else {
        ::unsetenv(m_name.c_str());
    }
}

std::vector<fs::path> files_under(const fs::path& root) {
    std::vector<fs::path> out;
    std::error_code error;
    if (!fs::exists(root, error)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<fs::path> files_ending(const fs::path& root, const std::string& suffix) {
    std::vector<fs::path> out;
    for (const auto& file : files_under(root)) {
        if (file.filename().string().ends_with(suffix)) out.push_back(file);
    }
    return out;
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json read_json(const fs::path& file) { return nlohmann::json::parse(slurp(file)); }

hipkb::process_result run_command(const std::vector<std::string>& argv, double timeout_seconds) {
    hipkb::process_options options;
    options.timeout = std::chrono::duration<double>(timeout_seconds);
    return hipkb::run_process(argv, options);
}

}  // namespace hipkb::generator::testing
