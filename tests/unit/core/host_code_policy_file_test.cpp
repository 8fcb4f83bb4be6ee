#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/host_code_policy_file.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include <stdlib.h>

namespace hipkb {
namespace {

namespace fs = std::filesystem;

class HostCodePolicyFile : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "hipkb_policy_file_XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }
    fs::path write(const std::string& text) {
        const fs::path file = m_dir / "relu__run__s0.policy.json";
        write_file_atomically(file, text);
        return file;
    }
    fs::path m_dir;
};

TEST_F(HostCodePolicyFile, SitsBesideTheCompileLog) {
    EXPECT_EQ(policy_file_for("/b/compile-logs/relu__run__s0.log"),
              fs::path("/b/compile-logs/relu__run__s0.policy.json"));
}

TEST_F(HostCodePolicyFile, NoReportOrAnOkReportIsNoViolation) {
    EXPECT_FALSE(read_host_code_violation(m_dir / "absent.policy.json"));
    EXPECT_FALSE(read_host_code_violation(write(R"({"ok": true, "findings": []})")));
}

TEST_F(HostCodePolicyFile, AFindingNamesFileLineColumnAndConstruct) {
    const auto violation = read_host_code_violation(write(R"({"ok": false, "findings": [
        {"file": "s0.hip", "line": 12, "column": 9, "construct": "fopen", "category": "file_io", "why": "files"},
        {"file": "s0.hip", "line": 20, "column": 5, "construct": "getenv", "category": "environment", "why": "env"}]})"));
    ASSERT_TRUE(violation);
    EXPECT_EQ(violation->message, "forbidden_host_code: s0.hip:12:9: fopen (file_io): files (and 1 more)");
    EXPECT_EQ(violation->details.at("findings").size(), 2u);
}

TEST_F(HostCodePolicyFile, AMalformedReportIsAnErrorNamingTheFile) {
    const fs::path file = write(R"({"findings": []})");
    try {
        (void)read_host_code_violation(file);
        FAIL() << "a report without 'ok' was accepted";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos) << error.what();
    }
    EXPECT_THROW((void)read_host_code_violation(write("not json")), std::runtime_error);
}

}  // namespace
}  // namespace hipkb
