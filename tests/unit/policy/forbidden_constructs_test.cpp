#include <hipkb/policy/forbidden_constructs.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

namespace hipkb::policy {
namespace {

TEST(ForbiddenConstructs, EveryEntryHasACategoryAndAReasonAndAppearsOnce) {
    std::set<std::pair<std::string, int>> seen;
    for (const forbidden_construct& construct : forbidden_constructs()) {
        EXPECT_FALSE(construct.category.empty()) << construct.name;
        EXPECT_FALSE(construct.why.empty()) << construct.name;
        EXPECT_TRUE(seen.emplace(std::string(construct.name), static_cast<int>(construct.match)).second)
            << construct.name << " is in the table twice";
    }
}

TEST(ForbiddenConstructs, EveryCategoryTheIssueNamesIsCovered) {
    std::set<std::string> categories;
    for (const forbidden_construct& construct : forbidden_constructs()) categories.emplace(construct.category);
    for (const char* expected :
         {"file_io", "network", "threads", "dynamic_loading", "memory_protection", "signals", "exit_handlers",
          "environment", "process_creation", "inline_asm", "global_constructor", "other_stream", "host_copy"}) {
        EXPECT_TRUE(categories.contains(expected)) << expected;
    }
}

TEST(ForbiddenConstructs, LookupMatchesNameAndKind) {
    ASSERT_NE(find_forbidden_name("fopen", construct_match::call), nullptr);
    EXPECT_EQ(find_forbidden_name("fopen", construct_match::type), nullptr);
    EXPECT_EQ(find_forbidden_name("hipMemsetAsync", construct_match::call), nullptr);
    EXPECT_EQ(find_forbidden_name("hipLaunchKernelGGL", construct_match::call), nullptr);
    EXPECT_EQ(structural_construct(construct_match::inline_asm).category, "inline_asm");
}

}  // namespace
}  // namespace hipkb::policy
