// `hipkb targets` and refine's use of them: targets built from recorded
// results files (tests/fixtures/generator/targets/), and each problem's goal
// resolved, or refused with a reason, before refine asks for anything.
#include <hipkb/core/json_fields.hpp>
#include <hipkb/generator/speedup_targets.hpp>
#include <hipkb/report/inputs.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <variant>

namespace {

using namespace hipkb::generator;
using namespace hipkb::generator::testing;
using json = nlohmann::json;

constexpr const char* mi300 = "AMD Instinct MI300X";
constexpr const char* h100 = "NVIDIA H100 80GB HBM3";

fs::path fixture(const char* name) { return fixtures() / "targets" / name; }

json targets_of(const std::vector<fs::path>& files, const target_options& options = {}) {
    return build_targets(hipkb::report::load_results_inputs(files), options);
}

std::string message_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::exception& error) {
        return error.what();
    }
    return "(no error)";
}

TEST(SpeedupTargets, best_correct_speedup_sets_upper_bound_and_targets_keyed_by_level) {
    const json targets = targets_of({fixture("mi300_january.json")});
    EXPECT_EQ(targets["schema"], "hipkb.targets");
    const json& relu = targets["devices"][mi300]["problems"]["relu"];
    // relu/gpt/s002 claims 3.0x but is incorrect: it sets nothing.
    EXPECT_DOUBLE_EQ(relu["best"]["speedup"].get<double>(), 2.0);
    EXPECT_DOUBLE_EQ(relu["upper_bound"].get<double>(), 2.2);
    EXPECT_DOUBLE_EQ(relu["targets"]["80"].get<double>(), 1.6);
    EXPECT_DOUBLE_EQ(relu["targets"]["90"].get<double>(), 1.8);
    EXPECT_DOUBLE_EQ(relu["targets"]["95"].get<double>(), 1.9);
    EXPECT_EQ(relu["best"]["date"], "2026-01-10T09:00:00Z");
    EXPECT_EQ(relu["best"]["source"], fixture("mi300_january.json").string());
    EXPECT_EQ(relu["candidates"], 4);
    EXPECT_EQ(relu["correct"], 3);
}

TEST(SpeedupTargets, problems_without_a_correct_candidate_are_listed_with_a_reason) {
    const json targets = targets_of({fixture("mi300_january.json")});
    const json& device = targets["devices"][mi300];
    EXPECT_FALSE(device["problems"].contains("softmax"));
    ASSERT_TRUE(device["without_target"].contains("softmax")) << device.dump(2);
    EXPECT_EQ(device["without_target"]["softmax"]["reason"], "no_correct_candidate");
    EXPECT_EQ(device["without_target"]["softmax"]["candidates"], 2);
    // A problem that ran with no candidate at all is not dropped either.
    ASSERT_TRUE(device["without_target"].contains("gelu"));
    EXPECT_EQ(device["without_target"]["gelu"]["candidates"], 0);
}

TEST(SpeedupTargets, ties_go_to_the_earliest_results_then_the_smallest_candidate_id_whatever_the_input_order) {
    // relu reaches 2.0x three times: relu/gpt/s001 and relu/alpha/s000 in
    // January, relu/aaa/s000 in February.
    const json forward = targets_of({fixture("mi300_january.json"), fixture("mi300_february.json")});
    const json backward = targets_of({fixture("mi300_february.json"), fixture("mi300_january.json")});
    EXPECT_EQ(forward["devices"][mi300]["problems"]["relu"]["best"]["candidate"], "relu/alpha/s000");
    EXPECT_EQ(backward["devices"][mi300]["problems"]["relu"]["best"]["candidate"], "relu/alpha/s000");
    EXPECT_EQ(forward["devices"][mi300]["problems"]["relu"]["candidates"], 5);
}

TEST(SpeedupTargets, each_device_keeps_its_own_best_and_targets) {
    const json targets = targets_of({fixture("mi300_january.json"), fixture("h100.json")});
    ASSERT_EQ(targets["devices"].size(), 2U);
    EXPECT_DOUBLE_EQ(targets["devices"][mi300]["problems"]["relu"]["best"]["speedup"].get<double>(), 2.0);
    EXPECT_DOUBLE_EQ(targets["devices"][h100]["problems"]["relu"]["best"]["speedup"].get<double>(), 1.2);
    EXPECT_EQ(targets["devices"][h100]["architecture"], "sm_90");
    // softmax has a target on the H100 only.
    EXPECT_TRUE(targets["devices"][h100]["problems"].contains("softmax"));
    EXPECT_TRUE(targets["devices"][mi300]["without_target"].contains("softmax"));
}

TEST(SpeedupTargets, fractions_and_headroom_are_configurable) {
    target_options options;
    options.fractions = parse_fractions("0.5, 0.875");
    options.headroom = 1.25;
    const json relu = targets_of({fixture("h100.json")}, options)["devices"][h100]["problems"]["relu"];
    EXPECT_DOUBLE_EQ(relu["targets"]["50"].get<double>(), 0.6);
    EXPECT_DOUBLE_EQ(relu["targets"]["87.5"].get<double>(), 1.05);
    EXPECT_DOUBLE_EQ(relu["upper_bound"].get<double>(), 1.5);
    EXPECT_NE(message_of([] { (void)parse_fractions("0.8,ninety"); }).find("'ninety'"), std::string::npos);
    options.fractions = {1.5};
    EXPECT_NE(message_of([&] { (void)targets_of({fixture("h100.json")}, options); }).find("headroom"),
              std::string::npos);
}

TEST(SpeedupTargets, bad_input_names_the_file_and_the_field) {
    const std::string missing = message_of([] { (void)targets_of({fixture("bad_missing_correct.json")}); });
    EXPECT_NE(missing.find("bad_missing_correct.json"), std::string::npos) << missing;
    EXPECT_NE(missing.find("candidates[1]"), std::string::npos) << missing;
    EXPECT_NE(missing.find("\"correct\""), std::string::npos) << missing;
    const std::string other = message_of([] { (void)targets_of({fixture("not_results.json")}); });
    EXPECT_NE(other.find("not_results.json"), std::string::npos) << other;
    EXPECT_NE(other.find("hipkb results file"), std::string::npos) << other;
}

TEST(SpeedupTargets, a_written_targets_file_reads_back_and_a_broken_one_names_its_field) {
    temp_dir dir;
    const json targets = targets_of({fixture("h100.json")});
    std::ofstream(dir.path() / "targets.json") << targets.dump(2);
    EXPECT_EQ(load_targets(dir.path() / "targets.json")["devices"], targets["devices"]);

    json broken = targets;
    broken["devices"][h100]["problems"]["relu"]["targets"]["90"] = "fast";
    std::ofstream(dir.path() / "broken.json") << broken.dump(2);
    const std::string message = message_of([&] { (void)load_targets(dir.path() / "broken.json"); });
    EXPECT_NE(message.find("broken.json"), std::string::npos) << message;
    EXPECT_NE(message.find("targets.90"), std::string::npos) << message;
    EXPECT_NE(message.find("expected a number"), std::string::npos) << message;
}

TEST(SpeedupTargets, resolve_gives_the_level_target_of_the_only_device) {
    const json targets = targets_of({fixture("mi300_january.json")});
    const auto resolved = resolve_target(targets, "relu", "90", "");
    ASSERT_TRUE(std::holds_alternative<resolved_target>(resolved));
    const auto& target = std::get<resolved_target>(resolved);
    EXPECT_EQ(target.device, mi300);
    EXPECT_DOUBLE_EQ(target.speedup, 1.8);
    EXPECT_DOUBLE_EQ(target.best_known, 2.0);
    EXPECT_EQ(target.best_candidate, "relu/alpha/s000");
}

TEST(SpeedupTargets, resolve_refuses_a_level_above_the_upper_bound_but_accepts_one_within_it) {
    const json targets = targets_of({fixture("mi300_january.json")});
    const auto above = resolve_target(targets, "relu", "120", "");
    ASSERT_TRUE(std::holds_alternative<target_unavailable>(above));
    EXPECT_EQ(std::get<target_unavailable>(above).reason, "above_upper_bound");
    EXPECT_NE(std::get<target_unavailable>(above).message.find("2.400x"), std::string::npos);
    const auto within = resolve_target(targets, "relu", "105", "");
    ASSERT_TRUE(std::holds_alternative<resolved_target>(within));
    EXPECT_DOUBLE_EQ(std::get<resolved_target>(within).speedup, 2.1);
}

TEST(SpeedupTargets, resolve_refuses_problems_without_a_correct_candidate_or_unknown_to_the_file) {
    const json targets = targets_of({fixture("mi300_january.json")});
    const auto softmax = resolve_target(targets, "softmax", "90", "");
    ASSERT_TRUE(std::holds_alternative<target_unavailable>(softmax));
    EXPECT_EQ(std::get<target_unavailable>(softmax).reason, "no_correct_candidate");
    const auto unknown = resolve_target(targets, "matmul", "90", "");
    ASSERT_TRUE(std::holds_alternative<target_unavailable>(unknown));
    EXPECT_EQ(std::get<target_unavailable>(unknown).reason, "no_target");
}

TEST(SpeedupTargets, resolve_needs_a_device_when_several_have_the_problem_and_refuses_another_device) {
    const json targets = targets_of({fixture("mi300_january.json"), fixture("h100.json")});
    const auto ambiguous = resolve_target(targets, "relu", "90", "");
    ASSERT_TRUE(std::holds_alternative<target_unavailable>(ambiguous));
    EXPECT_EQ(std::get<target_unavailable>(ambiguous).reason, "ambiguous_device");
    const auto chosen = resolve_target(targets, "relu", "90", h100);
    ASSERT_TRUE(std::holds_alternative<resolved_target>(chosen));
    EXPECT_DOUBLE_EQ(std::get<resolved_target>(chosen).speedup, 1.08);
    const auto other = resolve_target(targets, "relu", "90", "host CPU");
    ASSERT_TRUE(std::holds_alternative<target_unavailable>(other));
    EXPECT_EQ(std::get<target_unavailable>(other).reason, "device_mismatch");
}

}  // namespace
