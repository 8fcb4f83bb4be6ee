#include <hipkb/importer/dataset_import.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/json_fields.hpp>
#include <hipkb/importer/problem_mapping.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

namespace hipkb::importer {

namespace {

std::filesystem::path list_file(const import_options& options) {
    if (options.list) {
        const std::filesystem::path file =
            options.list->is_absolute() ? *options.list : options.dataset / *options.list;
        if (!std::filesystem::is_regular_file(file))
            throw dataset_error(fmt::format("{}: no such list file", file.string()));
        return file;
    }
    std::vector<std::filesystem::path> lists;
    for (const auto& entry : std::filesystem::directory_iterator(options.dataset)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") lists.push_back(entry.path());
    }
    if (lists.size() != 1) {
        throw dataset_error(
            fmt::format("{}: expected exactly one *.json list of entries at the top, found {}; name it with --list",
                        options.dataset.string(), lists.size()));
    }
    return lists.front();
}

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Problem names become folder and CMake target names.
bool is_problem_name(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
}

}  // namespace

import_report import_dataset(const import_options& options) {
    if (!std::filesystem::is_directory(options.dataset)) {
        throw dataset_error(fmt::format("{}: not a folder (expected a dataset with a JSON list and hip_code/)",
                                        options.dataset.string()));
    }
    const std::filesystem::path list = list_file(options);
    nlohmann::json entries;
    try {
        entries = read_json_file(list);
    } catch (const json_input_error& error) {
        throw dataset_error(error.what());
    }
    const json_place top{list.string(), ""};
    if (!entries.is_array()) {
        try {
            throw_expected(top, "a JSON list of {name, hip_file, code_body} entries", entries);
        } catch (const json_input_error& error) {
            throw dataset_error(error.what());
        }
    }
    import_report report;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        std::string name;
        std::string hip_file;
        try {
            const json_place place = top.index(i);
            if (!entries[i].is_object()) throw_expected(place, "an object with name and hip_file", entries[i]);
            name = required_string(entries[i], "name", place);
            hip_file =
                optional_string(entries[i], "hip_file", place).value_or(fmt::format("hip_code/hip_{}.hip", name));
        } catch (const json_input_error& error) {
            throw dataset_error(error.what());
        }
        if (!is_problem_name(name)) {
            report.skipped.push_back({name, "the name is not usable as a problem name (letters, digits and '_' only)"});
            continue;
        }
        if (!seen.insert(name).second) {
            report.skipped.push_back({name, "the name is used by an earlier entry"});
            continue;
        }
        const std::filesystem::path source = options.dataset / hip_file;
        if (!std::filesystem::is_regular_file(source)) {
            report.skipped.push_back({name, fmt::format("hip_file {} is missing", source.string())});
            continue;
        }
        const mapping_result result = map_hip_program(read_text(source), {name, hip_file, options.level});
        if (!result.problem) {
            report.skipped.push_back({name, result.skip_reason});
            continue;
        }
        const std::filesystem::path folder = options.out / name;
        std::filesystem::create_directories(folder);
        write_file_atomically(folder / "reference.hip", result.problem->reference_hip);
        write_file_atomically(folder / "spec.json", result.problem->spec.dump(2) + "\n");
        report.imported.push_back(name);
    }
    return report;
}

}  // namespace hipkb::importer
