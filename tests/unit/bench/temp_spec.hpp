#pragma once
// A problem spec written to a fresh temporary folder for one test, removed
// with it.

#include <hipkb/core/spec.hpp>

#include <filesystem>
#include <string>

namespace hipkb::testing {

class temp_spec {
public:
    explicit temp_spec(const std::string& json_text);
    ~temp_spec();
    temp_spec(const temp_spec&) = delete;
    temp_spec& operator=(const temp_spec&) = delete;

    [[nodiscard]] const std::filesystem::path& folder() const { return m_folder; }
    [[nodiscard]] std::filesystem::path file() const { return m_folder / "spec.json"; }
    [[nodiscard]] problem_spec load() const { return load_spec(file()); }

private:
    std::filesystem::path m_folder;
};

// Two inputs (fp32 x[ROWS, COLS], int32 offsets[ROWS]) and two outputs
// (fp32 y[ROWS, COLS], int64 count[ROWS]); test sizes 3 x 5.
[[nodiscard]] std::string two_by_two_spec();

}  // namespace hipkb::testing
