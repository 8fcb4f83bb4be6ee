// `generate` end to end against the local server: files, metadata, failures,
// resuming, interruption, and the key never written anywhere.
#include <hipkb/generator/generate_run.hpp>
#include <hipkb/generator/openai_provider.hpp>
#include <hipkb/generator/replay_provider.hpp>

#include "test_server.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <set>

namespace {

using namespace hipkb::generator;
using namespace hipkb::generator::testing;
using namespace std::chrono_literals;
using json = nlohmann::json;
using reply = scripted_reply;

constexpr const char* key_variable = "HIPKB_TEST_GENERATE_KEY";
constexpr const char* secret_key = "sk-generate-SECRET-9876543210";

generate_settings settings_for(const test_server& server, const fs::path& out, std::int64_t samples) {
    generate_settings s;
    s.base_url = server.base_url();
    s.model = "test-model";
    s.api_key_env = key_variable;
    s.reference_dir = (fixtures() / "reference").string();
    s.generated_dir = out.string();
    s.run = "run1";
    s.samples = samples;
    s.concurrency = 4;
    s.backoff_initial_s = 0.02;
    s.timeout_s = 5.0;
    s.seed = 100;
    s.progress = "off";
    return s;
}

generate_options quiet() {
    generate_options o;
    o.log = nullptr;
    o.jitter_seed = 3;
    return o;
}

json read_json(const fs::path& file) { return json::parse(slurp(file)); }

TEST(GenerateRun, writes_every_sample_once_with_its_metadata_even_when_first_attempts_fail) {
    scoped_env key(key_variable, secret_key);
    test_server server([](const received_request& r) { return r.attempt == 1 ? status_reply(500, "{}") : ok_reply(); });
    temp_dir out;
    const generate_result result = generate_run(settings_for(server, out.path(), 3), quiet());
    EXPECT_EQ(result.exit_code(), 0);
    const auto sources = files_ending(out.path(), ".hip");
    ASSERT_EQ(sources.size(), 9U);           // 3 problems x 3 samples, no duplicates
    EXPECT_EQ(server.request_count(), 18U);  // each sample: a 500, then one success
    std::set<std::pair<std::string, std::int64_t>> answered;
    for (const auto& r : server.requests()) {
        if (r.attempt == 2) {
            EXPECT_TRUE(answered.insert({r.problem, r.seed}).second) << r.problem << r.seed;
        }
    }
    EXPECT_EQ(answered.size(), 9U);
    for (const std::string problem : {"bias_relu", "vadd", "vscale"}) {
        for (int i = 0; i < 3; ++i) {
            const fs::path dir = out.path() / "run1" / problem;
            const std::string sample = "s00" + std::to_string(i);
            const std::string code = slurp(dir / (sample + ".hip"));
            EXPECT_NE(code.find("// answer for " + problem + " seed " + std::to_string(100 + i)), std::string::npos)
                << code;
            const json meta = read_json(dir / (sample + ".json"));
            EXPECT_EQ(meta["provider"], "openai");
            EXPECT_EQ(meta["model"], "test-model");
            EXPECT_EQ(meta["response_model"], "test-model");
            EXPECT_EQ(meta["problem"], problem);
            EXPECT_EQ(meta["sample"], sample);
            EXPECT_EQ(meta["template"], "whole_file");
            EXPECT_EQ(meta["seed"], 100 + i);
            EXPECT_EQ(meta["attempts"], 2);
            EXPECT_EQ(meta["tokens_in"], 100);
            EXPECT_EQ(meta["tokens_out"], 50);
            EXPECT_EQ(meta["finish_reason"], "stop");
            EXPECT_EQ(meta["turn"], 0);
            EXPECT_TRUE(meta["parent"].is_null());
            EXPECT_GT(meta["latency_seconds"].get<double>(), 0.0);
            EXPECT_EQ(meta["thinking"], "reasoning for " + problem + " seed " + std::to_string(100 + i));
            EXPECT_EQ(meta["prompt_hash"].get<std::string>().rfind("sha256:", 0), 0U);
            EXPECT_EQ(meta["prompt"].size(), 2U);
            EXPECT_NE(meta["prompt"][1]["content"].get<std::string>().find("the problem \"" + problem + "\""),
                      std::string::npos);
        }
    }
    const json manifest = read_json(out.path() / "run1/run.json");
    EXPECT_EQ(manifest["status"], "finished");
    EXPECT_EQ(manifest["totals"]["generated"], 9);
    EXPECT_EQ(manifest["totals"]["present"], 9);
    EXPECT_EQ(manifest["totals"]["tokens_in"], 900);
    EXPECT_EQ(manifest["settings"]["api_key_env"], key_variable);
    EXPECT_EQ(manifest["problems"].size(), 3U);
    EXPECT_TRUE(manifest["failures"].empty());
    EXPECT_TRUE(files_ending(out.path(), ".failed.json").empty());
}

TEST(GenerateRun, failures_are_recorded_with_reasons_and_the_raw_answer_and_a_rerun_retries_only_them) {
    scoped_env key(key_variable, secret_key);
    test_server server([](const received_request& r) {
        if (r.problem == "vadd") return answer_reply("I would vectorise it, but here is no code.");
        if (r.problem == "bias_relu") return status_reply(400, R"({"error":{"message":"bad request"}})");
        return ok_reply();
    });
    temp_dir out;
    generate_settings s = settings_for(server, out.path(), 2);
    const generate_result first = generate_run(s, quiet());
    EXPECT_EQ(first.exit_code(), 1);
    ASSERT_EQ(first.summary.failures.size(), 4U);
    const json no_code = read_json(out.path() / "run1/vadd/s000.failed.json");
    EXPECT_EQ(no_code["reason"], "no_code_block");
    EXPECT_EQ(no_code["answer"], "I would vectorise it, but here is no code.");
    EXPECT_EQ(no_code["tokens_out"], 50);
    const json rejected = read_json(out.path() / "run1/bias_relu/s001.failed.json");
    EXPECT_EQ(rejected["reason"], "http_error");
    EXPECT_EQ(rejected["http_status"], 400);
    EXPECT_NE(rejected["message"].get<std::string>().find("HTTP 400: bad request"), std::string::npos);
    EXPECT_EQ(rejected["raw_body"], R"({"error":{"message":"bad request"}})");
    const json manifest = read_json(first.manifest);
    EXPECT_EQ(manifest["failures"].size(), 4U);
    EXPECT_EQ(manifest["totals"]["failed"], 4);
    EXPECT_EQ(manifest["totals"]["present"], 2);

    // The server is fixed; a rerun asks only for the four failed samples.
    server.set_script([](const received_request&) { return ok_reply(); });
    const std::size_t before = server.request_count();
    const generate_result second = generate_run(s, quiet());
    EXPECT_EQ(second.exit_code(), 0);
    EXPECT_EQ(server.request_count() - before, 4U);
    EXPECT_EQ(files_ending(out.path(), ".hip").size(), 6U);
    EXPECT_TRUE(files_ending(out.path(), ".failed.json").empty());
    const json again = read_json(second.manifest);
    EXPECT_EQ(again["totals"]["skipped"], 2);
    EXPECT_EQ(again["totals"]["generated"], 4);

    // Nothing left to do: a third run sends nothing.
    const std::size_t settled = server.request_count();
    EXPECT_EQ(generate_run(s, quiet()).exit_code(), 0);
    EXPECT_EQ(server.request_count(), settled);
}

TEST(GenerateRun, the_api_key_appears_in_no_written_file) {
    scoped_env key(key_variable, secret_key);
    // The server echoes the Authorization header into answers and errors.
    test_server server([](const received_request& r) {
        const std::string auth = r.headers.count("authorization") ? r.headers.at("authorization") : "";
        if (r.problem == "vadd") return status_reply(403, R"({"error":{"message":"denied for )" + auth + "\"}}");
        if (r.problem == "vscale") return answer_reply("no code, but your header was " + auth);
        return answer_reply("```hip\n// " + auth + "\n```\n");
    });
    temp_dir out;
    generate_settings s = settings_for(server, out.path(), 1);
    s.record_dir = (out.path() / "recorded").string();
    s.headers["X-Org"] = "org-1";
    (void)generate_run(s, quiet());
    const auto files = files_under(out.path());
    ASSERT_GE(files.size(), 5U);  // run.json, failures, a sample, its metadata, a recording
    for (const auto& file : files) {
        EXPECT_EQ(slurp(file).find(secret_key), std::string::npos) << file;
    }
    EXPECT_NE(slurp(out.path() / "run1/vadd/s000.failed.json").find("[redacted]"), std::string::npos);
    EXPECT_EQ(server.requests().at(0).headers.at("authorization"), std::string("Bearer ") + secret_key);
}

TEST(GenerateRun, a_missing_key_variable_is_an_error_that_names_the_variable_not_a_key) {
    scoped_env key(key_variable, std::nullopt);
    test_server server([](const received_request&) { return ok_reply(); });
    temp_dir out;
    try {
        (void)generate_run(settings_for(server, out.path(), 1), quiet());
        FAIL();
    } catch (const settings_error& error) {
        EXPECT_NE(std::string(error.what()).find(key_variable), std::string::npos);
    }
    EXPECT_EQ(server.request_count(), 0U);
}

TEST(GenerateRun, an_interrupted_run_keeps_what_finished_and_a_rerun_completes_it) {
    scoped_env key(key_variable, secret_key);
    test_server server([](const received_request&) {
        reply r = ok_reply();
        r.delay = 60ms;
        return r;
    });
    temp_dir out;
    generate_settings s = settings_for(server, out.path(), 4);
    s.concurrency = 2;
    generate_options o = quiet();
    o.should_stop = [&] { return files_ending(out.path(), ".json").size() >= 4; };
    const generate_result first = generate_run(s, o);
    EXPECT_EQ(first.exit_code(), 130);
    EXPECT_EQ(first.summary.status, "interrupted");
    const std::size_t kept = files_ending(out.path(), ".hip").size();
    EXPECT_GE(kept, 3U);
    EXPECT_LT(kept, 12U);
    EXPECT_EQ(read_json(first.manifest)["status"], "interrupted");
    EXPECT_LE(first.summary.lost, 2);

    const std::size_t before = server.request_count();
    const generate_result second = generate_run(s, quiet());
    EXPECT_EQ(second.exit_code(), 0);
    EXPECT_EQ(files_ending(out.path(), ".hip").size(), 12U);
    EXPECT_EQ(server.request_count() - before, 12U - kept);
}

TEST(GenerateRun, recorded_responses_replay_to_the_same_candidates) {
    scoped_env key(key_variable, secret_key);
    test_server server([](const received_request&) { return ok_reply(); });
    temp_dir out;
    generate_settings s = settings_for(server, out.path(), 2);
    s.record_dir = (out.path() / "recorded").string();
    ASSERT_EQ(generate_run(s, quiet()).exit_code(), 0);

    generate_settings replay = s;
    replay.provider = "replay";
    replay.replay_dir = s.record_dir;
    replay.record_dir = "";
    replay.run = "replayed";
    const generate_result result = generate_run(replay, quiet());
    EXPECT_EQ(result.exit_code(), 0);
    EXPECT_EQ(server.request_count(), 6U);  // the replay asked the server nothing
    for (const auto& file : files_ending(out.path() / "run1", ".hip")) {
        const fs::path twin = out.path() / "replayed" / file.parent_path().filename() / file.filename();
        EXPECT_EQ(slurp(file), slurp(twin)) << file;
        EXPECT_EQ(read_json(twin.parent_path() / (twin.stem().string() + ".json"))["provider"], "replay");
    }
}

TEST(GenerateRun, shards_split_the_problems_and_write_their_own_manifests) {
    scoped_env key(key_variable, secret_key);
    test_server server([](const received_request&) { return ok_reply(); });
    temp_dir out;
    generate_settings s = settings_for(server, out.path(), 1);
    s.shard = "1/2";
    const generate_result a = generate_run(s, quiet());
    s.shard = "2/2";
    const generate_result b = generate_run(s, quiet());
    EXPECT_EQ(a.summary.problems.size() + b.summary.problems.size(), 3U);
    EXPECT_EQ(a.manifest.filename(), "run.shard-1-of-2.json");
    EXPECT_EQ(b.manifest.filename(), "run.shard-2-of-2.json");
    EXPECT_EQ(files_ending(out.path(), ".hip").size(), 3U);
    EXPECT_EQ(server.request_count(), 3U);
}

TEST(GenerateRun, shards_split_problem_sample_pairs_so_each_sample_is_asked_for_once) {
    scoped_env key(key_variable, secret_key);
    test_server server([](const received_request&) { return ok_reply(); });
    temp_dir out;
    generate_settings s = settings_for(server, out.path(), 4);
    std::int64_t requested = 0;
    std::size_t problems_in_two_shards = 0;
    std::map<std::string, int> shards_of_problem;
    for (const char* shard : {"1/3", "2/3", "3/3"}) {
        s.shard = shard;
        const generate_result result = generate_run(s, quiet());
        EXPECT_EQ(result.exit_code(), 0) << shard;
        for (const auto& entry : result.summary.problems) {
            requested += entry.requested;
            if (++shards_of_problem[entry.problem] == 2) ++problems_in_two_shards;
        }
    }
    EXPECT_EQ(requested, 12);  // 3 problems x 4 samples
    EXPECT_EQ(server.request_count(), 12U);
    EXPECT_EQ(files_ending(out.path(), ".hip").size(), 12U);
    // Finer than by problem: one problem's samples go to several machines.
    EXPECT_GT(problems_in_two_shards, 0U);
}

}  // namespace
