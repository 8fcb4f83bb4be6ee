// Baselines: `hipkb baseline update` writes results with a record of the
// platform, device, driver and hipkb version, named after them; `hipkb
// compare` against a baseline gates regressions and warns when the two
// sides ran on a different device, driver or hipkb version.
#include <hipkb/report/baseline.hpp>
#include <hipkb/report/compare.hpp>
#include <hipkb/report/input_error.hpp>
#include <hipkb/report/results.hpp>

#include <hipkb/core/process.hpp>

#include "report_test_support.hpp"

#include <gtest/gtest.h>

namespace hipkb::report {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

// Results carrying only what names a baseline: machines and candidates' execution.
json results_on(const json& machines, const std::vector<std::string>& executions = {}) {
    json results = {{"schema", "hipkb.results"},
                    {"schema_version", 1},
                    {"generator", "hipkb 0.1.0"},
                    {"machines", machines},
                    {"candidates", json::array()}};
    for (const std::string& execution : executions) results["candidates"].push_back({{"execution", execution}});
    return results;
}

json machine(const std::string& platform, const json& device, const json& architecture, const json& driver) {
    return {
        {"id", "m1"}, {"platform", platform}, {"device", device}, {"architecture", architecture}, {"driver", driver}};
}

// The file name of results from one machine.
std::string name_for(const std::string& platform, const json& device, const json& architecture,
                     const std::vector<std::string>& executions = {}) {
    return baseline_file_name(results_on(json::array({machine(platform, device, architecture, nullptr)}), executions));
}

TEST(Baseline, FileNameFromPlatformAndDevice) {
    EXPECT_EQ(name_for("amd", "AMD Instinct MI300X", "gfx942"), "amd-gfx942.json");
    EXPECT_EQ(name_for("nvidia", "NVIDIA H200", "sm_90"), "nvidia-h200.json");
    EXPECT_EQ(name_for("nvidia", "NVIDIA H100 80GB HBM3", nullptr), "nvidia-h100-80gb-hbm3.json");
    // AMD without a recorded architecture: the device name.
    EXPECT_EQ(name_for("amd", "AMD Instinct MI210 (gfx90a)", nullptr), "amd-instinct-mi210-gfx90a.json");
    // Correctness only, on the cpu execution layer of an amd build.
    EXPECT_EQ(name_for("amd", nullptr, nullptr, {"cpu", "cpu"}), "cpu-amd.json");
    EXPECT_EQ(name_for("amd", nullptr, nullptr), "amd-unknown-device.json");
}

TEST(Baseline, RecordsWhatItWasMeasuredOn) {
    const json baseline =
        make_baseline(results_on(json::array({machine("nvidia", "NVIDIA H200", "sm_90", "12040")})), "ci/results");
    const json& record = baseline["baseline"];
    EXPECT_EQ(record["from"], "ci/results");
    EXPECT_EQ(record["platform"], "nvidia");
    EXPECT_EQ(record["device"], "NVIDIA H200");
    EXPECT_EQ(record["architecture"], "sm_90");
    EXPECT_EQ(record["driver"], "12040");
    EXPECT_EQ(record["hipkb_version"], "0.1.0");
    EXPECT_EQ(record["execution"], "gpu");
    EXPECT_TRUE(record["updated"].is_string());
    EXPECT_TRUE(baseline["summary"].is_object());
}

TEST(Baseline, SeveralDevicesAreRefused) {
    json two = results_on(json::array(
        {machine("nvidia", "NVIDIA H200", "sm_90", "12040"), machine("nvidia", "NVIDIA H100", "sm_90", "12040")}));
    try {
        (void)make_baseline(two, "merged.json");
        FAIL() << "no error";
    } catch (const input_error& error) {
        EXPECT_NE(std::string(error.what()).find("merged.json: results of several devices (NVIDIA H100, NVIDIA H200)"),
                  std::string::npos)
            << error.what();
    }
}

TEST(Baseline, CompareWarnsWhenDeviceDriverOrVersionDiffer) {
    test::scratch_dir dir;
    const json old_results =
        collect_results(test::write_basic_manifest(dir.path()), test::fixtures() / "build_basic/results");
    test::write_text(dir.path() / "old.json", make_baseline(old_results, "old").dump());
    const comparison same = compare_paths({dir.path() / "old.json"}, {dir.path() / "old.json"});
    EXPECT_TRUE(same.warnings.empty());

    json new_results = old_results;
    for (json& m : new_results["machines"]) {
        m["device"] = "AMD Instinct MI300X";
        m["driver"] = "ROCm 6.2.0";
    }
    new_results["generator"] = "hipkb 0.2.0";
    test::write_text(dir.path() / "new.json", new_results.dump());
    const comparison moved = compare_paths({dir.path() / "old.json"}, {dir.path() / "new.json"});
    EXPECT_EQ(moved.warnings,
              (std::vector<std::string>{"device differs: old AMD Instinct MI210 (gfx90a), new AMD Instinct MI300X",
                                        "driver differs: old ROCm 6.0.2, new ROCm 6.2.0",
                                        "hipkb version differs: old 0.1.0, new 0.2.0"}));
    EXPECT_NE(render_comparison_text(moved).find("WARNING: device differs"), std::string::npos);
    EXPECT_NE(render_comparison_markdown(moved).find("> **Warning:** driver differs"), std::string::npos);
    EXPECT_EQ(comparison_to_json(moved)["warnings"].size(), 3U);
}

#ifdef HIPKB_CLI
TEST(BaselineCommand, UpdateFromAResultsFolderThenCompareAgainstIt) {
    test::scratch_dir dir;
    const fs::path manifest = test::write_basic_manifest(dir.path());
    const fs::path results = test::fixtures() / "build_basic/results";
    // The default name, in baselines/ under the working directory.
    process_options in_dir;
    in_dir.working_directory = dir.path();
    const process_result update = run_process(
        {HIPKB_CLI, "baseline", "update", "--from", results.string(), "--manifest", manifest.string()}, in_dir);
    ASSERT_EQ(update.exit_code, 0) << update.output;
    const fs::path written = dir.path() / "baselines/amd-instinct-mi210-gfx90a.json";
    ASSERT_TRUE(fs::exists(written)) << update.output;
    EXPECT_NE(update.output.find("device AMD Instinct MI210 (gfx90a), driver ROCm 6.0.2, hipkb 0.1.0"),
              std::string::npos)
        << update.output;
    const json baseline = load_results(written);  // a valid results file
    EXPECT_EQ(baseline["baseline"]["device"], "AMD Instinct MI210 (gfx90a)");
    EXPECT_EQ(baseline["baseline"]["driver"], "ROCm 6.0.2");
    EXPECT_EQ(baseline["baseline"]["from"], results.string());
    EXPECT_EQ(baseline["candidates"].size(), collect_results(manifest, results)["candidates"].size());

    // The documented gate: the same results pass it.
    test::write_text(dir.path() / "same.json", collect_results(manifest, results).dump());
    const process_result same = run_process(
        {HIPKB_CLI, "compare", written.string(), (dir.path() / "same.json").string(), "--fail-on-regression", "5"});
    EXPECT_EQ(same.exit_code, 0) << same.output;
    EXPECT_EQ(same.output.find("warning"), std::string::npos) << same.output;

    // A 30% slower candidate with 3 vs 3 repetitions fails it, and another
    // device is warned about on stderr.
    json slower = baseline;
    slower.erase("baseline");
    for (json& c : slower["candidates"]) {
        if (c["id"] != "relu/examples/fast") continue;
        for (json& v : c["candidate"]["samples_ns"]) v = v.get<double>() * 1.3;
        c["candidate"]["median_ns"] = c["candidate"]["median_ns"].get<double>() * 1.3;
    }
    for (json& m : slower["machines"]) m["device"] = "AMD Instinct MI300X";
    test::write_text(dir.path() / "slower.json", slower.dump());
    const process_result gate = run_process(
        {HIPKB_CLI, "compare", written.string(), (dir.path() / "slower.json").string(), "--fail-on-regression", "5"});
    EXPECT_EQ(gate.exit_code, 1) << gate.output;
    EXPECT_NE(
        gate.output.find("hipkb: warning: device differs: old AMD Instinct MI210 (gfx90a), new AMD Instinct MI300X"),
        std::string::npos)
        << gate.output;
    EXPECT_NE(gate.output.find("median_vs_noise"), std::string::npos) << gate.output;
}

TEST(BaselineCommand, ExplicitOutputAndBadInput) {
    test::scratch_dir dir;
    const fs::path manifest = test::write_basic_manifest(dir.path());
    const fs::path out = dir.path() / "deep/er/mine.json";
    const process_result update =
        run_process({HIPKB_CLI, "baseline", "update", "--from", (test::fixtures() / "build_basic/results").string(),
                     "--manifest", manifest.string(), "--out", out.string()});
    EXPECT_EQ(update.exit_code, 0) << update.output;
    EXPECT_TRUE(fs::exists(out));
    const process_result missing =
        run_process({HIPKB_CLI, "baseline", "update", "--from", (dir.path() / "nothing.json").string()});
    EXPECT_EQ(missing.exit_code, 2) << missing.output;
    EXPECT_NE(missing.output.find("nothing.json"), std::string::npos) << missing.output;
}
#endif

}  // namespace
}  // namespace hipkb::report
