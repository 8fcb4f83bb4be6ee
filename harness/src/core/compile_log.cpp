#include <hipkb/core/compile_log.hpp>

#include <hipkb/core/atomic_file.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace hipkb {

std::string read_compile_status(const std::filesystem::path& log) {
    std::error_code ignored;
    const std::filesystem::path status_file = log.string() + ".status";
    if (!std::filesystem::exists(status_file, ignored)) return "unknown";
    std::string status = read_file(status_file);
    while (!status.empty() && std::isspace(static_cast<unsigned char>(status.back()))) status.pop_back();
    return status;
}

std::vector<std::string> first_compile_errors(const std::string& log, std::size_t max_lines) {
    std::vector<std::string> lines;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
    }
    const auto mentions_error = [](const std::string& line) {
        std::string lower(line);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return lower.find("error") != std::string::npos;
    };
    auto start = std::find_if(lines.begin(), lines.end(), mentions_error);
    if (start == lines.end()) start = lines.begin();
    const auto count = std::min<std::size_t>(max_lines, static_cast<std::size_t>(lines.end() - start));
    return {start, start + static_cast<std::ptrdiff_t>(count)};
}

}  // namespace hipkb
