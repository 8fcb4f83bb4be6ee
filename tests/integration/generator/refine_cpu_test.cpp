// `hipkb refine` on a machine without a GPU, through a real build with cpu
// execution: the candidates are checked on the CPU, a mismatch goes back to
// the model as feedback (saying the check ran on the CPU), and refinement
// stops at the first correct candidate, saying that timings need a GPU.
// Slow (it configures and builds a small suite), so it is an integration test.
#include <hipkb/core/process.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace hipkb::generator::testing;
using json = nlohmann::json;

const fs::path source_dir = HIPKB_SOURCE_DIR;

// The first turn builds the harness of a fresh tree: on a loaded 2-core
// machine that can pass the default 600 s, so the limit here is the test's.
constexpr const char* kTurnLimit = "1100";

TEST(RefineOnCpu, a_mismatch_found_on_the_cpu_is_fed_back_and_a_correct_candidate_stops_refinement) {
    const std::string platform = HIPKB_BUILD_PLATFORM;
    if (platform != "amd" && platform != "nvidia") {
        GTEST_SKIP() << "this build's platform is '" << platform << "'; cpu execution builds .hip on amd or nvidia";
    }
    if (fs::exists("/dev/kfd") || fs::exists("/dev/nvidiactl")) {
        GTEST_SKIP() << "a GPU is present here, so refine would use it rather than the CPU";
    }
    temp_dir dir;
    const fs::path build = dir.path() / "build";
    const fs::path generated = dir.path() / "generated";
    fs::create_directories(generated);
    std::vector<std::string> configure = {HIPKB_CMAKE,
                                          "-S",
                                          source_dir.string(),
                                          "-B",
                                          build.string(),
                                          "-G",
                                          HIPKB_CMAKE_GENERATOR,
                                          "-DHIPKB_PLATFORM=" + platform,
                                          "-DHIPKB_CPU_EXECUTION=on",
                                          "-DHIPKB_ENABLE_TESTING=OFF",
                                          "-DHIPKB_GPU_TARGETS=gfx90a",
                                          "-DHIPKB_REFERENCE_DIR=" + (fixtures() / "reference").string(),
                                          "-DHIPKB_GENERATED_DIR=" + generated.string(),
                                          "-DCMAKE_CXX_COMPILER=" HIPKB_HOST_CXX};
    const auto configured = run_command(configure);
    ASSERT_EQ(configured.exit_code, 0) << configured.output;

    const auto refined =
        run_command({HIPKB_CLI, "refine", "--build-dir", build.string(), "--eval-timeout-s", kTurnLimit, "--provider",
                     "replay", "--replay-dir", (fixtures() / "replay_refine_cpu").string(), "--run", "refined",
                     "--problems", "vadd", "--max-turns", "3", "--min-gain", "0.05"});
    ASSERT_EQ(refined.how, hipkb::process_result::end::exited) << refined.output;
    EXPECT_EQ(refined.exit_code, 0) << refined.output;
    EXPECT_NE(refined.output.find("timings need a GPU"), std::string::npos) << refined.output;

    const fs::path dir_out = generated / "refined/vadd";
    const json t1 = read_json(dir_out / "s000_t1.json");
    EXPECT_EQ(t1["feedback"]["execution"], "cpu");
    EXPECT_EQ(t1["feedback"]["correct"], false);
    EXPECT_EQ(t1["feedback"]["failure_kind"], "mismatch");
    std::string told;
    for (const auto& message : t1["prompt"]) {
        if (message["role"] == "user") told = message["content"].get<std::string>();
    }
    EXPECT_NE(told.find("results are wrong (mismatch)"), std::string::npos) << told;
    EXPECT_NE(told.find("on the CPU"), std::string::npos) << told;

    const json manifest = read_json(generated / "refined/refine.json");
    ASSERT_EQ(manifest["problems"].size(), 1U);
    const json& outcome = manifest["problems"][0]["outcome"];
    EXPECT_EQ(outcome["stop_reason"], "correct_on_cpu") << outcome.dump(2);
    EXPECT_EQ(outcome["turns"], 1) << outcome.dump(2);
    const json& last = outcome["history"].back()["evaluation"];
    EXPECT_TRUE(last["correct"].get<bool>()) << last.dump(2);
    EXPECT_EQ(last["execution"], "cpu");
    EXPECT_TRUE(last["speedup"].is_null());
    EXPECT_FALSE(fs::exists(dir_out / "s000_t2.hip")) << "refine went on after a correct candidate";
}

}  // namespace
