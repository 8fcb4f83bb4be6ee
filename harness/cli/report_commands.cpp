// hipkb report / compare / merge / baseline: flag parsing only; the work is in hipkb_report.
#include "commands.hpp"

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/report/baseline.hpp>
#include <hipkb/report/compare.hpp>
#include <hipkb/report/inputs.hpp>
#include <hipkb/report/merge.hpp>
#include <hipkb/report/report.hpp>
#include <hipkb/report/summary.hpp>

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hipkb::cli {

namespace {

namespace fs = std::filesystem;

// Appends to a file such as $GITHUB_STEP_SUMMARY, which CI collects.
void append_to(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::app | std::ios::binary);
    if (!out || !(out << text << "\n")) {
        throw std::runtime_error(fmt::format("cannot append to {}: {}", file.string(), std::strerror(errno)));
    }
}

struct report_flags {
    std::vector<std::string> inputs;
    std::string output_dir = "hipkb-report";
    std::string manifest;
    std::vector<std::size_t> ks = {1, 5, 10};
    std::vector<double> thresholds;
    std::string markdown_to;
    bool quiet = false;
};

struct compare_flags {
    std::string old_input;
    std::string new_input;
    std::optional<double> fail_on_regression;
    double alpha = 0.05;
    std::string format = "text";
    std::string output;
    std::string markdown_to;
    bool cpu_time = false;
};

struct baseline_flags {
    std::string from;
    std::string output;
    std::string manifest;
};

struct merge_flags {
    std::vector<std::string> inputs;
    std::string output;
    std::string manifest;
};

std::vector<fs::path> to_paths(const std::vector<std::string>& texts) { return {texts.begin(), texts.end()}; }

void add_report(CLI::App& app) {
    auto flags = std::make_shared<report_flags>();
    CLI::App* sub = app.add_subcommand(
        "report",
        "Summarize results as KernelBench-style metrics (compiled, correct, speedup, fast_p, pass@k).\n"
        "Prints a table and the headline numbers, and writes report.md, report.json and report.html\n"
        "(plots drawn by gnuplot, inline; opens offline). Inputs: results folders (build/results; the\n"
        "manifest is found beside them), results JSON files (report.json too) or Google Benchmark JSON\n"
        "files; several inputs are merged as by `hipkb merge`. Exit status 0, or 2 when an input\n"
        "cannot be read (the message names the file and the place).");
    sub->add_option("inputs", flags->inputs, "Results folders or JSON files")->required();
    sub->add_option("-o,--output-dir", flags->output_dir, "Folder for report.md, report.json and report.html")
        ->envname("HIPKB_REPORT_DIR")
        ->capture_default_str();
    sub->add_option("--manifest", flags->manifest,
                    "hipkb_manifest.json for results folders (default: the folder's own or its parent's,\n"
                    "if it names that folder as its results_dir)")
        ->envname("HIPKB_MANIFEST");
    sub->add_option("--k", flags->ks,
                    "k values for pass@k and fast_p@k, comma-separated; k above the most samples any problem\n"
                    "has is left out, and that most (best of all samples) is always shown")
        ->delimiter(',')
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub->add_option("--fast-p", flags->thresholds,
                    "Extra fast_p thresholds beside KernelBench's 0, 0.5, 0.8, 1, 1.5, 2 (comma-separated)")
        ->delimiter(',')
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--markdown-to", flags->markdown_to,
                    "Also append report.md to this file (e.g. $GITHUB_STEP_SUMMARY)")
        ->envname("HIPKB_SUMMARY_FILE");
    sub->add_flag("-q,--quiet", flags->quiet, "Do not print the summary");
    sub->callback([flags] {
        report::input_options options;
        if (!flags->manifest.empty()) options.manifest = flags->manifest;
        report::summary_options summary;
        summary.ks = flags->ks;
        summary.extra_thresholds = flags->thresholds;
        const nlohmann::json results =
            report::with_summary(report::load_results_merged(to_paths(flags->inputs), options), summary);
        report::write_report(results, flags->output_dir);
        if (!flags->markdown_to.empty()) append_to(flags->markdown_to, report::render_markdown(results));
        if (!flags->quiet) {
            fmt::print("{}", report::terminal_summary(results));
            fmt::print("Wrote {0}/report.md, {0}/report.json and {0}/report.html\n", flags->output_dir);
        }
    });
}

void add_compare(CLI::App& app) {
    auto flags = std::make_shared<compare_flags>();
    CLI::App* sub = app.add_subcommand(
        "compare",
        "Compare two sets of results: pairs benchmarks by name (Google Benchmark options such as\n"
        "/repeats:N/manual_time ignored), prints the change of each median time, a two-sided\n"
        "Mann-Whitney U test over the repetitions (2+ per side needed, 9+ recommended), and the\n"
        "geometric-mean change. OLD and NEW are each a Google Benchmark JSON file, a results JSON file\n"
        "(report.json too), or a folder of either; a checked-in baseline (baselines/*.json) is a results\n"
        "file. With too few repetitions for the U test to reach alpha (3 vs 3: p >= 0.1), a change counts\n"
        "when it exceeds 3 x the old side's CV (rule median_vs_noise). Warns (stderr and the report) when\n"
        "the two sides ran on a different device, driver or hipkb version.\n"
        "Exit status: 0 when no regression (or no --fail-on-regression), 1 on a regression,\n"
        "2 when an input cannot be read.");
    sub->add_option("old", flags->old_input, "Baseline results (file or folder)")->required();
    sub->add_option("new", flags->new_input, "New results (file or folder)")->required();
    sub->add_option("--fail-on-regression", flags->fail_on_regression,
                    "Exit 1 if a benchmark is slower by more than PCT percent and significantly so (U test\n"
                    "p < alpha; with too few repetitions for that, beyond 3 x the old CV), or if a candidate\n"
                    "that was correct is not any more")
        ->envname("HIPKB_FAIL_ON_REGRESSION")
        ->check(CLI::NonNegativeNumber)
        ->type_name("PCT");
    sub->add_option("--alpha", flags->alpha, "Significance level of the U test")
        ->envname("HIPKB_COMPARE_ALPHA")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->add_option("--format", flags->format, "Output: text, markdown (for CI summaries) or json")
        ->envname("HIPKB_COMPARE_FORMAT")
        ->check(CLI::IsMember({"text", "markdown", "json"}))
        ->capture_default_str();
    sub->add_option("-o,--output", flags->output, "Also write the output to this file");
    sub->add_option("--markdown-to", flags->markdown_to,
                    "Also append the Markdown rendering to this file (e.g. $GITHUB_STEP_SUMMARY)")
        ->envname("HIPKB_SUMMARY_FILE");
    sub->add_flag("--cpu-time", flags->cpu_time, "Compare cpu_time instead of real_time (Google Benchmark files)");
    sub->callback([flags] {
        report::compare_options options;
        options.alpha = flags->alpha;
        options.fail_on_regression_pct = flags->fail_on_regression;
        options.cpu_time = flags->cpu_time;
        const report::comparison result = report::compare_paths({flags->old_input}, {flags->new_input}, options);
        std::string text;
        if (flags->format == "json") {
            text = report::comparison_to_json(result).dump(2) + "\n";
        } else if (flags->format == "markdown") {
            text = report::render_comparison_markdown(result);
        } else {
            text = report::render_comparison_text(result);
        }
        for (const std::string& warning : result.warnings) fmt::print(stderr, "hipkb: warning: {}\n", warning);
        fmt::print("{}", text);
        if (!flags->output.empty()) hipkb::write_file_atomically(flags->output, text);
        if (!flags->markdown_to.empty()) append_to(flags->markdown_to, report::render_comparison_markdown(result));
        if (const int code = report::exit_code(result); code != 0) throw exit_request{code};
    });
}

void add_merge(CLI::App& app) {
    auto flags = std::make_shared<merge_flags>();
    CLI::App* sub = app.add_subcommand(
        "merge",
        "Merge results from shards or machines into one results JSON. A candidate or reference bench\n"
        "that ran in two inputs, or inputs of different schema versions, are an error (exit 2).\n"
        "Inputs as for `hipkb report`.");
    sub->add_option("inputs", flags->inputs, "Results folders or JSON files")->required();
    sub->add_option("-o,--output", flags->output, "The merged results JSON")->required();
    sub->add_option("--manifest", flags->manifest, "hipkb_manifest.json for results folders (as for `hipkb report`)")
        ->envname("HIPKB_MANIFEST");
    sub->callback([flags] {
        report::input_options options;
        if (!flags->manifest.empty()) options.manifest = flags->manifest;
        const nlohmann::json merged =
            report::merge_results(report::load_results_inputs(to_paths(flags->inputs), options));
        hipkb::write_file_atomically(flags->output,
                                     merged.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        fmt::print("Merged {} candidates and {} problems into {}\n", merged["candidates"].size(),
                   merged["problems"].size(), flags->output);
    });
}

void add_baseline(CLI::App& app) {
    CLI::App* baseline = app.add_subcommand("baseline", "Baselines: results kept in baselines/ for `hipkb compare`");
    baseline->require_subcommand(1);
    auto flags = std::make_shared<baseline_flags>();
    CLI::App* sub = baseline->add_subcommand(
        "update",
        "Write a baseline (results JSON with a \"baseline\" record of the platform, device, driver and\n"
        "hipkb version) from a run's results: a results folder (build/results, or a CI artifact) or a\n"
        "results JSON file. Default file: baselines/<platform>-<device>.json (amd-gfx942.json,\n"
        "nvidia-h200.json, cpu-amd.json for a correctness-only run on the CPU). Exit status 0, or 2 when\n"
        "the input cannot be read or holds several devices.");
    sub->add_option("--from", flags->from, "Results folder or results JSON file")->required();
    sub->add_option("-o,--out", flags->output, "The baseline file (default: baselines/<platform>-<device>.json)");
    sub->add_option("--manifest", flags->manifest, "hipkb_manifest.json for a results folder (as for `hipkb report`)")
        ->envname("HIPKB_MANIFEST");
    sub->callback([flags] {
        report::input_options options;
        if (!flags->manifest.empty()) options.manifest = flags->manifest;
        const nlohmann::json results = report::load_results_merged({fs::path(flags->from)}, options);
        const nlohmann::json baseline = report::make_baseline(results, flags->from);
        const fs::path out = flags->output.empty() ? fs::path("baselines") / report::baseline_file_name(baseline)
                                                   : fs::path(flags->output);
        if (out.has_parent_path()) fs::create_directories(out.parent_path());
        hipkb::write_file_atomically(out,
                                     baseline.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        const nlohmann::json& record = baseline["baseline"];
        auto shown = [](const nlohmann::json& value) {
            return value.is_string() ? value.get<std::string>() : std::string("unknown");
        };
        fmt::print("Wrote {}: {} problems, {} candidates; platform {}, device {}, driver {}, hipkb {}\n", out.string(),
                   baseline["problems"].size(), baseline["candidates"].size(), shown(record["platform"]),
                   shown(record["device"]), shown(record["driver"]), shown(record["hipkb_version"]));
        if (baseline["summary"]["counts"].value("timed", 0) == 0) {
            fmt::print(stderr,
                       "hipkb: warning: {} holds no timed candidate: comparing against this baseline catches "
                       "correctness regressions only\n",
                       out.string());
        }
    });
}

}  // namespace

void add_report_commands(CLI::App& app) {
    add_report(app);
    add_compare(app);
    add_merge(app);
    add_baseline(app);
}

}  // namespace hipkb::cli
