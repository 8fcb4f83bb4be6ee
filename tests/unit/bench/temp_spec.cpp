#include "temp_spec.hpp"

#include <hipkb/core/atomic_file.hpp>

#include <stdexcept>
#include <system_error>

#include <stdlib.h>

namespace hipkb::testing {

temp_spec::temp_spec(const std::string& json_text) {
    std::string pattern = (std::filesystem::temp_directory_path() / "hipkb_bench_spec_XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    m_folder = pattern;
    write_file_atomically(file(), json_text);
}

temp_spec::~temp_spec() {
    std::error_code ignored;
    std::filesystem::remove_all(m_folder, ignored);
}

std::string two_by_two_spec() {
    return R"({"schema_version": 1, "name": "row_offsets", "level": 1,
               "dims": [{"name": "ROWS", "value": 64, "test": 3}, {"name": "COLS", "value": 128, "test": 5}],
               "inputs": [
                 {"name": "x", "dtype": "fp32", "shape": ["ROWS", "COLS"], "init": {"kind": "normal", "mean": 0, "stddev": 1}},
                 {"name": "offsets", "dtype": "int32", "shape": ["ROWS"], "init": {"kind": "randint", "low": 1, "high": 100}}],
               "outputs": [
                 {"name": "y", "dtype": "fp32", "shape": ["ROWS", "COLS"]},
                 {"name": "count", "dtype": "int64", "shape": ["ROWS"]}]})";
}

}  // namespace hipkb::testing
