// Every reference.hip, golden.cpp and hand-written example in the tree passes
// the source policy check with no finding: a false positive here would fail
// an honest candidate written the same way. Prints what the check costs.
#include "policy_test_support.hpp"

#include <hipkb/core/atomic_file.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <vector>

namespace hipkb::policy {
namespace {

namespace fs = std::filesystem;

struct source_to_check {
    fs::path path;
    bool launches;  // a .hip (launches rewritten as the CPU twin does) or a C++ golden
};

std::vector<source_to_check> every_source() {
    const fs::path root = HIPKB_SOURCE_DIR;
    std::vector<source_to_check> sources;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root / "reference")) {
        const std::string name = entry.path().filename().string();
        if (name == "reference.hip") sources.push_back({entry.path(), true});
        if (name == "golden.cpp") sources.push_back({entry.path(), false});
    }
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root / "generated" / "examples")) {
        if (entry.path().extension() == ".hip") sources.push_back({entry.path(), true});
    }
    std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return sources;
}

TEST(PolicyCorpus, EveryReferenceGoldenAndExampleHasNoFinding) {
    const std::vector<source_to_check> sources = every_source();
    ASSERT_GT(sources.size(), 10u) << "the corpus was not found under " << HIPKB_SOURCE_DIR;
    const fs::path generated = fs::path(HIPKB_SOURCE_DIR) / "generated";
    double total_seconds = 0;
    double slowest = 0;
    for (const source_to_check& source : sources) {
        check_options options = test::candidate_options(exceptions_allowed_for(source.path, generated));
        options.rewrite_launches = source.launches;
        options.parse_args.push_back("-I" + source.path.parent_path().string());
        const auto start = std::chrono::steady_clock::now();
        const check_result result = check_host_code(read_file(source.path), source.path.string(), options);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        total_seconds += seconds;
        slowest = std::max(slowest, seconds);
        for (const finding& found : result.findings) {
            ADD_FAILURE() << found.file << ":" << found.line << ":" << found.column << ": " << found.construct << " ("
                          << found.category << ")";
        }
    }
    std::cout << "policy check: " << sources.size() << " sources in " << total_seconds << " s (mean "
              << total_seconds / static_cast<double>(sources.size()) << " s, slowest " << slowest << " s)\n";
}

}  // namespace
}  // namespace hipkb::policy
