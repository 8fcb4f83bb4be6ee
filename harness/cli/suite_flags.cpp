#include "suite_flags.hpp"

#include <hipkb/core/seed_secret.hpp>

namespace hipkb::cli {

void suite_flags::add_to(CLI::App& app) {
    app.add_option("--filter", options.filter, "Only benchmarks whose test name matches this regular expression")
        ->envname("HIPKB_FILTER");
    app.add_option("--shard", shard_text,
                   "Run shard i of n (1-based, e.g. 2/4): a bench belongs to the shard a hash of its test name "
                   "picks, the same on every run and machine")
        ->envname("HIPKB_SHARD");
    app.add_option("--jobs,-j", options.jobs,
                   "Benchmark executables run at once: on the GPU at most one per visible GPU, each bound to its "
                   "own (see hipkb devices); on cpu execution side by side")
        ->envname("HIPKB_JOBS")
        ->check(CLI::Range(1, 1024))
        ->capture_default_str();
    app.add_option("--timeout", options.timeout_seconds, "Seconds one benchmark executable may run before it is killed")
        ->envname("HIPKB_TIMEOUT")
        ->capture_default_str();
    app.add_option("--cv-target", options.cv_target,
                   "Precision wanted of each reported median, as its estimated CV (1.25 x the repetitions' CV / "
                   "sqrt(repetitions)): a benchmark that misses it after 5 repetitions runs again with enough "
                   "of them. 0 = off; a --benchmark_repetitions flag after -- also turns it off")
        ->envname("HIPKB_CV_TARGET")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    app.add_option("--max-repetitions", options.max_repetitions, "Most repetitions --cv-target may ask for")
        ->envname("HIPKB_MAX_REPETITIONS")
        ->check(CLI::Range(5, 100000))
        ->capture_default_str();
    app.add_option("--execution", options.execution,
                   "Where benchmarks run: auto (the GPU, or the CPU when no GPU is usable and the build has cpu "
                   "execution), gpu, or cpu (correctness only, at the test sizes)")
        ->envname("HIPKB_EXECUTION")
        ->check(CLI::IsMember({"auto", "gpu", "cpu"}))
        ->capture_default_str();
    // Not HIPKB_SEED: that is the generator's request seed (hipkb generate),
    // and a value exported for generation must not fix the benches' inputs.
    app.add_option("--seed", seed_text,
                   "Seed secret mixed into every bench's input seeds (decimal or 0x hex), to reproduce an earlier "
                   "run (it is printed and recorded in each <test>.run.json); 0 reproduces the public seeds. "
                   "Default: a new secret from the OS random source for every run")
        ->envname("HIPKB_SEED_SECRET")
        ->check(CLI::Validator(
            [](std::string& text) {
                return parse_seed_secret(text) ? std::string()
                                               : "expected an unsigned 64-bit integer in decimal or 0x hexadecimal";
            },
            "SECRET"));
    app.add_option("--results", results_dir, "Where results go (default: <build>/results)")->envname("HIPKB_RESULTS");
    app.add_option("--report-dir", report_dir, "Where report.{md,json,html} go (default: <results>/report)");
    app.add_flag("--no-report", no_report, "Write results only, no report");
    app.add_option("benchmark_args", options.benchmark_args,
                   "Extra Google Benchmark flags after --, e.g. -- --benchmark_repetitions=10");
}

void suite_flags::finish() {
    if (!shard_text.empty()) options.part = parse_shard_part(shard_text);
    if (!results_dir.empty()) options.results_dir = results_dir;
    if (!report_dir.empty()) options.report_dir = report_dir;
    if (!seed_text.empty()) options.seed_secret = parse_seed_secret(seed_text);
    options.write_report = !no_report;
}

}  // namespace hipkb::cli
