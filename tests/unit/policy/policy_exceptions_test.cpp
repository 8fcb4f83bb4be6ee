#include <hipkb/policy/policy_exceptions.hpp>

#include <gtest/gtest.h>

namespace hipkb::policy {
namespace {

TEST(PolicyExceptions, AnExceptionLineGivesItsConstructReasonAndLine) {
    const parsed_exceptions found = find_policy_exceptions(
        "int a;\n  // hipkb-policy-allow: std::basic_ofstream: writes the example's own trace for the docs\n");
    ASSERT_EQ(found.valid.size(), 1u);
    EXPECT_EQ(found.valid[0].line, 2u);
    EXPECT_EQ(found.valid[0].construct, "std::basic_ofstream");
    EXPECT_EQ(found.valid[0].reason, "writes the example's own trace for the docs");
    EXPECT_TRUE(found.malformed.empty());
}

TEST(PolicyExceptions, AnExceptionWithoutAReasonIsRefused) {
    const parsed_exceptions found =
        find_policy_exceptions("// hipkb-policy-allow: fopen\n// hipkb-policy-allow: fopen: \n");
    EXPECT_TRUE(found.valid.empty());
    ASSERT_EQ(found.malformed.size(), 2u);
    EXPECT_NE(found.malformed[0].find("line 1"), std::string::npos);
    EXPECT_NE(found.malformed[1].find("line 2"), std::string::npos);
}

TEST(PolicyExceptions, TheMarkerAfterCodeOrInAStringIsNotAnException) {
    const parsed_exceptions found = find_policy_exceptions(
        "int a; // hipkb-policy-allow: fopen: after code\nconst char* s = \"// hipkb-policy-allow: fopen: in a "
        "string\";\n");
    EXPECT_TRUE(found.valid.empty());
    EXPECT_TRUE(found.malformed.empty());
}

}  // namespace
}  // namespace hipkb::policy
