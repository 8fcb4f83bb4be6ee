#include <hipkb/generator/evaluation.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/manifest.hpp>
#include <hipkb/core/process.hpp>
#include <hipkb/report/gbench.hpp>
#include <hipkb/report/gbench_series.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace hipkb::generator {

namespace {

// The end of a long output: compiler errors and crashes say the most there.
std::string tail(std::string_view text, std::size_t limit = 8000) {
    if (text.size() <= limit) return std::string(text);
    return "[...]\n" + std::string(text.substr(text.size() - limit));
}

std::string c_identifier(std::string_view text) {
    // As CMake's string(MAKE_C_IDENTIFIER): other characters become '_', and
    // a leading digit gets a '_' in front.
    std::string out;
    for (const char c : text) out += std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' ? c : '_';
    if (!out.empty() && std::isdigit(static_cast<unsigned char>(out.front())) != 0) out.insert(out.begin(), '_');
    return out;
}

std::string describe_end(const process_result& result) {
    switch (result.how) {
        case process_result::end::exited:
            return fmt::format("exited with code {}", result.exit_code);
        case process_result::end::signalled:
            return fmt::format("was killed by signal {}", result.signal);
        case process_result::end::timed_out:
            return "ran past its time limit and was killed";
        case process_result::end::failed_to_start:
            return fmt::format("could not start: {}", result.error);
    }
    return "ended";
}

std::optional<double> median_of(const std::vector<report::gbench_series>& series, const std::string& name) {
    for (const auto& s : series) {
        if (report::strip_benchmark_options(s.name) != name || s.error_occurred || s.skipped) continue;
        if (const auto median = s.median_ns()) return median;
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(evaluation::status what) {
    switch (what) {
        case evaluation::status::evaluated:
            return "evaluated";
        case evaluation::status::no_gpu:
            return "no_gpu";
        case evaluation::status::build_failed:
            return "build_failed";
        case evaluation::status::bench_failed:
            return "bench_failed";
    }
    return "unknown";
}

std::string bench_target_name(std::string_view problem, std::string_view run, std::string_view sample) {
    return "hipkb_bench_" + c_identifier(fmt::format("{}__{}__{}", problem, run, sample));
}

build_dirs read_build_dirs(const std::filesystem::path& build_dir) {
    const std::filesystem::path cache = build_dir / "CMakeCache.txt";
    std::string text;
    try {
        text = read_file(cache);
    } catch (const std::exception&) {
        throw std::runtime_error(
            fmt::format("{} not found: build_dir must be a configured hipkb build (cmake -S . -B {})", cache.string(),
                        build_dir.string()));
    }
    build_dirs dirs;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto value_of = [&](std::string_view key) -> std::optional<std::string> {
            if (!line.starts_with(key) || line.size() <= key.size() || line[key.size()] != ':') return std::nullopt;
            const std::size_t equals = line.find('=');
            if (equals == std::string::npos) return std::nullopt;
            return line.substr(equals + 1);
        };
        if (auto value = value_of("HIPKB_REFERENCE_DIR")) dirs.reference_dir = *value;
        if (auto value = value_of("HIPKB_GENERATED_DIR")) dirs.generated_dir = *value;
    }
    if (dirs.reference_dir.empty() || dirs.generated_dir.empty()) {
        throw std::runtime_error(
            fmt::format("{}: no HIPKB_REFERENCE_DIR or HIPKB_GENERATED_DIR; is this a hipkb build?", cache.string()));
    }
    return dirs;
}

evaluation evaluate_candidate(const std::filesystem::path& build_dir, std::string_view problem, std::string_view run,
                              std::string_view sample, double timeout_s) {
    evaluation out;
    process_options options;
    options.timeout = std::chrono::duration<double>(timeout_s);

    // Builds one target; false (with the evaluation saying why) when the
    // build itself failed.
    const auto build = [&](const std::string& name) {
        const process_result built = run_process({"cmake", "--build", build_dir.string(), "--target", name}, options);
        if (built.how == process_result::end::exited && built.exit_code == 0) return true;
        out.what = evaluation::status::build_failed;
        out.failure_message =
            fmt::format("`cmake --build {} --target {}` {}", build_dir.string(), name, describe_end(built));
        out.output_tail = tail(built.output);
        return false;
    };
    const std::string target = bench_target_name(problem, run, sample);
    if (!build(target)) return out;

    const manifest suite = load_manifest(build_dir / "hipkb_manifest.json");
    const bench_entry* entry = nullptr;
    for (const auto& bench : suite.benches) {
        if (bench.kind == "candidate" && bench.problem == problem && bench.run == run && bench.sample == sample) {
            entry = &bench;
        }
    }
    if (!entry) {
        out.what = evaluation::status::build_failed;
        out.failure_message = fmt::format("{} has no bench for {}/{}/{} after the build",
                                          (build_dir / "hipkb_manifest.json").string(), problem, run, sample);
        return out;
    }
    out.test = entry->test;
    const std::filesystem::path results = suite.results_dir;
    std::filesystem::create_directories(results);
    const std::filesystem::path gbench_file = results / (entry->test + ".json");
    const std::filesystem::path verdict_file = results / (entry->test + ".verdict.json");
    std::error_code ignored;
    std::filesystem::remove(gbench_file, ignored);
    std::filesystem::remove(verdict_file, ignored);

    const auto run_bench = [&](const std::filesystem::path& executable) {
        return run_process({executable.string(), "--benchmark_out=" + gbench_file.string(),
                            "--benchmark_out_format=json", "--hipkb_verdict_out=" + verdict_file.string()},
                           options);
    };
    process_result ran = run_bench(entry->executable);
    out.output_tail = tail(ran.output);
    if (ran.how == process_result::end::exited && ran.exit_code == 77) {
        if (!entry->cpu_executable) {
            out.what = evaluation::status::no_gpu;
            out.failure_message = fmt::format(
                "{} exited with code 77: no GPU to run on (and the build has no cpu "
                "execution: configure with -DHIPKB_CPU_EXECUTION=on)",
                entry->executable.string());
            return out;
        }
        // No GPU: the candidate's CPU twin gives a real correctness verdict.
        if (!build("hipkb_cpu_" + target.substr(std::string("hipkb_").size()))) return out;
        out.execution = "cpu";
        ran = run_bench(*entry->cpu_executable);
        out.output_tail = tail(ran.output);
    }
    std::error_code missing;
    if (!std::filesystem::exists(verdict_file, missing)) {
        out.what = evaluation::status::bench_failed;
        out.failure_message = fmt::format("the benchmark {} and wrote no verdict", describe_end(ran));
        return out;
    }
    const nlohmann::json verdict = nlohmann::json::parse(read_file(verdict_file), nullptr, false);
    if (!verdict.is_object()) {
        out.what = evaluation::status::bench_failed;
        out.failure_message = fmt::format("{} is not valid JSON", verdict_file.string());
        return out;
    }
    out.compiled = verdict.value("compiled", false);
    out.correct = verdict.value("correct", false);
    out.compile_errors = tail(verdict.value("compile_errors", std::string()));
    if (const auto failure = verdict.find("failure"); failure != verdict.end() && failure->is_object()) {
        out.failure_kind = failure->value("kind", std::string());
        out.failure_message = failure->value("message", std::string());
    }
    if (ran.how != process_result::end::exited || ran.exit_code != 0) {
        // A verdict was written before the crash (e.g. during timing).
        out.what = evaluation::status::bench_failed;
        if (out.failure_message.empty()) out.failure_message = fmt::format("the benchmark {}", describe_end(ran));
    }
    if (std::filesystem::exists(gbench_file, missing)) {
        try {
            const report::gbench_file timings = report::read_gbench(gbench_file);
            out.device = timings.context_string("hipkb.device").value_or("");
            const auto series = report::group_series(timings);
            out.reference_ns = median_of(series, fmt::format("{}/reference", problem));
            out.candidate_ns = median_of(series, fmt::format("{}/{}/{}", problem, run, sample));
            if (out.reference_ns && out.candidate_ns && *out.candidate_ns > 0.0) {
                out.speedup = *out.reference_ns / *out.candidate_ns;
            }
        } catch (const std::exception& error) {
            out.failure_message +=
                fmt::format("{}(timings unreadable: {})", out.failure_message.empty() ? "" : " ", error.what());
        }
    }
    return out;
}

}  // namespace hipkb::generator
