// `hipkb generate` as a user runs it: a config file, flags and HIPKB_*
// variables, killed with SIGKILL mid-run and run again. Nothing finished is
// lost, nothing is written twice, and only the requests in flight repeat.
#include <hipkb/core/process.hpp>

#include "test_server.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>
#include <map>
#include <thread>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

using namespace hipkb::generator::testing;
using namespace std::chrono_literals;
using json = nlohmann::json;

constexpr const char* secret_key = "sk-kill-SECRET-5555555555";

std::vector<std::string> generate_args(const fs::path& config, const fs::path& out) {
    return {HIPKB_CLI, "generate", "--config", config.string(), "--generated-dir", out.string(), "--progress", "plain"};
}

TEST(ResumeAfterKill, a_killed_run_resumes_without_losing_or_repeating_samples) {
    scoped_env key("HIPKB_KILL_TEST_KEY", secret_key);
    scoped_env samples("HIPKB_SAMPLES", "6");  // the environment overrides the config's 2
    test_server server([](const received_request&) { return ok_reply(80ms); });
    temp_dir dir;
    const fs::path config = dir.path() / "gen.json";
    const fs::path out = dir.path() / "generated";
    std::ofstream(config) << json{
        {"base_url", server.base_url()},
        {"model", "kill-model"},
        {"api_key_env", "HIPKB_KILL_TEST_KEY"},
        {"reference_dir", (fixtures() / "reference").string()},
        {"samples", 2},
        {"concurrency", 2},
        {"run", "killed"},
        {"backoff_initial_s",
         0.02}}.dump();

    // First run: started as a child process, killed once a few samples exist.
    const std::vector<std::string> args = generate_args(config, out);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t child = 0;
    ASSERT_EQ(::posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), environ), 0);
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    // Four finished samples: their metadata, plus run.json.
    while (files_ending(out, ".json").size() < 5 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(2ms);
    }
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    // A sample counts once its metadata is written (the last of its files);
    // a .hip without one was cut off by the kill and is redone.
    std::size_t kept = 0;
    for (const auto& source : files_ending(out, ".hip")) {
        kept += fs::exists(source.parent_path() / (source.stem().string() + ".json")) ? 1 : 0;
    }
    ASSERT_GE(kept, 4U);
    ASSERT_LT(kept, 18U) << "the run finished before it could be killed";
    // A request the killed child had already sent can still reach the
    // server after the kill (it sits in the socket's buffer): wait until the
    // count has settled, or the rerun's count is off by that request.
    std::size_t requests_before = server.request_count();
    for (auto settled = std::chrono::steady_clock::now(); std::chrono::steady_clock::now() - settled < 300ms;) {
        std::this_thread::sleep_for(20ms);
        if (const std::size_t now = server.request_count(); now != requests_before) {
            requests_before = now;
            settled = std::chrono::steady_clock::now();
        }
    }

    // Second run: resumes.
    const hipkb::process_result again = hipkb::run_process(generate_args(config, out));
    ASSERT_EQ(again.how, hipkb::process_result::end::exited) << again.output;
    EXPECT_EQ(again.exit_code, 0) << again.output;
    EXPECT_NE(again.output.find(std::to_string(kept) + " already there"), std::string::npos) << again.output;

    // 3 problems x 6 samples, each exactly once, with metadata; no temporaries.
    EXPECT_EQ(files_ending(out, ".hip").size(), 18U);
    EXPECT_EQ(files_ending(out, ".failed.json").size(), 0U);
    for (const auto& file : files_under(out)) {
        EXPECT_EQ(file.filename().string().find(".tmp."), std::string::npos) << file;
        EXPECT_EQ(slurp(file).find(secret_key), std::string::npos) << file;
    }
    for (const auto& source : files_ending(out, ".hip")) {
        const fs::path meta = source.parent_path() / (source.stem().string() + ".json");
        ASSERT_TRUE(fs::exists(meta)) << meta;
        const json m = json::parse(slurp(meta));
        EXPECT_NE(slurp(source).find("answer for " + m["problem"].get<std::string>() + " seed " +
                                     std::to_string(m["seed"].get<int>())),
                  std::string::npos);
    }
    // The rerun asked only for what was missing; the first run repeats at
    // most its requests in flight (concurrency 2).
    EXPECT_EQ(server.request_count() - requests_before, 18U - kept);
    EXPECT_LE(server.request_count(), 18U + 2U);
    std::map<std::pair<std::string, std::int64_t>, int> per_sample;
    for (const auto& r : server.requests()) ++per_sample[{r.problem, r.seed}];
    EXPECT_EQ(per_sample.size(), 18U);
    const json manifest = json::parse(slurp(out / "killed/run.json"));
    EXPECT_EQ(manifest["status"], "finished");
    EXPECT_EQ(manifest["totals"]["present"], 18);
    EXPECT_EQ(manifest["settings"]["samples"], 6);
    EXPECT_EQ(manifest["settings"]["concurrency"], 2);
}

TEST(ResumeAfterKill, bad_settings_exit_2_naming_the_field) {
    temp_dir dir;
    const fs::path config = dir.path() / "gen.toml";
    std::ofstream(config) << "model = \"m\"\nconcurency = 3\n";
    const hipkb::process_result r = hipkb::run_process({HIPKB_CLI, "generate", "--config", config.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.output.find("unknown field 'concurency'"), std::string::npos) << r.output;
    const hipkb::process_result flag = hipkb::run_process({HIPKB_CLI, "generate", "--model", "m", "--samples", "many"});
    EXPECT_EQ(flag.exit_code, 2);
    EXPECT_NE(flag.output.find("--samples: expected an integer, got 'many'"), std::string::npos) << flag.output;
}

TEST(ResumeAfterKill, help_lists_every_setting) {
    const hipkb::process_result r = hipkb::run_process({HIPKB_CLI, "generate", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const std::string flag : {"--base-url",
                                   "--model",
                                   "--api-key-env",
                                   "--header",
                                   "--temperature",
                                   "--max-tokens",
                                   "--replay-dir",
                                   "--samples",
                                   "--concurrency",
                                   "--requests-per-minute",
                                   "--tokens-per-minute",
                                   "--max-attempts",
                                   "--backoff-initial-s",
                                   "--connect-timeout-s",
                                   "--timeout-s",
                                   "--mode",
                                   "--template",
                                   "--few-shot",
                                   "--platform",
                                   "--arch",
                                   "--problems",
                                   "--shard",
                                   "--run",
                                   "--progress",
                                   "{{reference_source}}"}) {
        EXPECT_NE(r.output.find(flag), std::string::npos) << flag;
    }
    const hipkb::process_result refine = hipkb::run_process({HIPKB_CLI, "refine", "--help"});
    for (const std::string flag : {"--build-dir", "--max-turns", "--min-gain", "--from-sample", "--eval-timeout-s"}) {
        EXPECT_NE(refine.output.find(flag), std::string::npos) << flag;
    }
}

}  // namespace
