// `hipkb describe` against the local server (a 500 then success, a
// persistent failure skipped and reported, resume) and the replay provider,
// and the {{task}} placeholder with the from_description template.
#include <hipkb/generator/describe.hpp>
#include <hipkb/generator/openai_provider.hpp>
#include <hipkb/generator/prompt.hpp>
#include <hipkb/generator/replay_provider.hpp>

#include "test_server.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace {

using namespace hipkb::generator;
using namespace hipkb::generator::testing;

generate_settings settings_for(const test_server& server, const fs::path& reference_dir) {
    generate_settings s;
    s.base_url = server.base_url();
    s.model = "test-model";
    s.api_key_env = "";
    s.reference_dir = reference_dir.string();
    s.concurrency = 3;
    s.max_attempts = 2;
    s.backoff_initial_s = 0.02;
    s.timeout_s = 5.0;
    s.progress = "off";
    return s;
}

describe_options quiet(const fs::path& out = {}) {
    describe_options o;
    o.log = nullptr;
    o.jitter_seed = 5;
    o.out_dir = out;
    return o;
}

// A copy of the fixture problems, so descriptions written beside them do
// not land in the source tree.
fs::path copy_of_fixture_problems(const temp_dir& dir) {
    const fs::path copy = dir.path() / "reference";
    fs::copy(fixtures() / "reference", copy, fs::copy_options::recursive);
    return copy;
}

scripted_reply description_for(const received_request& r) {
    return answer_reply("Adds things for " + r.problem + ".\n\n- inputs: ...\n- outputs: ...");
}

TEST(Describe, writes_task_md_beside_each_problem_retrying_a_500) {
    test_server server([](const received_request& r) {
        return r.problem == "vadd" && r.attempt == 1 ? status_reply(500, "{}") : description_for(r);
    });
    temp_dir dir;
    const fs::path reference = copy_of_fixture_problems(dir);
    const describe_result result = describe_run(settings_for(server, reference), quiet());
    EXPECT_EQ(result.exit_code(), 0);
    EXPECT_EQ(result.written.size(), 3U);
    EXPECT_EQ(slurp(reference / "level1/vadd/task.md"), "Adds things for vadd.\n\n- inputs: ...\n- outputs: ...\n");
    EXPECT_TRUE(fs::exists(reference / "level2/bias_relu/task.md"));
    EXPECT_EQ(server.request_count(), 4U);  // vadd twice
    // The request shows the reference source and asks for what, not how.
    const auto requests = server.requests();
    const std::string prompt = requests.front().body["messages"].dump();
    EXPECT_NE(prompt.find("not how"), std::string::npos) << prompt;
    EXPECT_NE(prompt.find("__global__"), std::string::npos) << prompt;
}

TEST(Describe, a_persistent_failure_is_skipped_reported_and_a_rerun_asks_only_for_it) {
    test_server server([](const received_request& r) {
        return r.problem == "bias_relu" ? status_reply(503, R"({"error":{"message":"overloaded"}})")
                                        : description_for(r);
    });
    temp_dir dir;
    const fs::path reference = copy_of_fixture_problems(dir);
    const fs::path out = dir.path() / "tasks";
    const describe_result first = describe_run(settings_for(server, reference), quiet(out));
    EXPECT_EQ(first.exit_code(), 1);
    ASSERT_EQ(first.failures.size(), 1U);
    EXPECT_EQ(first.failures[0].problem, "bias_relu");
    EXPECT_EQ(first.failures[0].reason, "http_error");
    EXPECT_TRUE(fs::exists(out / "vadd.md"));
    EXPECT_TRUE(fs::exists(out / "vscale.md"));
    EXPECT_FALSE(fs::exists(out / "bias_relu.md"));
    EXPECT_FALSE(fs::exists(reference / "level1/vadd/task.md"));  // --out, not beside the problem

    const std::size_t before = server.request_count();
    server.set_script(description_for);
    const describe_result second = describe_run(settings_for(server, reference), quiet(out));
    EXPECT_EQ(second.exit_code(), 0);
    EXPECT_EQ(second.already_there.size(), 2U);
    ASSERT_EQ(second.written.size(), 1U);
    EXPECT_EQ(second.written[0], out / "bias_relu.md");
    EXPECT_EQ(server.request_count(), before + 1);
}

TEST(Describe, replays_recorded_descriptions_of_given_files) {
    temp_dir dir;
    const fs::path recordings = dir.path() / "replay";
    fs::create_directories(recordings / "kernel_a");
    std::ofstream(recordings / "kernel_a" / "task.md")
        << "<think>long reasoning</think>\n```markdown\nScales x by 2.\n```\n";
    const fs::path file = dir.path() / "kernel_a.hip";
    std::ofstream(file) << "__global__ void k(float* x) { x[threadIdx.x] *= 2.0f; }\n";
    generate_settings s;
    s.provider = "replay";
    s.replay_dir = recordings.string();
    s.progress = "off";
    describe_options options = quiet(dir.path() / "out");
    options.files = {file, dir.path() / "kernel_b.hip"};
    std::ofstream(options.files[1]) << "__global__ void k2() {}\n";
    const describe_result result = describe_run(s, options);
    EXPECT_EQ(result.exit_code(), 1);  // kernel_b has no recording
    EXPECT_EQ(slurp(dir.path() / "out/kernel_a.md"), "Scales x by 2.\n");
    ASSERT_EQ(result.failures.size(), 1U);
    EXPECT_EQ(result.failures[0].problem, "kernel_b");
    EXPECT_EQ(result.failures[0].reason, "unavailable");
}

TEST(Describe, files_need_an_output_folder) {
    generate_settings s;
    s.provider = "replay";
    s.replay_dir = "unused";
    describe_options options = quiet();
    options.files = {fixtures() / "reference/level1/vadd/reference.hip"};
    EXPECT_THROW((void)describe_items(s, options), settings_error);
}

TEST(Describe, the_description_drops_reasoning_and_a_wrapping_markdown_fence) {
    EXPECT_EQ(description_from_answer("<think>x</think>\n\nComputes y = x + 1.\n"), "Computes y = x + 1.");
    EXPECT_EQ(description_from_answer("```md\n# Task\nsum\n```"), "# Task\nsum");
    // Fences inside the text are kept as they are.
    EXPECT_EQ(description_from_answer("```\na\n```\nand\n```\nb\n```"), "```\na\n```\nand\n```\nb\n```");
    EXPECT_EQ(description_from_answer("<think>only reasoning</think>"), "");
}

problem_entry fixture_problem(const fs::path& reference, const std::string& name) {
    for (const auto& p : discover_problems(reference)) {
        if (p.name == name) return p;
    }
    throw std::runtime_error("no fixture problem " + name);
}

TEST(TaskPlaceholder, from_description_gives_the_task_and_the_entry_header_but_not_the_reference) {
    temp_dir dir;
    const fs::path reference = copy_of_fixture_problems(dir);
    std::ofstream(reference / "level1/vadd/task.md") << "Add two fp32 vectors a and b of length N into c.\n";
    generate_settings s;
    s.provider = "replay";
    s.replay_dir = "unused";
    s.reference_dir = reference.string();
    finalize_settings(s, "generate");
    const problem_prompt p = build_prompt(s, fixture_problem(reference, "vadd"), load_template("from_description"), {});
    const std::string& user = p.messages->back().content;
    EXPECT_NE(user.find("Add two fp32 vectors a and b of length N into c."), std::string::npos) << user;
    EXPECT_NE(user.find("typedef struct hipkb_args"), std::string::npos) << user;  // the entry header
    const std::string reference_source = slurp(reference / "level1/vadd/reference.hip");
    EXPECT_EQ(user.find("__global__"), std::string::npos) << user;
    EXPECT_EQ(user.find(reference_source.substr(0, 40)), std::string::npos) << user;
    EXPECT_EQ(user.find("{{"), std::string::npos);
}

TEST(TaskPlaceholder, a_template_using_task_for_a_problem_without_task_md_names_the_problem_and_file) {
    temp_dir dir;
    const fs::path reference = copy_of_fixture_problems(dir);
    generate_settings s;
    s.provider = "replay";
    s.replay_dir = "unused";
    s.reference_dir = reference.string();
    finalize_settings(s, "generate");
    const prompt_template custom = parse_template("Do this: {{ task }}", "custom.txt");
    try {
        (void)build_prompt(s, fixture_problem(reference, "vscale"), custom, {});
        FAIL() << "expected a prompt_error";
    } catch (const prompt_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("custom.txt"), std::string::npos) << message;
        EXPECT_NE(message.find("'vscale'"), std::string::npos) << message;
        EXPECT_NE(message.find((reference / "level1/vscale/task.md").string()), std::string::npos) << message;
    }
    // Templates that do not use {{task}} need no task.md.
    EXPECT_NO_THROW((void)build_prompt(s, fixture_problem(reference, "vscale"), load_template("whole_file"), {}));
}

}  // namespace
