#include <hipkb/generator/run_manifest.hpp>

#include <fmt/core.h>

namespace hipkb::generator {

nlohmann::json manifest_json(const generate_settings& settings, const run_summary& summary) {
    using json = nlohmann::json;
    json problems = json::array();
    problem_summary totals;
    for (const auto& p : summary.problems) {
        json entry = {{"problem", p.problem}, {"level", p.level},         {"requested", p.requested},
                      {"present", p.present}, {"generated", p.generated}, {"skipped", p.skipped},
                      {"failed", p.failed},   {"tokens_in", p.tokens_in}, {"tokens_out", p.tokens_out}};
        if (!p.extra.is_null()) entry["outcome"] = p.extra;
        problems.push_back(std::move(entry));
        totals.requested += p.requested;
        totals.present += p.present;
        totals.generated += p.generated;
        totals.skipped += p.skipped;
        totals.failed += p.failed;
        totals.tokens_in += p.tokens_in;
        totals.tokens_out += p.tokens_out;
    }
    json failures = json::array();
    for (const auto& f : summary.failures) {
        failures.push_back(
            {{"problem", f.problem}, {"sample", f.sample}, {"reason", f.reason}, {"message", f.message}});
    }
    json out = {
        {"schema_version", 1},
        {"command", summary.command},
        {"run", settings.run},
        {"provider", summary.provider},
        {"status", summary.status},
        {"started", summary.started},
        {"finished", summary.finished},
        {"settings", settings_to_json(settings)},
        {"totals",
         {{"problems", summary.problems.size()},
          {"requested", totals.requested},
          {"present", totals.present},
          {"generated", totals.generated},
          {"skipped", totals.skipped},
          {"failed", totals.failed},
          {"lost_in_flight", summary.lost},
          {"tokens_in", totals.tokens_in},
          {"tokens_out", totals.tokens_out}}},
        {"problems", std::move(problems)},
        {"failures", std::move(failures)},
    };
    if (summary.command == "refine") {
        json skipped = json::array();
        for (const auto& f : summary.skipped_problems) {
            skipped.push_back({{"problem", f.problem}, {"reason", f.reason}, {"message", f.message}});
        }
        out["skipped_problems"] = std::move(skipped);
        out["targets"] = summary.targets;
    }
    return out;
}

std::filesystem::path manifest_path(const std::filesystem::path& run_dir, std::string_view command,
                                    const shard_spec& shard) {
    const std::string stem = command == "refine" ? "refine" : "run";
    if (shard.count <= 1) return run_dir / fmt::format("{}.json", stem);
    return run_dir / fmt::format("{}.shard-{}-of-{}.json", stem, shard.index + 1, shard.count);
}

}  // namespace hipkb::generator
