#include "rewrite.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace {

using hipkb::cpu_rewrite::rewrite_hip_source;
using hipkb::cpu_rewrite::rewrite_result;

const std::string header = "#line 1 \"k.hip\"\n";

// The launch text for CONFIG, KERNEL and whether arguments follow.
std::string launch(std::string_view config, std::string_view kernel, bool with_args = true) {
    return "::hipkb::cpu::launch(::hipkb::cpu::make_launch_config(" + std::string(config) +
           "), [&](auto... hipkb_launch_args_) { " + std::string(kernel) + "(hipkb_launch_args_...); }" +
           (with_args ? ", " : "");
}

std::string dynamic_shared(std::string_view type) {
    return "::hipkb::cpu::dynamic_shared<" + std::string(type) + ">()";
}

// The rewritten text after the `#line 1` header, for sources that rewrite cleanly.
std::string body(std::string_view source) {
    const rewrite_result r = rewrite_hip_source(source, "k.hip");
    EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors.front());
    EXPECT_EQ(r.text.substr(0, header.size()), header);
    return r.text.substr(std::min(header.size(), r.text.size()));
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.emplace_back(text.substr(start));
            break;
        }
        lines.emplace_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

// The line number a compiler gives the first output line containing
// `needle`, following the #line directives of the output (0 if absent).
int compiler_line(std::string_view text, std::string_view needle) {
    int next = 1;
    for (const std::string& line : split_lines(text)) {
        const int number = next++;
        if (line.rfind("#line ", 0) == 0) {
            next = std::stoi(line.substr(6));
            continue;
        }
        if (line.find(needle) != std::string::npos) return number;
    }
    return 0;
}

// The 1-based line of `needle` in the source.
int source_line(std::string_view source, std::string_view needle) {
    const std::size_t at = source.find(needle);
    if (at == std::string_view::npos) return 0;
    return 1 + static_cast<int>(std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// ---------------------------------------------------------------- launches

TEST(RewriteLaunch, grid_and_block_become_the_first_launch_arguments) {
    EXPECT_EQ(body("k<<<grid, block>>>(x, y);"), launch("grid, block", "k") + "x, y);");
}

TEST(RewriteLaunch, shared_bytes_and_stream_pass_through_verbatim) {
    EXPECT_EQ(body("k<<<g, b, 64>>>(x);"), launch("g, b, 64", "k") + "x);");
    EXPECT_EQ(body("k<<<g, b, bytes, stream>>>(x);"), launch("g, b, bytes, stream", "k") + "x);");
}

TEST(RewriteLaunch, a_launch_without_arguments_has_no_trailing_comma) {
    EXPECT_EQ(body("k<<<1, 2>>>();"), launch("1, 2", "k", false) + ");");
    EXPECT_EQ(body("k<<<1, 2>>>( );"), launch("1, 2", "k", false) + " );");
}

TEST(RewriteLaunch, template_arguments_stay_with_the_kernel) {
    EXPECT_EQ(body("k<float, 4><<<1, 2>>>(p);"), launch("1, 2", "k<float, 4>") + "p);");
    EXPECT_EQ(body("k<vec<float>><<<1, 2>>>(p);"), launch("1, 2", "k<vec<float>>") + "p);");
    EXPECT_EQ(body("k<a<b<c>>><<<1, 2>>>(p);"), launch("1, 2", "k<a<b<c>>>") + "p);");
    EXPECT_EQ(body("k<std::array<int, 4>, N * 2><<<1, 2>>>(p);"),
              launch("1, 2", "k<std::array<int, 4>, N * 2>") + "p);");
    EXPECT_EQ(body("k<(N > 2), decltype(f(a, b))><<<1, 2>>>(p);"),
              launch("1, 2", "k<(N > 2), decltype(f(a, b))>") + "p);");
}

TEST(RewriteLaunch, qualified_kernel_names_are_taken_whole) {
    EXPECT_EQ(body("ns::k<<<1, 2>>>(p);"), launch("1, 2", "ns::k") + "p);");
    EXPECT_EQ(body("::k<<<1, 2>>>(p);"), launch("1, 2", "::k") + "p);");
    EXPECT_EQ(body("::a::b::k<T><<<1, 2>>>(p);"), launch("1, 2", "::a::b::k<T>") + "p);");
    EXPECT_EQ(body("ns::template k<T><<<1, 2>>>(p);"), launch("1, 2", "ns::template k<T>") + "p);");
    EXPECT_EQ(body("A<T, 2>::k<<<1, 2>>>(p);"), launch("1, 2", "A<T, 2>::k") + "p);");
    EXPECT_EQ(body("ns :: k /* c */ <<<1, 2>>>(p);"), launch("1, 2", "ns :: k") + "p);");
}

TEST(RewriteLaunch, parenthesised_kernel_expressions_are_taken_whole) {
    EXPECT_EQ(body("(k)<<<1, 2>>>(p);"), launch("1, 2", "(k)") + "p);");
    EXPECT_EQ(body("(HIP_KERNEL_NAME(k<T, 4>))<<<1, 2>>>(p);"), launch("1, 2", "(HIP_KERNEL_NAME(k<T, 4>))") + "p);");
    EXPECT_EQ(body("HIP_KERNEL_NAME(k<T, 4>)<<<1, 2>>>(p);"), launch("1, 2", "HIP_KERNEL_NAME(k<T, 4>)") + "p);");
}

TEST(RewriteLaunch, kernels_reached_through_members_and_subscripts_are_taken_whole) {
    EXPECT_EQ(body("kernels[i + 1]<<<1, 2>>>(p);"), launch("1, 2", "kernels[i + 1]") + "p);");
    EXPECT_EQ(body("table.kernel<<<1, 2>>>(p);"), launch("1, 2", "table.kernel") + "p);");
    EXPECT_EQ(body("this->kernel<<<1, 2>>>(p);"), launch("1, 2", "this->kernel") + "p);");
}

TEST(RewriteLaunch, configuration_with_shifts_nested_calls_and_casts_is_passed_verbatim) {
    const std::string config =
        "dim3((n + 255) >> 8, (m + 15) / 16), dim3(16, 16), smem * sizeof(float), static_cast<hipStream_t>(s)";
    EXPECT_EQ(body("k<<<" + config + ">>>(x);"), launch(config, "k") + "x);");
    EXPECT_EQ(body("k<<<n >> 8, 1 << 4>>>(x);"), launch("n >> 8, 1 << 4", "k") + "x);");
    EXPECT_EQ(body("k<<<g, b, 0, std::get<0>(streams)>>>(x);"), launch("g, b, 0, std::get<0>(streams)", "k") + "x);");
    EXPECT_EQ(body("k<<<std::max(1, n / 256), {256, 1, 1}, 1'024>>>(x);"),
              launch("std::max(1, n / 256), {256, 1, 1}, 1'024", "k") + "x);");
}

TEST(RewriteLaunch, a_template_argument_list_closed_right_before_the_chevrons_stays_in_the_configuration) {
    EXPECT_EQ(body("k<<<g, b, bytes<T>>>>(x);"), launch("g, b, bytes<T>", "k") + "x);");
}

TEST(RewriteLaunch, arguments_with_parens_lambdas_strings_and_template_ids_stay_in_place) {
    const std::string args =
        "f(a, (b)), [&](int i) { return g(i); }, \"<<<)\", std::pair<int, int>{1, 2}, ')', R\"(>>>))\")";
    EXPECT_EQ(body("k<<<1, 2>>>(" + args + ";"), launch("1, 2", "k") + args + ";");
}

TEST(RewriteLaunch, comments_inside_the_launch_are_dropped_from_the_joined_line) {
    const std::string source = "k /* a */ <<< /* g */ 1, // grid\n  2 >>> /* x */ (a); // end\nint marker;\n";
    const std::string out = body(source);
    EXPECT_EQ(out, launch("1, 2", "k") + "\na); // end\nint marker;\n");
}

TEST(RewriteLaunch, a_launch_follows_if_and_else_without_braces) {
    EXPECT_EQ(body("if (n > 0) k<<<1, 2>>>(a); else k2<<<3, 4>>>(b);"),
              "if (n > 0) " + launch("1, 2", "k") + "a); else " + launch("3, 4", "k2") + "b);");
    EXPECT_EQ(body("if (ok(n)) (k)<<<1, 2>>>(a);"), "if (ok(n)) " + launch("1, 2", "(k)") + "a);");
    EXPECT_EQ(body("for (int i = 0; i < n; ++i) k<<<1, 2>>>(i);"),
              "for (int i = 0; i < n; ++i) " + launch("1, 2", "k") + "i);");
}

TEST(RewriteLaunch, several_launches_on_one_line_are_all_rewritten) {
    EXPECT_EQ(body("a<<<1, 2>>>(x); b<<<3, 4>>>(); c<5><<<6, 7, 8>>>(y, z);"),
              launch("1, 2", "a") + "x); " + launch("3, 4", "b", false) + "); " + launch("6, 7, 8", "c<5>") + "y, z);");
}

TEST(RewriteLaunch, a_launch_inside_the_arguments_of_another_is_rewritten_too) {
    EXPECT_EQ(body("k<<<1, 1>>>([&] { k2<<<2, 2>>>(p); });"),
              launch("1, 1", "k") + "[&] { " + launch("2, 2", "k2") + "p); });");
}

TEST(RewriteLaunch, directive_lines_among_the_arguments_stay_in_place) {
    const std::string source = "k<<<1, 2>>>(a,\n#ifdef X\n  b,\n#endif\n  c);\n";
    EXPECT_EQ(body(source), launch("1, 2", "k") + "a,\n#ifdef X\n  b,\n#endif\n  c);\n");
}

TEST(RewriteLaunch, a_launch_in_an_expression_starts_at_the_kernel_name) {
    EXPECT_EQ(body("(void)k<<<1, 2>>>(a);"), "(void)" + launch("1, 2", "k") + "a);");
    EXPECT_EQ(body("return k<<<1, 2>>>(a);"), "return " + launch("1, 2", "k") + "a);");
    EXPECT_EQ(body("x = (k<<<1, 2>>>(a), 0);"), "x = (" + launch("1, 2", "k") + "a), 0);");
}

TEST(RewriteLaunch, a_launch_inside_a_define_keeps_its_continuation_lines) {
    const std::string source =
        "#define LAUNCH(kern, n) \\\n"
        "  kern<<<n, \\\n"
        "    256>>>(x, \\\n"
        "           y)\n"
        "int marker;\n";
    const std::string out = body(source);
    EXPECT_EQ(out,
              "#define LAUNCH(kern, n) \\\n"
              "  " +
                  launch("n, 256", "kern") +
                  "\\\n"
                  "x, \\\n"
                  "           y)\n"
                  "int marker;\n");
    EXPECT_EQ(split_lines(out).size(), split_lines(source).size());
}

TEST(RewriteLaunch, a_comment_inside_a_launch_in_a_define_becomes_a_space) {
    const std::string source = "#define L(k) k<<<1, /* blocks */ \\\n  2>>>(x) // done\nint marker;\n";
    EXPECT_EQ(body(source), "#define L(k) " + launch("1, 2", "k") + "\\\nx) // done\nint marker;\n");
}

TEST(RewriteLaunch, macro_parameters_pasted_into_the_kernel_name_are_taken_whole) {
    EXPECT_EQ(body("#define L(k) k##_impl<<<1, 2>>>(x)\n"), "#define L(k) " + launch("1, 2", "k##_impl") + "x)\n");
}

TEST(RewriteLaunch, a_line_continuation_in_code_is_joined) {
    const std::string source = "k<<<1, 2>>>\\\n(a);\nint marker;\n";
    const std::string out = body(source);
    EXPECT_EQ(out, launch("1, 2", "k") + "\na);\nint marker;\n");
}

TEST(RewriteLaunch, chevrons_in_comments_strings_and_character_literals_are_left_alone) {
    const std::string source =
        "// k<<<1, 2>>>(x);\n"
        "/* k<<<1, 2>>>(x);\n   k<<<3, 4>>>(); */\n"
        "const char* a = \"k<<<1, 2>>>(x)\";\n"
        "const char* b = R\"d(k<<<1, 2>>>(x) )\" )d\";\n"
        "const char* c = u8R\"(\nk<<<1, 2>>>(x) \" \n)\";\n"
        "const wchar_t* d = L\"k<<<\"; const char* e = u8\"<<<\";\n"
        "char f = '<'; char g = '\\''; char h = '\"';\n"
        "auto s = \"a\\\"<<<\"_suffix;\n"
        "#error don't k<<<1, 2>>>(x)\n"
        "#pragma message(\"k<<<1, 2>>>()\")\n";
    EXPECT_EQ(body(source), source);
    EXPECT_EQ(body(source + "k<<<1, 2>>>(x);"), source + launch("1, 2", "k") + "x);");
}

TEST(RewriteLaunch, code_without_launches_is_unchanged) {
    const std::string source =
        "#include <vector>\n"
        "std::vector<std::vector<std::vector<int>>> v;\n"
        "int x = a << b >> c; bool y = a < b && c > d; auto z = a <=> b;\n"
        "std::cout << std::hex << 42 << std::endl;\n"
        "template <class T> struct S : Base<Base<T>> {};\n";
    EXPECT_EQ(body(source), source);
}

TEST(RewriteLaunch, a_call_of_a_template_operator_shift_is_not_a_launch) {
    const std::string source = "operator<<<int>(os, 5);\n";
    EXPECT_EQ(body(source), source);
}

// ------------------------------------------------------------------- lines

TEST(RewriteLines, the_output_starts_with_a_line_directive_naming_the_file) {
    const rewrite_result r = rewrite_hip_source("int x;\n", "dir\\sub \"q\".hip");
    EXPECT_TRUE(r.errors.empty());
    EXPECT_EQ(r.text, "#line 1 \"dir\\\\sub \\\"q\\\".hip\"\nint x;\n");
    EXPECT_EQ(rewrite_hip_source("", "k.hip").text, header);
}

TEST(RewriteLines, a_multi_line_launch_keeps_every_later_line_in_place) {
    const std::string source =
        "void host() {\n"
        "  k<float,\n"
        "    4><<<dim3(n,\n"
        "              m),\n"
        "         256 /* block\n"
        "                 size */>>>(\n"
        "      a,\n"
        "      b);\n"
        "  int marker;\n"
        "}\n";
    const std::string out = body(source);
    const auto in_lines = split_lines(source);
    const auto out_lines = split_lines(out);
    ASSERT_EQ(out_lines.size(), in_lines.size());
    EXPECT_EQ(out_lines[1], "  " + launch("dim3(n, m), 256", "k<float, 4>"));
    EXPECT_EQ(out_lines[6], "      a,");
    EXPECT_EQ(out_lines[8], "  int marker;");
    EXPECT_EQ(compiler_line(header + out, "marker"), 9);
}

TEST(RewriteLines, markers_keep_their_lines_through_every_kind_of_rewrite) {
    const std::string source =
        "extern __shared__ float dyn[];  int m1;\n"
        "namespace a { extern __shared__ int s2[]; } int m2;\n"
        "extern \"C\" {\n"
        "  extern __shared__\n"
        "    double s3[];\n"
        "  int m3;\n"
        "}\n"
        "__global__ void kernel(float* p) {\n"
        "  extern __shared__ float s4[\n"
        "  ];\n"
        "  int m4;\n"
        "  __shared__\n"
        "    __align__(16) float t[4]; int m5;\n"
        "  k<<<1,\n"
        "     2>>>(p); int m6;\n"
        "}\n"
        "int m7;\n";
    const rewrite_result r = rewrite_hip_source(source, "k.hip");
    ASSERT_TRUE(r.errors.empty()) << r.errors.front();
    for (const char* marker : {"m1;", "m2;", "m3;", "m4;", "m5;", "m6;", "m7;"}) {
        EXPECT_EQ(compiler_line(r.text, marker), source_line(source, marker)) << marker;
    }
}

TEST(RewriteLines, crlf_line_endings_and_a_byte_order_mark_are_handled) {
    const std::string source = "\xEF\xBB\xBFk<<<1,\r\n 2>>>(a);\r\nint marker;\r\n";
    const std::string out = body(source);
    EXPECT_EQ(out, launch("1, 2", "k") + "\n" + "a);\r\nint marker;\r\n");
}

// ------------------------------------------------------------------ shared

TEST(RewriteShared, a_shared_declaration_becomes_static_thread_local) {
    EXPECT_EQ(body("__shared__ float tile[16][17];"), "static thread_local float tile[16][17];");
    EXPECT_EQ(body("__shared__ float a[4], b[4];"), "static thread_local float a[4], b[4];");
    EXPECT_EQ(body("__shared__ int count = {0};"), "static thread_local int count = {0};");
    EXPECT_EQ(body("__device__ __shared__ T tile[N];"), "__device__ static thread_local T tile[N];");
}

TEST(RewriteShared, an_existing_static_is_not_doubled) {
    EXPECT_EQ(body("static __shared__ float x[4];"), "static thread_local float x[4];");
    EXPECT_EQ(body("__shared__ static float y;"), "thread_local static float y;");
    EXPECT_EQ(body("volatile static __shared__ int z;"), "volatile static thread_local int z;");
}

TEST(RewriteShared, only_the_declaration_of_the_shared_token_counts_for_static) {
    EXPECT_EQ(body("static int a; __shared__ int b; { static int c; } __shared__ int d;"),
              "static int a; static thread_local int b; { static int c; } static thread_local int d;");
}

TEST(RewriteShared, shared_declarations_are_rewritten_in_functions_namespaces_and_macros) {
    const std::string source =
        "__shared__ int g;\n"
        "namespace n { __shared__ float h[2]; }\n"
        "__global__ void k() { if (x) { __shared__ float t[8]; } }\n"
        "#define DECL(name) __shared__ float name[32]; \\\n"
        "  __shared__ int name##_n\n";
    EXPECT_EQ(body(source),
              "static thread_local int g;\n"
              "namespace n { static thread_local float h[2]; }\n"
              "__global__ void k() { if (x) { static thread_local float t[8]; } }\n"
              "#define DECL(name) static thread_local float name[32]; \\\n"
              "  static thread_local int name##_n\n");
}

TEST(RewriteShared, alignment_among_the_specifiers_moves_to_the_front) {
    EXPECT_EQ(body("__shared__ __align__(16) float v[4];"), "__align__(16) static thread_local float v[4];");
    EXPECT_EQ(body("__shared__ alignas(alignof(float4)) float v[4];"),
              "alignas(alignof(float4)) static thread_local float v[4];");
    EXPECT_EQ(body("__align__(16) __shared__ float v[4];"), "__align__(16) static thread_local float v[4];");
    EXPECT_EQ(body("__shared__ float __attribute__((aligned(16))) v[4];"),
              "static thread_local float __attribute__((aligned(16))) v[4];");
}

TEST(RewriteShared, shared_as_a_macro_name_or_in_conditions_is_left_alone) {
    const std::string source =
        "#ifdef __shared__\n"
        "#undef __shared__\n"
        "#endif\n"
        "#ifndef __shared__\n"
        "#define __shared__\n"
        "#endif\n"
        "#if defined(__shared__) || defined __shared__\n"
        "#endif\n"
        "// __shared__ float x;\n"
        "const char* s = \"__shared__ float x;\";\n";
    EXPECT_EQ(body(source), source);
}

TEST(RewriteShared, extern_shared_in_a_function_becomes_a_pointer_to_dynamic_shared_memory) {
    EXPECT_EQ(body("void f() { extern __shared__ float smem[]; }"),
              "void f() { float* smem = " + dynamic_shared("float") + "; }");
}

TEST(RewriteShared, extern_shared_drops_alignment_and_keeps_a_multi_word_type) {
    EXPECT_EQ(body("void f() { extern __shared__ __align__(16) unsigned char buf[]; }"),
              "void f() { unsigned char* buf = " + dynamic_shared("unsigned char") + "; }");
    EXPECT_EQ(body("void f() { alignas(16) extern __shared__ const float4 v[]; }"),
              "void f() { const float4* v = " + dynamic_shared("const float4") + "; }");
    EXPECT_EQ(body("void f() { extern __shared__ __attribute__((aligned(8))) double d[]; }"),
              "void f() { double* d = " + dynamic_shared("double") + "; }");
    EXPECT_EQ(body("void f() { extern __shared__ my::vec<float, 4> v[]; }"),
              "void f() { my::vec<float, 4>* v = " + dynamic_shared("my::vec<float, 4>") + "; }");
}

TEST(RewriteShared, a_label_before_a_shared_declaration_is_not_part_of_it) {
    EXPECT_EQ(body("void f() { switch (n) { case 1: extern __shared__ float s[]; } }"),
              "void f() { switch (n) { case 1: float* s = " + dynamic_shared("float") + "; } }");
    EXPECT_EQ(body("void f() { again: __shared__ int x; }"), "void f() { again: static thread_local int x; }");
}

TEST(RewriteShared, extern_shared_accepts_the_qualifiers_in_either_order) {
    EXPECT_EQ(body("void f() { __shared__ extern float s[]; }"),
              "void f() { float* s = " + dynamic_shared("float") + "; }");
    EXPECT_EQ(body("void f() { extern __device__ __shared__ int s[]; }"),
              "void f() { int* s = " + dynamic_shared("int") + "; }");
    EXPECT_EQ(body("void f() { extern \"C\" __shared__ int s[]; }"),
              "void f() { int* s = " + dynamic_shared("int") + "; }");
}

TEST(RewriteShared, extern_shared_of_a_template_parameter_in_nested_blocks_and_lambdas) {
    EXPECT_EQ(body("template <class T> __global__ void k(T* p) { if (p) { extern __shared__ T tile[]; } }"),
              "template <class T> __global__ void k(T* p) { if (p) { T* tile = " + dynamic_shared("T") + "; } }");
    EXPECT_EQ(body("auto f = [](int n) { extern __shared__ float s[]; };"),
              "auto f = [](int n) { float* s = " + dynamic_shared("float") + "; };");
    EXPECT_EQ(body("struct S { void g() { extern __shared__ float s[]; } };"),
              "struct S { void g() { float* s = " + dynamic_shared("float") + "; } };");
    EXPECT_EQ(body("template <class T> struct S<T> make() { extern __shared__ float s[]; }"),
              "template <class T> struct S<T> make() { float* s = " + dynamic_shared("float") + "; }");
}

TEST(RewriteShared, extern_shared_at_namespace_scope_becomes_a_macro_and_restores_the_numbering) {
    const std::string out = body("extern __shared__ float smem[];\nint marker;\n");
    EXPECT_EQ(out, "#define smem (" + dynamic_shared("float") + ")\n#line 1 \"k.hip\"\n\nint marker;\n");
    EXPECT_EQ(compiler_line(header + out, "marker"), 2);
}

TEST(RewriteShared, extern_shared_in_a_namespace_or_extern_c_block_becomes_a_macro) {
    const std::string out = body(
        "namespace a::b {\nextern __shared__ int s[];\n}\nextern \"C\" {\n"
        "  extern __shared__ char c[]; int marker;\n}\n");
    EXPECT_EQ(out, "namespace a::b {\n#define s (" + dynamic_shared("int") +
                       ")\n#line 2 \"k.hip\"\n\n}\n"
                       "extern \"C\" {\n  #define c (" +
                       dynamic_shared("char") + ")\n#line 5 \"k.hip\"\n int marker;\n}\n");
    EXPECT_EQ(compiler_line(header + out, "marker"), 5);
}

TEST(RewriteShared, extern_shared_after_other_code_on_its_line_starts_its_own_line) {
    const std::string out = body("namespace a { extern __shared__ float s[]; } int marker;\n");
    EXPECT_EQ(out, "namespace a { \n#define s (" + dynamic_shared("float") + ")\n#line 1 \"k.hip\"\n } int marker;\n");
    EXPECT_EQ(compiler_line(header + out, "marker"), 1);
}

TEST(RewriteShared, extern_shared_in_a_define_uses_the_function_form_and_keeps_continuations) {
    const std::string source = "#define SMEM(T, name) \\\n  extern __shared__ T \\\n  name[];\nint marker;\n";
    EXPECT_EQ(body(source), "#define SMEM(T, name) \\\n  T* name = " + dynamic_shared("T") + ";\\\n\nint marker;\n");
}

// ------------------------------------------------------------------ errors

TEST(RewriteErrors, a_launch_without_closing_chevrons_is_an_error_line) {
    const rewrite_result r = rewrite_hip_source("int a;\nint b;\nk<<<1, 2;\nint c;\n", "k.hip");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0], "k.hip:3: '<<<' without a matching '>>>'");
    EXPECT_EQ(r.text,
              "#line 1 \"k.hip\"\n"
              "#line 3 \"k.hip\"\n"
              "#error \"hipkb hip-on-cpu: k.hip:3: '<<<' without a matching '>>>'\"\n"
              "#line 1 \"k.hip\"\n"
              "int a;\nint b;\nk<<<1, 2;\nint c;\n");
}

TEST(RewriteErrors, each_malformed_launch_is_reported_with_its_line) {
    const auto first_error = [](std::string_view source) {
        const rewrite_result r = rewrite_hip_source(source, "k.hip");
        return r.errors.empty() ? std::string("(none)") : r.errors.front();
    };
    EXPECT_EQ(first_error("k<<<1, 2>>>;"), "k.hip:1: expected '(' with the kernel arguments after '>>>'");
    const std::string unbalanced = "unbalanced parentheses in the kernel arguments after '>>>'";
    EXPECT_EQ(first_error("\nk<<<1, 2>>>(a, (b);"), "k.hip:2: " + unbalanced);
    EXPECT_EQ(first_error("k<<<1, 2>>>(a, b"), "k.hip:1: " + unbalanced);
    EXPECT_EQ(first_error("k<<<1, 2>>>(a, b]);"), "k.hip:1: " + unbalanced);
    EXPECT_EQ(first_error("x = <<<1, 2>>>(a);"), "k.hip:1: no kernel name before '<<<'");
    EXPECT_EQ(first_error("<<<1, 2>>>(a);"), "k.hip:1: no kernel name before '<<<'");
    EXPECT_EQ(first_error("k<<<>>>(a);"), "k.hip:1: empty launch configuration between '<<<' and '>>>'");
    EXPECT_EQ(first_error("k<<<1, (2>>>(a);"), "k.hip:1: '<<<' without a matching '>>>'");
    EXPECT_EQ(first_error("k<<<1,\n#ifdef X\n2\n#endif\n>>>(a);"),
              "k.hip:1: a preprocessor directive inside a launch configuration is not supported");
    EXPECT_EQ(first_error("#define L k<<<1, 2\nL>>>(a);"), "k.hip:1: '<<<' without a matching '>>>'");
}

TEST(RewriteErrors, malformed_extern_shared_declarations_are_reported) {
    const auto first_error = [](std::string_view source) {
        const rewrite_result r = rewrite_hip_source(source, "k.hip");
        return r.errors.empty() ? std::string("(none)") : r.errors.front();
    };
    const std::string form =
        "extern __shared__ is supported only as one unsized array, e.g. `extern __shared__ float smem[];`";
    EXPECT_EQ(first_error("void f() { extern __shared__ float s[256]; }"), "k.hip:1: " + form);
    EXPECT_EQ(first_error("void f() { extern __shared__ float s; }"), "k.hip:1: " + form);
    EXPECT_EQ(first_error("void f() { extern __shared__ float a[], b[]; }"), "k.hip:1: " + form);
    EXPECT_EQ(first_error("void f() { extern __shared__ s[]; }"),
              "k.hip:1: extern __shared__ declaration without an element type");
    EXPECT_EQ(first_error("struct S {\n  extern __shared__ float s[];\n};"),
              "k.hip:2: extern __shared__ inside a class body is not supported");
}

TEST(RewriteErrors, errors_do_not_stop_the_other_rewrites) {
    const rewrite_result r = rewrite_hip_source("k<<<1, 2>>>;\nq<<<3, 4>>>(x);\n__shared__ int s;\n", "k.hip");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.text.find(launch("3, 4", "q") + "x);\n"), std::string::npos);
    EXPECT_NE(r.text.find("static thread_local int s;"), std::string::npos);
    EXPECT_NE(r.text.find("k<<<1, 2>>>;"), std::string::npos);
}

TEST(RewriteErrors, error_lines_escape_the_file_name) {
    const rewrite_result r = rewrite_hip_source("k<<<1, 2>>>;", "a \"b\".hip");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0], "a \"b\".hip:1: expected '(' with the kernel arguments after '>>>'");
    EXPECT_NE(r.text.find("#error \"hipkb hip-on-cpu: a \\\"b\\\".hip:1: expected"), std::string::npos);
}

TEST(RewriteErrors, truncated_and_unterminated_sources_never_crash) {
    const std::string source =
        "#define L(k) k<<<1, \\\n 2>>>(x)\n"
        "template <class T> __global__ void k(T* p) {\n"
        "  extern __shared__ __align__(16) T s[]; __shared__ float t[4];\n"
        "  const char* r = R\"d( <<< )d\"; char c = '\\''; /* <<< */ // x\n"
        "  ns::k<float, (2 > 1)><<<dim3((n + 1) >> 1), 256, 0, s>>>(p, [&](int i) { return i; });\n"
        "}\n";
    for (std::size_t n = 0; n <= source.size(); ++n) {
        const rewrite_result r = rewrite_hip_source(source.substr(0, n), "k.hip");
        EXPECT_EQ(r.text.rfind(header, 0), 0u) << n;
        const rewrite_result reversed = rewrite_hip_source(source.substr(source.size() - n), "k.hip");
        EXPECT_EQ(reversed.text.rfind(header, 0), 0u) << n;
    }
    for (const char* odd : {"\"unterminated", "'", "R\"abc(never closed", "/* never closed", "#", "\\", "<<<", ">>>",
                            "k<<<", "k<<<1,2>>>", "k<<<1,2>>>(", "__shared__", "extern __shared__",
                            "extern __shared__ float s[", "}}}{{{", "k<a<<<1,2>>>(x)", "R\"(\n)\"<<<1,2>>>()"}) {
        const rewrite_result r = rewrite_hip_source(odd, "k.hip");
        EXPECT_EQ(r.text.rfind(header, 0), 0u) << odd;
    }
}

// ------------------------------------------------- compiling the rewritten source

class RewriteCompile : public ::testing::Test {
protected:
    std::filesystem::path dir_;

    void SetUp() override {
        if (std::system("command -v c++ > /dev/null 2>&1") != 0) GTEST_SKIP() << "no c++ compiler on PATH";
        dir_ =
            std::filesystem::temp_directory_path() / ("hipkb_rewrite_" + std::to_string(::getpid()) + "_" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        write("hipkb_stub.hpp", R"(#pragma once
#include <type_traits>
#define __global__
#define __device__
#define __align__(n) alignas(n)
struct dim3 {
    unsigned x, y, z;
    dim3(unsigned a = 1, unsigned b = 1, unsigned c = 1) : x(a), y(b), z(c) {}
};
typedef struct stream_t* hipStream_t;
namespace hipkb::cpu {
struct launch_config {};
inline launch_config make_launch_config(dim3, dim3, unsigned long = 0, hipStream_t = nullptr) { return {}; }
template <class F, class... A>
    requires std::is_invocable_v<F&, A&...>
void launch(launch_config, F f, A... a) { f(a...); }
template <class T> T* dynamic_shared() {
    alignas(64) static unsigned char storage[1024];
    return reinterpret_cast<T*>(storage);
}
}  // namespace hipkb::cpu
)");
    }

    void TearDown() override {
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }

    void write(const std::string& name, const std::string& text) const {
        std::ofstream(dir_ / name, std::ios::binary) << text;
    }

    // Rewrites `source` as "sample.hip", compiles it with -fsyntax-only and
    // returns the exit status; the compiler's output goes to `log`.
    int compile(const std::string& source, std::string& log) const {
        write("sample.cpp", rewrite_hip_source(source, "sample.hip").text);
        const std::string command =
            "cd '" + dir_.string() + "' && c++ -fsyntax-only -std=c++20 -I. sample.cpp > compile.log 2>&1";
        const int status = std::system(command.c_str());
        std::ifstream in(dir_ / "compile.log");
        std::stringstream buffer;
        buffer << in.rdbuf();
        log = buffer.str();
        return status;
    }
};

const std::string compile_sample = R"(#include "hipkb_stub.hpp"
extern __shared__ float gsm[];
namespace detail { __shared__ int counter; }
template <class T, int N>
__global__ void k(T* p, int n) {
    extern __shared__ __align__(16) T tile[];
    __shared__ float acc[N];
    static __shared__ int c;
    __shared__ static int d;
    __shared__ __align__(16) float v[4];
    tile[0] = p[0]; acc[0] = gsm[0]; c = d = n; v[0] = 0.0f; detail::counter = 1;
}
__global__ void simple(float* p) { (void)p; }
namespace ns { __global__ void q(int) {} }
#define LAUNCH(kern, n) kern<<<n, 256, \
    0>>>(nullptr)
void host(float* p, hipStream_t s, int n) {
    k<float, 4><<<dim3((n + 255) >> 8), 256, 0, static_cast<hipStream_t>(s)>>>(p, n);
    if (n) ns::q<<<1,
        2>>>(
        n);
    else ::simple<<<1, 1>>>(p);
    (simple)<<<1, 1>>>(p); simple<<<2, 2, 0>>>(p);
    LAUNCH(simple, 4);
    auto f = [](int a) { return a; };
    ns::q<<<1, 1>>>(f(3));
    const char* text = "k<<<1, 1>>>(";  // k<<<
    (void)text;
)";

TEST_F(RewriteCompile, the_rewritten_sample_compiles_with_the_system_compiler) {
    std::string log;
    EXPECT_EQ(compile(compile_sample + "}\n", log), 0) << log;
}

TEST_F(RewriteCompile, compiler_errors_point_at_the_hip_file_and_line) {
    std::string log;
    const std::string source = compile_sample + "    int bad = undeclared_name;\n}\n";
    EXPECT_NE(compile(source, log), 0);
    const std::string where = "sample.hip:" + std::to_string(source_line(source, "undeclared_name")) + ":";
    EXPECT_NE(log.find(where), std::string::npos) << log;
}

TEST_F(RewriteCompile, a_source_that_cannot_be_rewritten_fails_to_compile_with_its_error) {
    std::string log;
    const std::string source = compile_sample + "    simple<<<1, 1>>>;\n}\n";
    EXPECT_NE(compile(source, log), 0);
    const std::string where = "sample.hip:" + std::to_string(source_line(source, "simple<<<1, 1>>>;")) + ":";
    EXPECT_NE(log.find("hipkb hip-on-cpu: " + where + " expected '('"), std::string::npos) << log;
    EXPECT_NE(log.find(where), std::string::npos) << log;
}

}  // namespace
