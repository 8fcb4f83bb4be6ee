#include <hipkb/generator/extract.hpp>

#include <gtest/gtest.h>

namespace {

using hipkb::generator::extract_answer;

TEST(Extract, takes_the_hip_block_and_the_thinking_block) {
    const auto a = extract_answer("Intro\n```thinking\nuse float4\n```\n```hip\nint x;\n```\nDone.");
    ASSERT_TRUE(a.code);
    EXPECT_EQ(*a.code, "int x;\n");
    EXPECT_EQ(a.language, "hip");
    EXPECT_EQ(a.thinking, "use float4");
}

TEST(Extract, prefers_hip_over_cpp_and_the_last_block_of_a_language) {
    const auto a =
        extract_answer("```cpp\nint c;\n```\n```hip\nint draft;\n```\n```hip\nint final_;\n```\n```c++\nint d;\n```");
    ASSERT_TRUE(a.code);
    EXPECT_EQ(*a.code, "int final_;\n");
    const auto b = extract_answer("```python\nx = 1\n```\n```C++\nint c;\n```\n```cpp\nint d;\n```");
    ASSERT_TRUE(b.code);
    EXPECT_EQ(*b.code, "int d;\n");
    EXPECT_EQ(b.language, "cpp");
}

TEST(Extract, no_code_block_is_reported_as_none) {
    EXPECT_FALSE(extract_answer("I cannot do that.").code);
    EXPECT_FALSE(extract_answer("```python\nprint(1)\n```").code);
    EXPECT_FALSE(extract_answer("```hip\n   \n```").code);
    EXPECT_FALSE(extract_answer("").code);
}

TEST(Extract, an_unclosed_block_cut_off_at_max_tokens_does_not_count) {
    const auto a = extract_answer("```hip\nint complete;\n```\n```hip\nint cut_off =");
    ASSERT_TRUE(a.code);
    EXPECT_EQ(*a.code, "int complete;\n");
    EXPECT_FALSE(extract_answer("```hip\n__global__ void k() {").code);
}

TEST(Extract, reasoning_field_and_think_tags_join_the_thinking) {
    const auto a =
        extract_answer("<think>inline reasoning with ```hip\nint draft;\n``` inside</think>\n```hip\nint real;\n```",
                       "field reasoning");
    ASSERT_TRUE(a.code);
    EXPECT_EQ(*a.code, "int real;\n");  // the draft inside <think> is not taken
    EXPECT_NE(a.thinking.find("field reasoning"), std::string::npos);
    EXPECT_NE(a.thinking.find("inline reasoning"), std::string::npos);
}

TEST(Extract, longer_fences_and_indented_fences_and_crlf) {
    const auto a = extract_answer("````hip\n```\nnot a close\n```\nint y;\n````\n");
    ASSERT_TRUE(a.code);
    EXPECT_EQ(*a.code, "```\nnot a close\n```\nint y;\n");
    const auto b = extract_answer("  ```hip\r\nint z;\r\n  ```\r\n");
    ASSERT_TRUE(b.code);
    EXPECT_EQ(*b.code, "int z;\n");
}

}  // namespace
