// hipkb check: did a run come out as promised (references ran and matched
// their goldens, examples got their expected verdicts)? The gate of CI and
// CI/gpu-check.sh.
#include "commands.hpp"

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/report/device_figures.hpp>
#include <hipkb/report/expectations.hpp>
#include <hipkb/report/inputs.hpp>

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <string>

namespace hipkb::cli {

namespace {

struct check_flags {
    std::string input;
    std::string manifest;
    std::string json_out;
    bool figures = false;
};

// The manifest named by the flag, else the one the results were collected with.
std::filesystem::path manifest_of(const nlohmann::json& results, const check_flags& flags) {
    if (!flags.manifest.empty()) return flags.manifest;
    for (const auto& source : results.value("sources", nlohmann::json::array())) {
        if (source.contains("manifest") && source["manifest"].is_string()) {
            return source["manifest"].get<std::string>();
        }
    }
    throw std::runtime_error(
        fmt::format("{}: the results name no manifest; pass --manifest build/hipkb_manifest.json", flags.input));
}

int run_check(const check_flags& flags) {
    if (flags.figures) {
        if (!std::filesystem::is_directory(flags.input)) {
            throw std::runtime_error(
                fmt::format("{}: --figures reads the verdict files of a results folder", flags.input));
        }
        const std::string table = report::device_figures_markdown(flags.input);
        fmt::print("{}",
                   table.empty() ? "No device figures: these verdicts measured none (CPU or host execution)\n" : table);
        return 0;
    }
    report::input_options options;
    if (!flags.manifest.empty()) options.manifest = std::filesystem::path(flags.manifest);
    const nlohmann::json results = report::load_results_merged({flags.input}, options);
    const report::expectation_report found =
        report::check_expectations(results, report::expected_verdicts(manifest_of(results, flags)));
    fmt::print("{}", report::describe(found));
    if (!flags.json_out.empty()) {
        nlohmann::json out = {{"references", found.references},
                              {"candidates_checked", found.candidates_checked},
                              {"not_run", found.not_run},
                              {"unexpected", found.unexpected()},
                              {"findings", nlohmann::json::array()}};
        for (const auto& f : found.findings) {
            out["findings"].push_back({{"test", f.test},
                                       {"expected", f.expected},
                                       {"observed", f.observed},
                                       {"unexpected", f.unexpected},
                                       {"detail", f.detail}});
        }
        write_file_atomically(flags.json_out, out.dump(2) + "\n");
    }
    return found.unexpected() == 0 ? 0 : 1;
}

}  // namespace

void add_check_command(CLI::App& app) {
    auto flags = std::make_shared<check_flags>();
    CLI::App* sub = app.add_subcommand(
        "check",
        "Check a run against its promises: every reference ran and passed its golden check, and every candidate "
        "whose metadata has an expected_verdict (correct, faster, incorrect, compile_error) got it ('faster' "
        "needs correct; a timing below 1x is a note, not a failure). A bench that never started counts as "
        "unexpected. Exit status: 0 as promised, 1 otherwise, 2 when an input cannot be read.");
    sub->add_option("input", flags->input, "Results folder (build/results) or results JSON file")->required();
    sub->add_option("--manifest", flags->manifest,
                    "hipkb_manifest.json giving each bench's metadata (default: the one the results name)");
    sub->add_option("--json-out", flags->json_out, "Also write the findings as JSON to this file");
    sub->add_flag("--figures", flags->figures,
                  "Instead, print the device figures the references measured (event and launch floors, copy and "
                  "FMA probes, unsynchronized-work slack) as a Markdown table");
    sub->callback([flags] { throw exit_request{run_check(*flags)}; });
}

}  // namespace hipkb::cli
