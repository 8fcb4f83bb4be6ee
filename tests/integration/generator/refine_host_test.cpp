// `hipkb refine` through a real hipkb build on the host platform: a wrong,
// then a non-compiling, then a correct candidate, each built and evaluated by
// the harness, with the feedback of each turn sent to the next; and the same
// story aiming at a speedup target from `hipkb targets`. Slow (it configures
// and builds a suite, once for both tests), so it is an integration test.
#include <hipkb/core/process.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace {

using namespace hipkb::generator::testing;
using json = nlohmann::json;

const fs::path source_dir = HIPKB_SOURCE_DIR;

std::string last_user_message(const json& meta) {
    std::string text;
    for (const auto& message : meta["prompt"]) {
        if (message["role"] == "user") text = message["content"].get<std::string>();
    }
    return text;
}

// The first turn builds the harness of a fresh tree: on a loaded 2-core
// machine that can pass the default 600 s, so the limit here is the test's.
constexpr const char* kTurnLimit = "1100";

// One host-platform build of tests/fixtures/host/ shared by the tests here
// (each uses its own run name), configured on first use.
struct host_build {
    temp_dir dir;
    fs::path build = dir.path() / "build";
    fs::path generated = dir.path() / "generated";
    hipkb::process_result configured;
};

const host_build& shared_host_build() {
    // A function-local static: its folder is removed when the process ends.
    static host_build shared;
    static const bool configured = [] {
        fs::create_directories(shared.generated);
        std::vector<std::string> configure = {
            HIPKB_CMAKE,
            "-S",
            source_dir.string(),
            "-B",
            shared.build.string(),
            "-G",
            HIPKB_CMAKE_GENERATOR,
            "-DHIPKB_PLATFORM=host",
            "-DHIPKB_ENABLE_TESTING=OFF",
            "-DHIPKB_REFERENCE_DIR=" + (source_dir / "tests/fixtures/host/reference").string(),
            "-DHIPKB_GENERATED_DIR=" + shared.generated.string(),
            "-DCMAKE_CXX_COMPILER=" HIPKB_HOST_CXX};
        shared.configured = run_command(configure);
        return true;
    }();
    (void)configured;
    return shared;
}

TEST(Refine, turns_feed_back_mismatches_and_compiler_errors_until_a_correct_candidate) {
    const host_build& shared = shared_host_build();
    ASSERT_EQ(shared.configured.exit_code, 0) << shared.configured.output;
    const temp_dir dir;
    const fs::path& build = shared.build;
    const fs::path& generated = shared.generated;
    const auto refined =
        run_command({HIPKB_CLI, "refine", "--build-dir", build.string(), "--eval-timeout-s", kTurnLimit, "--provider",
                     "replay", "--replay-dir", (fixtures() / "replay_refine").string(), "--run", "refined",
                     "--problems", "saxpy", "--max-turns", "3", "--min-gain", "0"});
    ASSERT_EQ(refined.how, hipkb::process_result::end::exited) << refined.output;
    EXPECT_EQ(refined.exit_code, 0) << refined.output;

    const fs::path dir_out = generated / "refined/saxpy";
    // Turn 0 was generated (no start sample existed), then turns 1 and 2.
    const json start = read_json(dir_out / "s000.json");
    EXPECT_EQ(start["turn"], 0);
    const json t1 = read_json(dir_out / "s000_t1.json");
    EXPECT_EQ(t1["turn"], 1);
    EXPECT_EQ(t1["parent"], "s000");
    EXPECT_EQ(t1["feedback"]["status"], "evaluated");
    EXPECT_EQ(t1["feedback"]["compiled"], true);
    EXPECT_EQ(t1["feedback"]["correct"], false);
    EXPECT_EQ(t1["feedback"]["failure_kind"], "mismatch");
    const std::string told_t1 = last_user_message(t1);
    EXPECT_NE(told_t1.find("results are wrong (mismatch)"), std::string::npos) << told_t1;
    EXPECT_EQ(t1["prompt"].size(), 4U);  // system, request, previous answer, feedback
    EXPECT_EQ(t1["prompt"][2]["role"], "assistant");
    EXPECT_NE(t1["prompt"][2]["content"].get<std::string>().find("2.0f * x[i] - w[i]"), std::string::npos);

    const json t2 = read_json(dir_out / "s000_t2.json");
    EXPECT_EQ(t2["parent"], "s000_t1");
    EXPECT_EQ(t2["feedback"]["compiled"], false);
    const std::string told_t2 = last_user_message(t2);
    EXPECT_NE(told_t2.find("did not compile"), std::string::npos) << told_t2;
    EXPECT_NE(told_t2.find("refine_scale_factor"), std::string::npos) << told_t2;  // the compiler's words

    const json manifest = read_json(generated / "refined/refine.json");
    ASSERT_EQ(manifest["problems"].size(), 1U);
    const json& outcome = manifest["problems"][0]["outcome"];
    const std::string reason = outcome["stop_reason"];
    EXPECT_TRUE(reason == "reached_goal" || reason == "max_turns") << outcome.dump(2);
    ASSERT_GE(outcome["history"].size(), 3U);
    const json& third = outcome["history"][2]["evaluation"];
    EXPECT_EQ(outcome["history"][2]["sample"], "s000_t2");
    EXPECT_TRUE(third["compiled"].get<bool>());
    EXPECT_TRUE(third["correct"].get<bool>()) << third.dump(2);
    EXPECT_GT(third["speedup"].get<double>(), 0.0);
    EXPECT_EQ(outcome["best_sample"].is_string(), true);
    if (reason == "reached_goal") {
        // The last evaluation met the goal, and nothing was asked after it.
        const json& last = outcome["history"].back()["evaluation"];
        EXPECT_TRUE(last["correct"].get<bool>());
        EXPECT_GE(last["speedup"].get<double>(), 1.0);
        const int turns = outcome["turns"].get<int>();
        EXPECT_FALSE(fs::exists(dir_out / ("s000_t" + std::to_string(turns + 1) + ".cpp")))
            << "refine went on after reaching the goal";
    } else {
        EXPECT_EQ(outcome["turns"], 3);  // max_turns
    }

    // A second refine finds the turns on disk and does not ask for them again.
    fs::create_directories(dir.path() / "no_recordings");
    const auto again = run_command({HIPKB_CLI, "refine", "--build-dir", build.string(), "--eval-timeout-s", kTurnLimit,
                                    "--provider", "replay", "--replay-dir", (dir.path() / "no_recordings").string(),
                                    "--run", "refined", "--problems", "saxpy", "--max-turns", "3", "--min-gain", "0"});
    EXPECT_NE(again.output.find("s000_t1: building and evaluating"), std::string::npos) << again.output;
    EXPECT_EQ(again.output.find("s000_t1: asking"), std::string::npos) << again.output;
    EXPECT_EQ(again.output.find("s000_t2: asking"), std::string::npos) << again.output;
}

TEST(Refine, stops_at_its_speedup_target_and_skips_a_problem_without_one_before_any_request) {
    const host_build& shared = shared_host_build();
    ASSERT_EQ(shared.configured.exit_code, 0) << shared.configured.output;
    const temp_dir dir;
    // Recorded results on this platform's device ("host CPU"): saxpy's best
    // correct candidate ran at 0.01x; rowsum has no correct candidate.
    const fs::path targets = dir.path() / "targets.json";
    const auto made =
        run_command({HIPKB_CLI, "targets", (fixtures() / "targets/host_saxpy.json").string(), "-o", targets.string()});
    ASSERT_EQ(made.exit_code, 0) << made.output;
    ASSERT_DOUBLE_EQ(read_json(targets)["devices"]["host CPU"]["problems"]["saxpy"]["targets"]["90"].get<double>(),
                     0.009);

    // s000 is wrong, s000_t1 does not compile, s000_t2 and s000_t3 are
    // correct. Host timings at test sizes are noisy on a loaded machine (a
    // correct s000_t2 was once measured at 0.17x), hence a target of 0.009x;
    // whatever the timings, refine must stop at the first evaluation that
    // reaches the target and ask for nothing after it.
    const auto refined = run_command(
        {HIPKB_CLI,  "refine",     "--build-dir",    shared.build.string(), "--eval-timeout-s",
         kTurnLimit, "--provider", "replay",         "--replay-dir",        (fixtures() / "replay_refine").string(),
         "--run",    "targeted",   "--problems",     "rowsum,saxpy",        "--max-turns",
         "3",        "--targets",  targets.string(), "--target-level",      "90"});
    ASSERT_EQ(refined.how, hipkb::process_result::end::exited) << refined.output;
    // Shown in the test log: the run that stops at its target, with the skip.
    std::cout << made.output << refined.output;
    EXPECT_EQ(refined.exit_code, 1) << refined.output;  // a problem was skipped
    const std::size_t skipped_at = refined.output.find("rowsum: skipped, no usable target");
    ASSERT_NE(skipped_at, std::string::npos) << refined.output;
    EXPECT_LT(skipped_at, refined.output.find("saxpy/s000: asking")) << "the skip must be found before any request";
    EXPECT_NE(refined.output.find("1 problem(s) skipped, no usable target:"), std::string::npos) << refined.output;
    EXPECT_FALSE(fs::exists(shared.generated / "targeted/rowsum")) << "nothing may be asked for rowsum";

    const fs::path out = shared.generated / "targeted/saxpy";
    const json t1 = read_json(out / "s000_t1.json");
    const std::string told = last_user_message(t1);
    EXPECT_NE(told.find("at least 0.009x as fast as the reference (target level 90"), std::string::npos) << told;

    const json manifest = read_json(shared.generated / "targeted/refine.json");
    ASSERT_EQ(manifest["skipped_problems"].size(), 1U) << manifest.dump(2);
    EXPECT_EQ(manifest["skipped_problems"][0]["problem"], "rowsum");
    EXPECT_EQ(manifest["skipped_problems"][0]["reason"], "no_correct_candidate");
    EXPECT_EQ(manifest["targets"]["level"], "90");
    json outcome;
    for (const json& problem : manifest["problems"]) {
        if (problem["problem"] == "saxpy") outcome = problem["outcome"];
    }
    ASSERT_TRUE(outcome.is_object()) << manifest.dump(2);
    EXPECT_EQ(outcome["stop_reason"], "reached_target") << outcome.dump(2);
    EXPECT_EQ(outcome["target_reached"], true);
    EXPECT_DOUBLE_EQ(outcome["target"]["speedup"].get<double>(), 0.009);
    EXPECT_EQ(outcome["target"]["device"], "host CPU");
    EXPECT_GE(outcome["best_speedup"].get<double>(), 0.009);
    const json& history = outcome["history"];
    ASSERT_GE(history.size(), 3U) << outcome.dump(2);  // s000 wrong, s000_t1 not compiled, then correct
    const auto reaches = [](const json& evaluation) {
        return evaluation["correct"] == true && evaluation["speedup"].is_number() &&
               evaluation["speedup"].get<double>() >= 0.009;
    };
    for (std::size_t i = 0; i + 1 < history.size(); ++i) {
        EXPECT_FALSE(reaches(history[i]["evaluation"])) << "refine went on after reaching its target: " << i;
    }
    EXPECT_TRUE(reaches(history.back()["evaluation"])) << outcome.dump(2);
    EXPECT_EQ(history.back()["evaluation"]["device"], "host CPU");
    EXPECT_EQ(outcome["last"], history.back()["sample"]);
    const int turns = outcome["turns"].get<int>();
    EXPECT_FALSE(fs::exists(out / ("s000_t" + std::to_string(turns + 1) + ".cpp")))
        << "refine asked for a turn after reaching its target";
}

}  // namespace
