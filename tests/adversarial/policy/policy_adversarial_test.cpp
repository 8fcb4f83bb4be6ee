// The source policy check against adversarial candidates (docs/trust.md,
// "The source policy").
//
// write_file_from_host through the real bench on the cpu execution layer:
// the bench that has its policy report judges it forbidden_host_code and
// never loads it; the same module through a bench without a report runs,
// is correct and writes its file, so the check is what stops it.
// Then hipkb_policy_check over every adversarial candidate: each whose
// metadata names an "expected_policy" category must be found with it.
#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/process.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <stdlib.h>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path source_dir = HIPKB_SOURCE_DIR;

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "hipkb_policy_adversarial_XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

// Runs a bench in `dir` (the candidate writes into its working folder) and returns its verdict.
json run_bench(const std::string& bench, const fs::path& dir) {
    const fs::path verdict = dir / "verdict.json";
    hipkb::process_options options;
    options.timeout = std::chrono::seconds(300);
    options.working_directory = dir;
    const hipkb::process_result result =
        hipkb::run_process({bench, "--hipkb_verdict_out=" + verdict.string()}, options);
    EXPECT_EQ(result.how, hipkb::process_result::end::exited) << result.output;
    if (!fs::exists(verdict)) {
        ADD_FAILURE() << "no verdict written: " << result.output;
        return json::object();
    }
    return json::parse(hipkb::read_file(verdict));
}

unsigned line_of(const fs::path& file, const std::string& text) {
    const std::string content = hipkb::read_file(file);
    const std::size_t at = content.find(text);
    return at == std::string::npos ? 0
                                   : static_cast<unsigned>(std::count(content.begin(), content.begin() + at, '\n') + 1);
}

const fs::path writer = source_dir / "tests/adversarial/policy/019_relu/write_file_from_host.hip";
constexpr const char* written_file = "write_file_from_host.out";

TEST(PolicyAdversarial, WriteFileFromHostIsForbiddenHostCodeAndNeverRuns) {
    const TempDir dir;
    const json verdict = run_bench(HIPKB_POLICY_CHECKED_BENCH, dir.path());
    ASSERT_TRUE(verdict.contains("failure") && verdict["failure"].is_object()) << verdict.dump(2);
    EXPECT_EQ(verdict["failure"]["kind"], "forbidden_host_code") << verdict.dump(2);
    EXPECT_EQ(verdict["correct"], false);
    const std::string message = verdict["failure"].value("message", "");
    const std::string where = writer.string() + ":" + std::to_string(line_of(writer, "std::fopen(")) + ":";
    EXPECT_NE(message.find(where), std::string::npos) << message << "\nexpected it to name " << where;
    EXPECT_NE(message.find("fopen (file_io)"), std::string::npos) << message;
    ASSERT_TRUE(verdict["failure"].contains("findings")) << verdict.dump(2);
    EXPECT_EQ(verdict["failure"]["findings"].size(), 1u) << verdict.dump(2);
    EXPECT_FALSE(fs::exists(dir.path() / written_file)) << "the candidate ran: it wrote its file";
}

TEST(PolicyAdversarial, WithoutThePolicyReportTheSameModuleRunsAndWritesItsFile) {
    const TempDir dir;
    const json verdict = run_bench(HIPKB_POLICY_UNCHECKED_BENCH, dir.path());
    EXPECT_EQ(verdict["correct"], true) << verdict.dump(2);
    EXPECT_TRUE(fs::exists(dir.path() / written_file)) << "the exploit did not run, so the other case proves nothing";
}

struct policy_outcome {
    std::string candidate;
    std::string expected;            // the metadata's expected_policy, or ""
    std::vector<std::string> found;  // "category: construct (line N)"
    bool caught = false;
};

TEST(PolicyAdversarial, EveryCandidateWithAnExpectedPolicyCategoryIsCaught) {
    const TempDir dir;
    std::vector<policy_outcome> outcomes;
    for (const char* suite : {"host", "gpu", "policy"}) {
        const fs::path root = source_dir / "tests/adversarial" / suite;
        for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
            const fs::path& path = entry.path();
            if (path.extension() != ".hip" && path.extension() != ".cpp") continue;
            fs::path metadata = path;
            metadata.replace_extension(".json");
            if (!fs::exists(metadata)) continue;  // not a candidate (a test's own source)
            const json meta = json::parse(hipkb::read_file(metadata));
            policy_outcome outcome{fs::relative(path, source_dir / "tests/adversarial").string(),
                                   meta.value("expected_policy", ""),
                                   {},
                                   false};
            const fs::path report = dir.path() / "report.json";
            std::vector<std::string> argv = {HIPKB_POLICY_CHECK_TOOL, "--source", path.string(), "--out",
                                             report.string()};
            if (path.extension() == ".cpp") argv.emplace_back("--cpp");
            argv.insert(argv.end(),
                        {"--", "-isystem", (source_dir / "harness/include").string(), "-isystem",
                         (source_dir / "harness/hip_on_cpu/include").string(), "-I" + path.parent_path().string()});
            const hipkb::process_result result = hipkb::run_process(argv);
            ASSERT_EQ(result.exit_code, 0) << outcome.candidate << ": " << result.output;
            const json checked = json::parse(hipkb::read_file(report));
            for (const json& found : checked.at("findings")) {
                const std::string category = found.at("category");
                outcome.found.push_back(category + ": " + found.at("construct").get<std::string>() + " (line " +
                                        std::to_string(found.at("line").get<int>()) + ")");
                if (category == outcome.expected) outcome.caught = true;
            }
            if (!outcome.expected.empty()) {
                EXPECT_TRUE(outcome.caught)
                    << outcome.candidate << ": expected a finding of category '" << outcome.expected << "'";
            }
            outcomes.push_back(std::move(outcome));
        }
    }
    std::sort(outcomes.begin(), outcomes.end(), [](const auto& a, const auto& b) { return a.candidate < b.candidate; });
    std::cout << "candidate | expected_policy | the check found\n";
    for (const policy_outcome& outcome : outcomes) {
        std::string found;
        for (const std::string& item : outcome.found) found += (found.empty() ? "" : "; ") + item;
        std::cout << outcome.candidate << " | " << (outcome.expected.empty() ? "-" : outcome.expected) << " | "
                  << (found.empty() ? "nothing" : found) << "\n";
    }
    EXPECT_GT(outcomes.size(), 20u) << "the adversarial candidates were not found";
}

}  // namespace
