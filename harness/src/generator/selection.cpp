#include <hipkb/generator/selection.hpp>

#include <hipkb/core/atomic_file.hpp>

#include <fmt/core.h>

#include <fnmatch.h>
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <sstream>

namespace hipkb::generator {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::optional<int> level_of(std::string_view folder) {
    if (!folder.starts_with("level") || folder.size() == 5) return std::nullopt;
    int level = 0;
    const auto* end = folder.data() + folder.size();
    const auto [ptr, ec] = std::from_chars(folder.data() + 5, end, level);
    if (ec != std::errc{} || ptr != end || level < 0) return std::nullopt;
    return level;
}

bool is_glob(std::string_view item) { return item.find_first_of("*?[") != std::string_view::npos; }

void expand_items(const std::vector<std::string>& items, std::vector<std::string>& out, int depth) {
    for (const auto& raw : items) {
        const std::string_view item = trim(raw);
        if (item.empty()) continue;
        if (item.front() != '@') {
            out.emplace_back(item);
            continue;
        }
        if (depth > 4) throw selection_error(fmt::format("problem list files nest too deeply at '{}'", item));
        const std::filesystem::path file(item.substr(1));
        std::string text;
        try {
            text = read_file(file);
        } catch (const std::exception&) {
            throw selection_error(
                fmt::format("cannot read the problem list file '{}' (from '{}')", file.string(), item));
        }
        std::vector<std::string> lines;
        std::istringstream stream(text);
        for (std::string line; std::getline(stream, line);) {
            line = line.substr(0, line.find('#'));
            std::string_view rest = line;
            // A line may itself hold a comma-separated list.
            while (!rest.empty()) {
                const std::size_t comma = rest.find(',');
                lines.emplace_back(trim(rest.substr(0, comma)));
                if (comma == std::string_view::npos) break;
                rest.remove_prefix(comma + 1);
            }
        }
        expand_items(lines, out, depth + 1);
    }
}

}  // namespace

std::vector<problem_entry> discover_problems(const std::filesystem::path& reference_dir) {
    std::error_code error;
    if (!std::filesystem::is_directory(reference_dir, error)) {
        throw selection_error(fmt::format(
            "reference_dir '{}' is not a folder of problems (<level>/<problem>/spec.json)", reference_dir.string()));
    }
    std::vector<problem_entry> problems;
    for (const auto& level_dir : std::filesystem::directory_iterator(reference_dir)) {
        if (!level_dir.is_directory()) continue;
        const auto level = level_of(level_dir.path().filename().string());
        if (!level) continue;
        for (const auto& problem_dir : std::filesystem::directory_iterator(level_dir.path())) {
            if (!problem_dir.is_directory()) continue;
            if (!std::filesystem::is_regular_file(problem_dir.path() / "spec.json", error)) continue;
            problems.push_back({problem_dir.path().filename().string(), *level, problem_dir.path()});
        }
    }
    std::sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (std::size_t i = 1; i < problems.size(); ++i) {
        if (problems[i].name == problems[i - 1].name) {
            throw selection_error(fmt::format("problem '{}' exists twice: {} and {}", problems[i].name,
                                              problems[i - 1].directory.string(), problems[i].directory.string()));
        }
    }
    return problems;
}

std::vector<problem_entry> select_problems(const std::vector<problem_entry>& all,
                                           const std::vector<std::string>& items) {
    std::vector<std::string> expanded;
    expand_items(items, expanded, 0);
    if (expanded.empty()) return all;
    std::set<std::string> chosen;
    for (const auto& item : expanded) {
        std::size_t matched = 0;
        const auto level = level_of(item);
        for (const auto& problem : all) {
            bool hit = false;
            if (item == "all") {
                hit = true;
            } else if (level) {
                hit = problem.level == *level;
            } else if (is_glob(item)) {
                hit = ::fnmatch(item.c_str(), problem.name.c_str(), 0) == 0;
            } else {
                hit = problem.name == item;
            }
            if (hit) {
                chosen.insert(problem.name);
                ++matched;
            }
        }
        if (matched == 0) {
            const char* kind = level ? "level" : is_glob(item) ? "pattern" : "problem";
            throw selection_error(
                fmt::format("{} '{}' matches no problem (problems are the folders <reference_dir>/level<N>/<name>/ "
                            "with a spec.json)",
                            kind, item));
        }
    }
    std::vector<problem_entry> out;
    for (const auto& problem : all) {
        if (chosen.contains(problem.name)) out.push_back(problem);
    }
    return out;
}

shard_spec parse_shard(std::string_view text) {
    try {
        return parse_shard_part(text);
    } catch (const shard_error& error) {
        throw selection_error(error.what());
    }
}

std::vector<problem_entry> take_shard(const std::vector<problem_entry>& problems, shard_spec shard) {
    std::vector<problem_entry> out;
    for (const auto& problem : problems) {
        if (in_shard_part(problem.name, shard)) out.push_back(problem);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

}  // namespace hipkb::generator
