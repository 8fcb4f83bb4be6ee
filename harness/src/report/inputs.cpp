#include <hipkb/report/inputs.hpp>

#include <hipkb/report/gbench.hpp>
#include <hipkb/report/input_error.hpp>
#include <hipkb/report/results.hpp>

#include <hipkb/core/json_fields.hpp>

#include <fmt/core.h>

#include <algorithm>

namespace hipkb::report {

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

// The manifest of a results folder: the one given, else the folder's own or
// its parent's (build/results -> build/hipkb_manifest.json), but only if it
// names this folder as its results_dir, so that a folder that merely sits
// inside a build is not mistaken for that build's results.
std::optional<fs::path> find_manifest(const fs::path& dir, const input_options& options) {
    if (options.manifest) return options.manifest;
    std::error_code ignored;
    const fs::path target = fs::weakly_canonical(dir, ignored);
    for (const fs::path& candidate : {dir / "hipkb_manifest.json", dir.parent_path() / "hipkb_manifest.json"}) {
        if (!fs::is_regular_file(candidate, ignored)) continue;
        try {
            const json manifest = read_json_file(candidate);
            if (manifest.is_object() && manifest.contains("results_dir") && manifest["results_dir"].is_string() &&
                fs::weakly_canonical(manifest["results_dir"].get<std::string>(), ignored) == target) {
                return candidate;
            }
        } catch (const std::exception&) {
            // Not this folder's manifest.
        }
    }
    return std::nullopt;
}

// The results JSON files directly in a folder (report.json, shard files).
std::vector<fs::path> results_files_in(const fs::path& dir) {
    std::vector<fs::path> found;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        try {
            if (is_results_json(read_json_file(entry.path()))) found.push_back(entry.path());
        } catch (const std::exception&) {
            // Not JSON at all, or broken bench output: the scan reports it.
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace

std::vector<results_input> load_results_inputs(const std::vector<fs::path>& paths, const input_options& options) {
    if (paths.empty()) throw input_error("no input given: name results folders or JSON files");
    std::vector<results_input> inputs;
    std::vector<fs::path> gbench_files;
    for (const fs::path& path : paths) {
        std::error_code error;
        if (fs::is_directory(path, error)) {
            if (const auto manifest = find_manifest(path, options)) {
                inputs.push_back({collect_results(*manifest, path), path.string()});
                continue;
            }
            const std::vector<fs::path> files = results_files_in(path);
            if (!files.empty()) {
                for (const fs::path& file : files) inputs.push_back({load_results(file), file.string()});
            } else {
                inputs.push_back({collect_results_from_dir(path), path.string()});
            }
            continue;
        }
        if (!fs::exists(path, error)) {
            throw input_error(fmt::format("{}: no such file or folder", path.string()));
        }
        const json document = migrate_results(read_json_file(path, true));
        if (is_results_json(document)) {
            validate_results(document, path.string());
            inputs.push_back({document, path.string()});
        } else if (is_gbench_json(document)) {
            gbench_files.push_back(path);
        } else {
            throw input_error(
                fmt::format("{}: neither a hipkb results file (\"schema\": \"{}\") nor Google Benchmark JSON "
                            "(\"benchmarks\": [...])",
                            path.string(), results_schema_name));
        }
    }
    if (!gbench_files.empty()) {
        std::string source = gbench_files.front().string();
        if (gbench_files.size() > 1) source += fmt::format(" and {} more", gbench_files.size() - 1);
        inputs.push_back({collect_results_from_files(gbench_files), source});
    }
    return inputs;
}

json load_results_merged(const std::vector<fs::path>& paths, const input_options& options) {
    std::vector<results_input> inputs = load_results_inputs(paths, options);
    if (inputs.size() == 1) return std::move(inputs.front().results);
    return merge_results(inputs);
}

}  // namespace hipkb::report
