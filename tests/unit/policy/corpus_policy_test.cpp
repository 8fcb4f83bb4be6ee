// Every reference.hip, golden.cpp and hand-written example in the tree passes
// the source policy check with no finding: a false positive here would fail
// an honest candidate written the same way. Prints what the check costs.
#include "policy_test_support.hpp"

#include <hipkb/core/atomic_file.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>
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

struct checked_source {
    check_result result;
    double seconds = 0;
};

checked_source check_one(const source_to_check& source, const fs::path& generated) {
    check_options options = test::candidate_options(exceptions_allowed_for(source.path, generated));
    options.rewrite_launches = source.launches;
    options.parse_args.push_back("-I" + source.path.parent_path().string());
    const auto start = std::chrono::steady_clock::now();
    checked_source checked{check_host_code(read_file(source.path), source.path.string(), options)};
    checked.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return checked;
}

// Each parse takes about half a second of CPU and the corpus has hundreds of
// sources, so they are spread over the machine's cores (each parse has its
// own libclang index, which libclang allows on separate threads).
std::vector<checked_source> check_all(const std::vector<source_to_check>& sources, const fs::path& generated) {
    std::vector<checked_source> checked(sources.size());
    std::atomic<std::size_t> next{0};
    const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
    {
        std::vector<std::jthread> pool;
        for (unsigned w = 0; w < workers; ++w) {
            pool.emplace_back([&] {
                for (std::size_t i = next++; i < sources.size(); i = next++)
                    checked[i] = check_one(sources[i], generated);
            });
        }
    }
    return checked;
}

TEST(PolicyCorpus, EveryReferenceGoldenAndExampleHasNoFinding) {
    const std::vector<source_to_check> sources = every_source();
    ASSERT_GT(sources.size(), 10u) << "the corpus was not found under " << HIPKB_SOURCE_DIR;
    const auto start = std::chrono::steady_clock::now();
    const std::vector<checked_source> checked = check_all(sources, fs::path(HIPKB_SOURCE_DIR) / "generated");
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double total_seconds = 0;
    double slowest = 0;
    for (const checked_source& one : checked) {
        total_seconds += one.seconds;
        slowest = std::max(slowest, one.seconds);
        for (const finding& found : one.result.findings) {
            ADD_FAILURE() << found.file << ":" << found.line << ":" << found.column << ": " << found.construct << " ("
                          << found.category << ")";
        }
    }
    std::cout << "policy check: " << sources.size() << " sources in " << total_seconds << " s of parsing (mean "
              << total_seconds / static_cast<double>(sources.size()) << " s, slowest " << slowest << " s), " << wall
              << " s wall\n";
}

}  // namespace
}  // namespace hipkb::policy
