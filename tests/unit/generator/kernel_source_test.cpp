#include <hipkb/generator/kernel_source.hpp>

#include <gtest/gtest.h>

namespace {

using namespace hipkb::generator;

const std::string source = R"(// a { in a comment
#include <hip/hip_runtime.h>
#define BRACE {
namespace {
__global__ void helper(float*);  // a declaration, not a definition
/* } */ __global__ void __launch_bounds__(256) scale_kernel(const float* x, float* y, int n) {
    const char* s = "}";
    const char c = '}';
    for (int i = 0; i < n; ++i) { y[i] = 2.0f * x[i]; }
}
}
extern "C" int hipkb_run(const hipkb_args* args) {
    scale_kernel<<<1, 1>>>(nullptr, nullptr, 0);
    return 0;
}
)";

std::string body_at(const function_location& where) {
    return source.substr(where.body_begin, where.body_end - where.body_begin);
}

TEST(KernelSource, finds_the_first_global_function_past_comments_strings_and_attributes) {
    const function_location where = find_function(source, "", "ref.hip");
    EXPECT_EQ(where.name, "scale_kernel");
    const std::string body = body_at(where);
    EXPECT_NE(body.find("const char c = '}';"), std::string::npos);
    EXPECT_NE(body.find("y[i] = 2.0f * x[i];"), std::string::npos);
    EXPECT_EQ(body.find("hipkb_run"), std::string::npos);
}

TEST(KernelSource, finds_a_named_definition_not_a_call) {
    const function_location where = find_function(source, "hipkb_run", "ref.hip");
    EXPECT_NE(body_at(where).find("return 0;"), std::string::npos);
    EXPECT_THROW((void)find_function(source, "missing", "ref.hip"), std::invalid_argument);
    try {
        (void)find_function("int main() {}", "", "plain.cpp");
        FAIL();
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("plain.cpp"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("--kernel"), std::string::npos);
    }
}

TEST(KernelSource, replaces_only_the_body) {
    const function_location where = find_function(source, "scale_kernel", "ref.hip");
    const std::string out = replace_body(source, where, "\n\n    y[0] = 1.0f;  \n\n");
    EXPECT_NE(out.find("scale_kernel(const float* x, float* y, int n) {\n    y[0] = 1.0f;\n}"), std::string::npos)
        << out;
    EXPECT_EQ(out.find("2.0f * x[i]"), std::string::npos);
    EXPECT_NE(out.find("return 0;"), std::string::npos);
}

TEST(KernelSource, body_from_answer_accepts_a_whole_function_a_braced_block_or_statements) {
    EXPECT_EQ(body_from_answer("__global__ void scale_kernel(const float* x) { return; }", "scale_kernel"),
              " return; ");
    EXPECT_EQ(body_from_answer("{ a(); { b(); } }", "scale_kernel"), " a(); { b(); } ");
    EXPECT_EQ(body_from_answer("a();\nb();\n", "scale_kernel"), "a();\nb();\n");
    // Two blocks side by side are statements, not one braced block.
    EXPECT_EQ(body_from_answer("{ a(); } { b(); }", "scale_kernel"), "{ a(); } { b(); }");
}

}  // namespace
