#include <hipkb/generator/prompt.hpp>
#include <hipkb/generator/settings.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace {

using namespace hipkb::generator;
using hipkb::generator::testing::fixtures;
using hipkb::generator::testing::slurp;
using hipkb::generator::testing::temp_dir;

generate_settings settings_for(const std::string& mode) {
    generate_settings s;
    s.provider = "replay";
    s.replay_dir = "unused";
    s.mode = mode;
    s.reference_dir = (fixtures() / "reference").string();
    finalize_settings(s, "generate");
    return s;
}

problem_entry problem(const std::string& name) {
    for (const auto& p : discover_problems(fixtures() / "reference")) {
        if (p.name == name) return p;
    }
    throw std::runtime_error("no fixture problem " + name);
}

TEST(Prompt, whole_file_prompt_carries_the_reference_spec_target_and_contract) {
    const generate_settings s = settings_for("whole_file");
    const problem_prompt p = build_prompt(s, problem("bias_relu"), load_template("whole_file"), {});
    ASSERT_EQ(p.messages->size(), 2U);
    EXPECT_EQ((*p.messages)[0].role, "system");
    const std::string& user = (*p.messages)[1].content;
    const std::string reference = slurp(fixtures() / "reference/level2/bias_relu/reference.hip");
    EXPECT_NE(user.find(reference.substr(0, reference.size() - 1)), std::string::npos);
    EXPECT_NE(user.find("R = 4096, C = 1024"), std::string::npos) << user;
    EXPECT_NE(user.find("- x: fp32, shape [R, C]"), std::string::npos) << user;
    EXPECT_NE(user.find("- b: fp32, shape [C]"), std::string::npos) << user;
    EXPECT_NE(user.find("atol 1e-05, rtol 1e-05"), std::string::npos) << user;
    EXPECT_NE(user.find("AMD GPU (gfx90a)"), std::string::npos);
    EXPECT_NE(user.find("typedef struct hipkb_args"), std::string::npos);  // the real entry header
    EXPECT_NE(user.find("```hip\n"), std::string::npos);
    EXPECT_EQ(user.find("{{"), std::string::npos);
    EXPECT_EQ(p.hash.rfind("sha256:", 0), 0U);
    EXPECT_EQ(p.hash.size(), 7U + 64U);
    EXPECT_FALSE(p.kernel);
}

TEST(Prompt, the_hash_is_stable_and_follows_the_text) {
    const generate_settings s = settings_for("whole_file");
    const auto a = build_prompt(s, problem("vadd"), load_template("whole_file"), {});
    const auto b = build_prompt(s, problem("vadd"), load_template("whole_file"), {});
    const auto c = build_prompt(s, problem("vscale"), load_template("whole_file"), {});
    EXPECT_EQ(a.hash, b.hash);
    EXPECT_NE(a.hash, c.hash);
    EXPECT_EQ(a.hash, prompt_hash(*a.messages));
    generate_settings host = s;
    host.platform = "host";
    host.arch = "";
    finalize_settings(host, "generate");
    const auto h = build_prompt(host, problem("vadd"), load_template("whole_file"), {});
    EXPECT_NE(a.hash, h.hash);
    EXPECT_NE((*h.messages)[1].content.find("```cpp\n"), std::string::npos);
    EXPECT_EQ(h.reference_file.filename(), "golden.cpp");
}

TEST(Prompt, function_body_mode_shows_the_body_and_splices_the_answer) {
    const generate_settings s = settings_for("function_body");
    const problem_prompt p = build_prompt(s, problem("vadd"), load_template("function_body"), {});
    ASSERT_TRUE(p.kernel);
    EXPECT_EQ(p.kernel->name, "vadd_kernel");
    const std::string& user = (*p.messages)[1].content;
    EXPECT_NE(user.find("The body of `vadd_kernel` to rewrite"), std::string::npos);
    EXPECT_NE(user.find("z[i] = x[i] + y[i];  // } a brace in a comment"), std::string::npos);
    const std::string candidate = candidate_source(p, "    const int64_t i = 0;\n    z[i] = y[i] + x[i];\n");
    EXPECT_NE(candidate.find("z[i] = y[i] + x[i];"), std::string::npos);
    EXPECT_EQ(candidate.find("a brace in a comment"), std::string::npos);
    EXPECT_NE(candidate.find("extern \"C\" int hipkb_run"), std::string::npos);

    generate_settings named = s;
    named.kernel = "no_such_kernel";
    EXPECT_THROW((void)build_prompt(named, problem("vadd"), load_template("function_body"), {}), prompt_error);
}

TEST(Prompt, custom_templates_and_few_shot_examples) {
    const generate_settings s = settings_for("whole_file");
    const message_list shots = load_few_shot(fixtures() / "few_shot.md");
    ASSERT_EQ(shots.size(), 2U);
    EXPECT_EQ(shots[0].role, "user");
    EXPECT_EQ(shots[1].role, "assistant");
    const problem_prompt p =
        build_prompt(s, problem("vadd"), load_template((fixtures() / "template.txt").string()), shots);
    ASSERT_EQ(p.messages->size(), 4U);
    EXPECT_EQ((*p.messages)[0].content, "You write HIP for an AMD GPU (gfx90a) with HIP and ROCm.");
    EXPECT_EQ((*p.messages)[1].content, shots[0].content);
    EXPECT_EQ((*p.messages)[2].role, "assistant");
    EXPECT_EQ((*p.messages)[3].content.rfind("Problem vadd (level 1), target gfx90a:", 0), 0U);
}

TEST(Prompt, template_errors_name_the_file_and_the_placeholder) {
    temp_dir dir;
    std::ofstream(dir.path() / "typo.txt") << "Rewrite {{refrence_source}} now\n";
    std::ofstream(dir.path() / "body.txt") << "Rewrite {{kernel_body}}\n";
    std::ofstream(dir.path() / "section.txt") << "=== sytem ===\nhello\n";
    std::ofstream(dir.path() / "shot.txt") << "=== user ===\nonly a question\n";
    const generate_settings s = settings_for("whole_file");
    const auto message = [&](const std::function<void()>& action) -> std::string {
        try {
            action();
        } catch (const prompt_error& error) {
            return error.what();
        }
        return "";
    };
    const std::string typo =
        message([&] { (void)build_prompt(s, problem("vadd"), load_template((dir.path() / "typo.txt").string()), {}); });
    EXPECT_NE(typo.find("typo.txt: unknown placeholder {{refrence_source}}"), std::string::npos) << typo;
    const std::string body =
        message([&] { (void)build_prompt(s, problem("vadd"), load_template((dir.path() / "body.txt").string()), {}); });
    EXPECT_NE(body.find("only available in function_body mode"), std::string::npos) << body;
    EXPECT_NE(message([&] {
                  (void)load_template((dir.path() / "section.txt").string());
              }).find("section.txt:1: unknown section"),
              std::string::npos);
    EXPECT_NE(message([&] {
                  (void)load_few_shot(dir.path() / "shot.txt");
              }).find("must end with an '=== assistant ===' answer"),
              std::string::npos);
    EXPECT_NE(message([&] { (void)load_template("no_such_template"); }).find("neither a built-in"), std::string::npos);
}

TEST(Prompt, placeholder_values_are_not_expanded_again) {
    const std::string out = render_template("a {{x}} b", {{"x", "{{y}}"}}, "t");
    EXPECT_EQ(out, "a {{y}} b");
}

}  // namespace
