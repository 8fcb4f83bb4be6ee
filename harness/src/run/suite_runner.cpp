#include <hipkb/run/suite_runner.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/manifest.hpp>
#include <hipkb/core/process.hpp>
#include <hipkb/core/seed_secret.hpp>
#include <hipkb/core/visible_devices.hpp>
#include <hipkb/report/gbench.hpp>
#include <hipkb/report/report.hpp>
#include <hipkb/report/results.hpp>
#include <hipkb/run/child_report.hpp>
#include <hipkb/run/repetition_target.hpp>
#include <hipkb/run/worker_slots.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstring>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <thread>

#include <unistd.h>

namespace hipkb {

namespace {

using json = nlohmann::json;

constexpr int exit_skipped = 77;
// What a bench executable runs without a --benchmark_repetitions flag.
constexpr int default_repetitions = 5;
// Runs of one executable at most: the first, and up to two with more
// repetitions (the second estimate of the CV can be larger than the first).
constexpr int max_attempts = 3;

std::string tail(const std::string& text, std::size_t max_bytes) {
    return text.size() <= max_bytes ? text : text.substr(text.size() - max_bytes);
}

// The bench's own "SKIPPED: ..." line, which says why.
std::string skip_reason(const std::string& output) {
    const auto at = output.find("SKIPPED: ");
    if (at == std::string::npos) return "skipped (exit code 77)";
    const auto end = output.find('\n', at);
    return output.substr(at + 9, end == std::string::npos ? std::string::npos : end - at - 9);
}

json run_record(const bench_entry& bench, const process_result& result) {
    json record = {{"schema_version", 1},
                   {"test", bench.test},
                   {"exit_code", nullptr},
                   {"signal", nullptr},
                   {"wall_seconds", result.wall_seconds},
                   {"message", ""}};
    switch (result.how) {
        case process_result::end::exited:
            record["exit_code"] = result.exit_code;
            if (result.exit_code == 0) {
                record["status"] = "ok";
            } else if (result.exit_code == exit_skipped) {
                record["status"] = "skipped";
                record["message"] = skip_reason(result.output);
            } else {
                record["status"] = "failed";
                record["message"] = tail(result.output, 4000);
            }
            break;
        case process_result::end::signalled:
            record["status"] = interrupted() ? "interrupted" : "crashed";
            record["signal"] = result.signal;
            record["message"] = fmt::format("killed by signal {} ({})\n{}", result.signal, ::strsignal(result.signal),
                                            tail(result.output, 4000));
            break;
        case process_result::end::timed_out:
            record["status"] = "timeout";
            record["signal"] = result.signal;
            record["message"] =
                fmt::format("timeout: still running after the limit; killed\n{}", tail(result.output, 4000));
            break;
        case process_result::end::failed_to_start:
            record["status"] = "failed";
            record["message"] = result.error;
            break;
    }
    return record;
}

// Once one GPU executable has said there is no usable GPU, the rest of the
// run goes straight to the CPU twins rather than asking again per bench.
// One per run_suite call (a later call asks the GPU again); workers of
// --jobs share it.
class no_gpu_memo {
public:
    void remember(const std::string& reason) {
        const std::lock_guard lock(m_mutex);
        m_reason = reason;
    }
    [[nodiscard]] std::optional<std::string> reason() const {
        const std::lock_guard lock(m_mutex);
        return m_reason;
    }

private:
    mutable std::mutex m_mutex;
    std::optional<std::string> m_reason;
};

void remove_stale(const std::filesystem::path& results, const std::string& test) {
    std::error_code ignored;
    for (const char* suffix : {".json", ".verdict.json", ".run.json"}) {
        std::filesystem::remove(results / (test + suffix), ignored);
    }
}

}  // namespace

// Runs one executable; when its least precise median misses the CV target,
// again with enough repetitions. The record is the last run's, with the
// repetitions and precision reached and the wall time of every run.
json run_to_precision(const bench_entry& bench, const std::filesystem::path& results, const suite_options& options,
                      const std::vector<std::string>& environment, std::uint64_t seed_secret) {
    const child_files files = child_files_for(results, bench.test);
    const std::filesystem::path& gbench_out = files.benchmark;
    const bool adaptive = options.cv_target > 0 && !sets_repetitions(options.benchmark_args);
    int repetitions = default_repetitions;
    double wall_seconds = 0.0;
    json record;
    for (int attempt = 1;; ++attempt) {
        // The process reports its verdict and benchmark JSON over a pipe;
        // the files are written here once it has ended (child_report.hpp).
        std::vector<std::string> argv = {bench.executable.string(), "--benchmark_out=" + files.child_benchmark.string(),
                                         "--benchmark_out_format=json",
                                         fmt::format("--hipkb_report_fd={}", child_report_fd),
                                         fmt::format("--hipkb_seed={}", seed_secret)};
        if (adaptive) argv.push_back(fmt::format("--benchmark_repetitions={}", repetitions));
        argv.insert(argv.end(), options.benchmark_args.begin(), options.benchmark_args.end());
        process_options run;
        run.timeout = std::chrono::duration<double>(options.timeout_seconds);
        run.environment = environment;
        run.report_fd = child_report_fd;
        run.kill_leftovers = true;
        clear_child_files(files);
        const process_result result = run_process(argv, run);
        record = run_record(bench, result);
        record["report"] = record_child_report(bench, files, result, record["status"].get<std::string>());
        wall_seconds += record["wall_seconds"].get<double>();
        record["wall_seconds"] = wall_seconds;
        record["attempts"] = attempt;
        if (!adaptive || record["status"] != "ok" || interrupted()) return record;
        std::optional<repetition_spread> worst;
        try {
            worst = least_precise(report::read_gbench(gbench_out));
        } catch (const std::exception&) {
            // The collector reports an unreadable file with its reason.
            return record;
        }
        if (!worst) return record;
        record["repetitions"] = worst->repetitions;
        record["cv_target"] = options.cv_target;
        record["median_cv"] = worst->median_cv;
        record["least_precise"] = worst->benchmark;
        const bool met = worst->median_cv <= options.cv_target;
        record["cv_target_met"] = met;
        const int wanted = repetitions_for(worst->cv, options.cv_target, default_repetitions, options.max_repetitions);
        if (met || wanted <= repetitions || attempt == max_attempts) return record;
        if (options.jobs <= 1) {
            fmt::print("(median cv {:.2g}% > {:.2g}%: {} repetitions) ", 100.0 * worst->median_cv,
                       100.0 * options.cv_target, wanted);
            std::fflush(stdout);
        }
        repetitions = wanted;
    }
}

json run_bench_where_it_can(const bench_entry& bench, const std::filesystem::path& results,
                            const suite_options& options, const std::vector<std::string>& environment,
                            no_gpu_memo& no_gpu, std::uint64_t seed_secret) {
    const bool has_twin = bench.cpu_executable && std::filesystem::exists(*bench.cpu_executable);
    const std::optional<std::string> known_no_gpu = no_gpu.reason();
    if (options.execution == "cpu" || (options.execution == "auto" && has_twin && known_no_gpu)) {
        if (!has_twin) {
            return {{"schema_version", 1},
                    {"test", bench.test},
                    {"status", "not_built"},
                    {"exit_code", nullptr},
                    {"signal", nullptr},
                    {"wall_seconds", 0.0},
                    {"execution", "cpu"},
                    {"message", "no cpu-execution build of this bench: configure with -DHIPKB_CPU_EXECUTION=on"}};
        }
        bench_entry twin = bench;
        twin.executable = *bench.cpu_executable;
        json record = run_to_precision(twin, results, options, environment, seed_secret);
        record["execution"] = "cpu";
        if (known_no_gpu) record["gpu_skip_reason"] = *known_no_gpu;
        return record;
    }
    json record = run_to_precision(bench, results, options, environment, seed_secret);
    record["execution"] = "gpu";
    if (record["status"] == "skipped" && options.execution == "auto" && has_twin) {
        no_gpu.remember(record["message"].get<std::string>());
        const std::string why = record["message"].get<std::string>();
        bench_entry twin = bench;
        twin.executable = *bench.cpu_executable;
        record = run_to_precision(twin, results, options, environment, seed_secret);
        record["execution"] = "cpu";
        record["gpu_skip_reason"] = why;
    }
    return record;
}

int run_suite(const suite_options& options) {
    const std::filesystem::path manifest_file = options.build_dir / "hipkb_manifest.json";
    std::error_code missing;
    if (!std::filesystem::exists(manifest_file, missing)) {
        throw std::runtime_error(
            fmt::format("{} does not exist: configure and build first (cmake --preset default && cmake --build build)",
                        manifest_file.string()));
    }
    const manifest suite = load_manifest(manifest_file);
    const std::filesystem::path results = options.results_dir.value_or(suite.results_dir);
    std::filesystem::create_directories(results);
    const std::regex filter(options.filter.empty() ? ".*" : options.filter);

    std::vector<const bench_entry*> selected;
    for (std::size_t i = 0; i < suite.benches.size(); ++i) {
        const bench_entry& bench = suite.benches[i];
        if (in_shard_part(bench.test, options.part) && std::regex_search(bench.test, filter)) {
            selected.push_back(&bench);
        }
    }
    const bool terminal = ::isatty(STDOUT_FILENO) != 0;
    const std::vector<worker_slot> slots =
        plan_worker_slots(options.jobs, options.execution, suite.platform,
                          visible_gpus(suite.platform, driver_gpu_count(suite.platform), process_environment()));
    // One secret for the whole run: every executable gets the same inputs,
    // and the run is reproduced by giving the secret back.
    const std::uint64_t seed_secret = options.seed_secret ? *options.seed_secret : draw_seed_secret();
    fmt::print("hipkb: running {} of {} benchmarks ({} platform) -> {}\n", selected.size(), suite.benches.size(),
               suite.platform, results.string());
    fmt::print("hipkb: seed secret {}{}\n", seed_secret,
               seed_secret == public_seeds_secret
                   ? " (the public seeds: inputs a candidate can know in advance)"
                   : fmt::format(" (--seed {} reproduces this run's inputs)", seed_secret));
    if (slots.size() > 1 || slots.front().gpu) {
        std::string gpus;
        for (const worker_slot& slot : slots) {
            if (slot.gpu) gpus += (gpus.empty() ? "" : ", ") + std::to_string(*slot.gpu);
        }
        fmt::print("hipkb: {} at a time{}\n", slots.size(),
                   gpus.empty() ? "" : fmt::format(", one per GPU (driver ordinals {})", gpus));
    }
    std::fflush(stdout);
    install_interrupt_handler();

    // Workers take the next bench in manifest order; `progress` guards the
    // counters and the output lines.
    std::mutex progress;
    std::size_t next = 0;
    int exit_code = 0;
    std::size_t done = 0;
    std::size_t skipped = 0;
    std::size_t on_cpu = 0;
    no_gpu_memo no_gpu;
    const bool one_at_a_time = slots.size() == 1;
    const auto work = [&](const worker_slot& slot) {
        for (;;) {
            const bench_entry* bench = nullptr;
            std::size_t position = 0;
            {
                const std::lock_guard lock(progress);
                if (interrupted() || next == selected.size()) return;
                bench = selected[next++];
                position = ++done;
                if (one_at_a_time) {
                    fmt::print("[{}/{}] {} ", position, selected.size(), bench->test);
                    std::fflush(stdout);
                }
            }
            remove_stale(results, bench->test);
            json record;
            std::error_code absent;
            // cpu execution needs only the twin (run_bench_where_it_can names it when missing).
            if (options.execution != "cpu" && !std::filesystem::exists(bench->executable, absent)) {
                record = {{"schema_version", 1},
                          {"test", bench->test},
                          {"status", "not_built"},
                          {"exit_code", nullptr},
                          {"signal", nullptr},
                          {"wall_seconds", 0.0},
                          {"message", fmt::format("{} is missing: run cmake --build {} first",
                                                  bench->executable.string(), options.build_dir.string())}};
            } else {
                record = run_bench_where_it_can(*bench, results, options, slot.environment, no_gpu, seed_secret);
            }
            record["seed_secret"] = seed_secret;
            if (slot.gpu && record.value("execution", "") == "gpu") record["gpu_ordinal"] = *slot.gpu;
            write_file_atomically(results / (bench->test + ".run.json"), record.dump(2) + "\n");
            const std::string status = record["status"].get<std::string>();
            const std::lock_guard lock(progress);
            if (record.value("execution", "") == "cpu") ++on_cpu;
            if (status == "skipped") ++skipped;
            if (!one_at_a_time) fmt::print("[{}/{}] {} ", position, selected.size(), bench->test);
            fmt::print("{}{} ({:.1f}s){}\n", terminal ? "" : "-> ", status, record["wall_seconds"].get<double>(),
                       status == "skipped" || status == "ok"
                           ? ""
                           : ": " + record["message"].get<std::string>().substr(0, 200));
            std::fflush(stdout);
            if (bench->kind == "reference" && (status == "failed" || status == "crashed" || status == "timeout")) {
                exit_code = 1;
            }
        }
    };
    if (one_at_a_time) {
        work(slots.front());
    } else {
        std::vector<std::jthread> workers;
        for (const worker_slot& slot : slots) workers.emplace_back(work, std::cref(slot));
    }
    if (interrupted()) {
        fmt::print("hipkb: interrupted after {} of {} benchmarks; finished results are kept in {}\n", done,
                   selected.size(), results.string());
        exit_code = 130;
    }
    if (on_cpu > 0) {
        fmt::print(
            "hipkb: {} of {} benchmarks ran on the CPU (cpu execution): their verdicts are real correctness "
            "checks at the test sizes; speedups and fast_p need a GPU.\n",
            on_cpu, done);
    }
    if (skipped > 0 && skipped == done) {
        fmt::print(
            "hipkb: every GPU benchmark was SKIPPED (no usable GPU on this machine); the build compiled the "
            "GPU code and the report shows compile results only.\n");
    }
    const json collected = report::collect_results(manifest_file, results);
    write_file_atomically(results / "hipkb_results.json", collected.dump(2) + "\n");
    if (options.write_report) {
        const std::filesystem::path report_dir = options.report_dir.value_or(results / "report");
        report::write_report(collected, report_dir);
        fmt::print("{}\n", report::terminal_summary(collected));
        fmt::print("hipkb: results in {}, report in {}\n", (results / "hipkb_results.json").string(),
                   (report_dir / "report.md").string());
    }
    return exit_code;
}

}  // namespace hipkb
