// The two workflows through the `hipkb` command on replayed answers and
// recorded results (seconds): describe -> task.md -> generate with the
// from_description template, and targets from results files, with their
// failures and exit codes.
#include <hipkb/core/process.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace hipkb::generator::testing;
using json = nlohmann::json;

TEST(DescribeCli, describes_skips_a_failure_resumes_and_feeds_from_description) {
    temp_dir dir;
    const fs::path reference = dir.path() / "reference";
    fs::copy(fixtures() / "reference", reference, fs::copy_options::recursive);
    const std::string replay = (fixtures() / "replay_describe").string();
    const auto describe = [&](const std::string& problems) {
        return run_command({HIPKB_CLI, "describe", "--provider", "replay", "--replay-dir", replay, "--reference-dir",
                            reference.string(), "--problems", problems, "--progress", "off"});
    };
    const auto first = describe("vadd,vscale");
    EXPECT_EQ(first.exit_code, 1) << first.output;  // vscale has no recording
    EXPECT_NE(first.output.find("1 description(s) failed:"), std::string::npos) << first.output;
    EXPECT_NE(first.output.find("vscale: unavailable"), std::string::npos) << first.output;
    const std::string task = slurp(reference / "level1/vadd/task.md");
    EXPECT_EQ(task.rfind("Elementwise sum of two fp32 vectors.", 0), 0U) << task;
    EXPECT_EQ(task.find("<think>"), std::string::npos) << task;

    const auto again = describe("vadd");
    EXPECT_EQ(again.exit_code, 0) << again.output;
    EXPECT_NE(again.output.find("0 written, 1 already there, 0 failed"), std::string::npos) << again.output;

    const fs::path generated = dir.path() / "generated";
    const auto made =
        run_command({HIPKB_CLI, "generate", "--provider", "replay", "--replay-dir", replay, "--reference-dir",
                     reference.string(), "--generated-dir", generated.string(), "--run", "from_task", "--problems",
                     "vadd", "--template", "from_description", "--progress", "off"});
    ASSERT_EQ(made.exit_code, 0) << made.output;
    const json meta = json::parse(slurp(generated / "from_task/vadd/s000.json"));
    EXPECT_EQ(meta["template"], "from_description");
    const std::string asked = meta["prompt"].back()["content"];
    EXPECT_NE(asked.find("z[i] = x[i] + y[i]"), std::string::npos) << asked;
    EXPECT_EQ(asked.find("__global__"), std::string::npos) << "the reference source must not be shown: " << asked;

    // A template using {{task}} on a problem without task.md stops before any request.
    const auto missing =
        run_command({HIPKB_CLI, "generate", "--provider", "replay", "--replay-dir", replay, "--reference-dir",
                     reference.string(), "--generated-dir", generated.string(), "--run", "from_task", "--problems",
                     "vscale", "--template", "from_description", "--progress", "off"});
    EXPECT_EQ(missing.exit_code, 2) << missing.output;
    EXPECT_NE(missing.output.find((reference / "level1/vscale/task.md").string()), std::string::npos) << missing.output;
}

TEST(TargetsCli, writes_targets_from_recorded_results_and_names_the_file_of_bad_input) {
    temp_dir dir;
    const fs::path out = dir.path() / "targets.json";
    const auto made =
        run_command({HIPKB_CLI, "targets", (fixtures() / "targets/mi300_january.json").string(),
                     (fixtures() / "targets/h100.json").string(), "-o", out.string(), "--fractions", "0.5,0.9"});
    ASSERT_EQ(made.exit_code, 0) << made.output;
    EXPECT_NE(made.output.find("softmax: no target: none of 2 candidate(s)"), std::string::npos) << made.output;
    const json targets = json::parse(slurp(out));
    EXPECT_DOUBLE_EQ(targets["devices"]["AMD Instinct MI300X"]["problems"]["relu"]["targets"]["50"].get<double>(), 1.0);

    const auto bad = run_command({HIPKB_CLI, "targets", (fixtures() / "targets/bad_missing_correct.json").string(),
                                  "-o", (dir.path() / "bad.json").string()});
    EXPECT_EQ(bad.exit_code, 2) << bad.output;
    EXPECT_NE(bad.output.find("bad_missing_correct.json: candidates[1]"), std::string::npos) << bad.output;
    EXPECT_FALSE(fs::exists(dir.path() / "bad.json"));
}

}  // namespace
