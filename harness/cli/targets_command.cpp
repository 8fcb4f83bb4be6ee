// hipkb targets: flag parsing only; the work is in hipkb_generator (speedup_targets).
#include "commands.hpp"

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/generator/speedup_targets.hpp>
#include <hipkb/report/inputs.hpp>

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace hipkb::cli {

namespace {

struct targets_flags {
    std::vector<std::string> inputs;
    std::string output = "targets.json";
    std::string fractions = "0.8,0.9,0.95";
    double headroom = 1.1;
    std::string manifest;
};

void print_targets(const nlohmann::json& targets) {
    for (const auto& [device, entry] : targets["devices"].items()) {
        fmt::print("{}:\n", device);
        for (const auto& [problem, found] : entry["problems"].items()) {
            std::string levels;
            for (const auto& [level, speedup] : found["targets"].items()) {
                levels += fmt::format(" {}%={:.3f}x", level, speedup.get<double>());
            }
            fmt::print("  {}: best {:.3f}x ({}), upper bound {:.3f}x;{}\n", problem,
                       found["best"]["speedup"].get<double>(), found["best"]["candidate"].get<std::string>(),
                       found["upper_bound"].get<double>(), levels);
        }
        for (const auto& [problem, missing] : entry["without_target"].items()) {
            fmt::print("  {}: no target: {}\n", problem, missing["message"].get<std::string>());
        }
    }
}

}  // namespace

void add_targets_command(CLI::App& app) {
    auto flags = std::make_shared<targets_flags>();
    CLI::App* sub = app.add_subcommand(
        "targets",
        "Speedup targets for `hipkb refine --targets`: per device and problem, the best speedup of a correct\n"
        "candidate in the given results (with its run, sample and date), an upper bound of --headroom x that\n"
        "best, and targets at --fractions of it, keyed by level (\"90\" for 0.9). Problems without a correct,\n"
        "timed candidate are listed with the reason. Inputs as for `hipkb report`.");
    sub->add_option("inputs", flags->inputs, "Results folders or results JSON files")->required();
    sub->add_option("-o,--output", flags->output, "The targets file to write")->capture_default_str();
    sub->add_option("--fractions", flags->fractions,
                    "Comma-separated fractions of the best speedup, each in (0, headroom]")
        ->capture_default_str();
    sub->add_option("--headroom", flags->headroom, "The upper bound is this times the best known speedup")
        ->capture_default_str();
    sub->add_option("--manifest", flags->manifest, "hipkb_manifest.json for results folders (as for `hipkb report`)")
        ->envname("HIPKB_MANIFEST");
    sub->footer(
        "Exit codes: 0 written; 2 bad input (the message names the file and field) or bad options.\n"
        "Details: docs/generator.md");
    sub->callback([flags] {
        generator::target_options options;
        options.fractions = generator::parse_fractions(flags->fractions);
        options.headroom = flags->headroom;
        report::input_options inputs;
        if (!flags->manifest.empty()) inputs.manifest = flags->manifest;
        std::vector<std::filesystem::path> paths(flags->inputs.begin(), flags->inputs.end());
        const nlohmann::json targets = generator::build_targets(report::load_results_inputs(paths, inputs), options);
        hipkb::write_file_atomically(flags->output, targets.dump(2) + "\n");
        print_targets(targets);
        fmt::print("Wrote {}\n", flags->output);
    });
}

}  // namespace hipkb::cli
