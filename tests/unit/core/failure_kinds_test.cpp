#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/failure_kinds.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace {

// The rows of docs/trust.md's "Failure kinds" table: kind -> "meaning|fault".
std::map<std::string, std::string> documented_kinds() {
    const std::string text = hipkb::read_file(std::filesystem::path(HIPKB_SOURCE_DIR) / "docs" / "trust.md");
    const std::size_t start = text.find("## Failure kinds");
    EXPECT_NE(start, std::string::npos) << "docs/trust.md has no '## Failure kinds' section";
    std::istringstream in(text.substr(start));
    std::map<std::string, std::string> rows;
    const std::regex row(R"(^\| `([a-z_]+)` \| (.+) \| (candidate|harness) \|$)");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line) && line.rfind("## ", 0) != 0) {
        std::smatch m;
        if (std::regex_match(line, m, row)) rows[m[1]] = m[2].str() + "|" + m[3].str();
    }
    return rows;
}

TEST(FailureKinds, NamesAreUniqueSnakeCase) {
    std::map<std::string, int> seen;
    for (const auto& kind : hipkb::failure_kinds()) {
        EXPECT_TRUE(std::regex_match(std::string(kind.name), std::regex("[a-z]+(_[a-z]+)*"))) << kind.name;
        EXPECT_EQ(++seen[std::string(kind.name)], 1) << kind.name;
        EXPECT_FALSE(kind.meaning.empty()) << kind.name;
    }
    EXPECT_EQ(hipkb::find_failure_kind("mismatch")->fault, hipkb::at_fault::candidate);
    EXPECT_EQ(hipkb::find_failure_kind("cpu_unsupported")->fault, hipkb::at_fault::harness);
    EXPECT_EQ(hipkb::find_failure_kind("no_such_kind"), nullptr);
}

TEST(FailureKinds, TheTableInTrustMdAgreesWithTheList) {
    const auto rows = documented_kinds();
    for (const auto& kind : hipkb::failure_kinds()) {
        const auto row = rows.find(std::string(kind.name));
        ASSERT_NE(row, rows.end()) << kind.name << " is missing from docs/trust.md's table";
        EXPECT_EQ(row->second, std::string(kind.meaning) + "|" + std::string(hipkb::to_string(kind.fault)))
            << kind.name;
    }
    EXPECT_EQ(rows.size(), hipkb::failure_kinds().size()) << "docs/trust.md lists a kind the code does not know";
}

}  // namespace
