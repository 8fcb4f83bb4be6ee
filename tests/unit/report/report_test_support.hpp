#pragma once
// Shared by the report tests: a scratch folder, and the manifest of the
// hand-made build in tests/fixtures/report/build_basic (written at test
// time because a manifest holds absolute paths).

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace hipkb::report::test {

inline std::filesystem::path fixtures() { return HIPKB_REPORT_FIXTURES; }

// A fresh folder under the system's temporary folder, removed afterwards.
class scratch_dir {
public:
    scratch_dir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "hipkb-report-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
    ~scratch_dir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

inline std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The manifest of build_basic: what a configure of that build would have
// written. Returns its path (in `dir`).
inline std::filesystem::path write_basic_manifest(const std::filesystem::path& dir) {
    const std::filesystem::path root = fixtures() / "build_basic";
    using json = nlohmann::json;
    auto candidate = [&](const std::string& problem, int level, const std::string& sample, bool with_metadata) {
        const std::string stem = problem + "__examples__" + sample;
        return json{
            {"test", "hipkb.bench." + problem + ".examples." + sample},
            {"executable", (root / "bench-targets" / ("hipkb_bench_" + stem)).string()},
            {"kind", "candidate"},
            {"problem", problem},
            {"level", level},
            {"spec", (root / "reference" / problem / "spec.json").string()},
            {"run", "examples"},
            {"sample", sample},
            {"source", (root / "generated/examples" / problem / (sample + ".hip")).string()},
            {"metadata", with_metadata ? json((root / "generated/examples" / problem / (sample + ".json")).string())
                                       : json(nullptr)},
            {"compile_log", (root / "compile-logs" / (stem + ".log")).string()}};
    };
    auto reference = [&](const std::string& problem, int level) {
        return json{{"test", "hipkb.bench." + problem + ".reference"},
                    {"executable", (root / "bench-targets" / ("hipkb_bench_" + problem + "__reference")).string()},
                    {"kind", "reference"},
                    {"problem", problem},
                    {"level", level},
                    {"spec", (root / "reference" / problem / "spec.json").string()},
                    {"run", nullptr},
                    {"sample", nullptr},
                    {"source", (root / "reference" / problem / "reference.hip").string()},
                    {"metadata", nullptr},
                    {"compile_log", nullptr}};
    };
    json manifest = {
        {"schema_version", 1},
        {"platform", "amd"},
        {"gpu_targets", "gfx90a"},
        {"compiler", "Clang 17.0.6"},
        {"source_dir", root.string()},
        {"results_dir", (root / "results").string()},
        {"benches",
         {reference("relu", 1), candidate("relu", 1, "fast", true), candidate("relu", 1, "same", false),
          candidate("relu", 1, "wrong", false), reference("gelu", 1), candidate("gelu", 1, "broken", false),
          candidate("gelu", 1, "crashy", false), candidate("gelu", 1, "missing", false),
          candidate("softmax", 2, "badjson", false), reference("matmul", 1)}}};
    const std::filesystem::path file = dir / "hipkb_manifest.json";
    write_text(file, manifest.dump(2));
    return file;
}

// The candidate with this id, or a test failure.
inline const nlohmann::json& candidate(const nlohmann::json& results, const std::string& id) {
    for (const auto& c : results["candidates"]) {
        if (c["id"] == id) return c;
    }
    ADD_FAILURE() << "no candidate " << id;
    static const nlohmann::json none = nlohmann::json::object();
    return none;
}

}  // namespace hipkb::report::test
