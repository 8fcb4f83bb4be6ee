#pragma once
// `hipkb import`: a hip2hip-style dataset (a JSON list of {name, hip_file,
// code_body} entries over hip_code/hip_<name>.hip) turned into problem
// folders <out>/<name>/ with reference.hip and spec.json.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hipkb::importer {

// Bad input: a missing folder, no list file, malformed JSON (naming the file
// and the place).
class dataset_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct import_options {
    std::filesystem::path dataset;
    std::optional<std::filesystem::path> list;  // default: the only *.json at the dataset's top
    std::filesystem::path out;
    int level = 1;
};

struct skipped_entry {
    std::string name;
    std::string reason;
};

struct import_report {
    std::vector<std::string> imported;
    std::vector<skipped_entry> skipped;
};

// Writes every entry that maps; reports the others with their reason.
// Throws dataset_error for bad input.
[[nodiscard]] import_report import_dataset(const import_options& options);

}  // namespace hipkb::importer
