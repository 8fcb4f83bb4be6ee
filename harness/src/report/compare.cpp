#include <hipkb/report/compare.hpp>

#include <hipkb/report/gbench.hpp>
#include <hipkb/report/gbench_series.hpp>
#include <hipkb/report/input_error.hpp>
#include <hipkb/report/inputs.hpp>
#include <hipkb/report/metrics.hpp>
#include <hipkb/report/results.hpp>
#include <hipkb/report/run_environment.hpp>
#include <hipkb/report/vendor_baselines.hpp>

#include <hipkb/core/json_fields.hpp>
#include <hipkb/core/statistics.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace hipkb::report {

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;
using state = compared_series::state;

// A side: named series, in order of appearance, and what they ran on.
struct side {
    std::vector<std::string> sources;
    std::vector<std::pair<std::string, compared_series>> series;
    run_environment environment;
};

std::vector<double> numbers(const json& array) {
    std::vector<double> out;
    if (!array.is_array()) return out;
    for (const json& v : array) {
        if (v.is_number()) out.push_back(v.get<double>());
    }
    return out;
}

compared_series from_timing(const json& timing) {
    compared_series series;
    if (!timing.is_object()) return series;
    series.samples_ns = numbers(timing.value("samples_ns", json::array()));
    if (timing.contains("median_ns") && timing["median_ns"].is_number()) {
        series.median_ns = timing["median_ns"].get<double>();
        series.status = state::ok;
    }
    if (timing.contains("cv") && timing["cv"].is_number()) series.cv = timing["cv"].get<double>();
    return series;
}

std::string failure_message(const json& entry) {
    const json failure = entry.value("failure", json());
    if (failure.is_object() && failure.contains("message") && failure["message"].is_string()) {
        return failure["message"].get<std::string>();
    }
    const std::string status = entry.value("status", std::string{});
    const std::string message = entry.value("status_message", std::string{});
    return message.empty() ? status : fmt::format("{}: {}", status, message);
}

// Results JSON: each problem's reference bench as "<problem>/reference",
// each candidate as "<problem>/<run>/<sample>" (the names Google Benchmark
// uses inside the bench executables, less their options).
void add_results(side& out, const json& results) {
    for (const json& problem : results["problems"]) {
        compared_series series = from_timing(problem["reference"]);
        if (problem.value("status", std::string{}) == "skipped") {
            series.status = state::skipped;
            series.message = problem.value("status_message", std::string{});
        } else if (problem.value("failure", json()).is_object()) {
            series.status = state::failed;
            series.message = failure_message(problem);
        }
        if (problem["test"].is_null() && series.status == state::no_time) continue;  // no reference bench
        out.series.emplace_back(problem["problem"].get<std::string>() + "/reference", std::move(series));
    }
    for (const json& candidate : results["candidates"]) {
        compared_series series = from_timing(candidate["candidate"]);
        if (candidate["correct"].is_boolean()) series.correct = candidate["correct"].get<bool>();
        if (series.correct == false) {
            series.status = state::failed;
            series.message = failure_message(candidate);
        } else if (candidate.value("status", std::string{}) == "skipped") {
            series.status = state::skipped;
            series.message = candidate.value("status_message", std::string{});
        }
        out.series.emplace_back(candidate_id(candidate), std::move(series));
    }
    // Vendor baselines compare like candidates, as "<problem>/vendor/<library>".
    for (const json& vendor : results.value("vendors", json::array())) {
        compared_series series = from_timing(vendor["vendor"]);
        if (vendor["correct"].is_boolean()) series.correct = vendor["correct"].get<bool>();
        if (series.correct == false) {
            series.status = state::failed;
            series.message = failure_message(vendor);
        } else if (vendor.value("status", std::string{}) == "skipped") {
            series.status = state::skipped;
            series.message = vendor.value("status_message", std::string{});
        }
        out.series.emplace_back(vendor_id(vendor), std::move(series));
    }
}

// A Google Benchmark file: one entry per run name, named without Google
// Benchmark's options ("/repeats:N/manual_time") unless two runs would then
// share a name.
std::vector<std::pair<std::string, compared_series>> from_gbench(const gbench_file& file, bool cpu) {
    const std::vector<gbench_series> all = group_series(file);
    std::map<std::string, std::size_t> stripped_count;
    for (const gbench_series& s : all) ++stripped_count[strip_benchmark_options(s.name)];
    std::vector<std::pair<std::string, compared_series>> out;
    for (const gbench_series& s : all) {
        compared_series series;
        if (s.error_occurred) {
            series.status = state::failed;
            series.message = s.error_message;
        } else if (s.skipped) {
            series.status = state::skipped;
            series.message = s.skip_message;
        } else if (s.has_time()) {
            series.status = state::ok;
            series.samples_ns = cpu ? s.cpu_ns : s.real_ns;
            series.median_ns = s.median_ns(cpu);
            // The recorded cv aggregate is of real time.
            if (!cpu) series.cv = s.cv();
            if (!series.median_ns) series.status = state::no_time;
        } else {
            continue;  // BigO / RMS rows: nothing to compare
        }
        const std::string stripped = strip_benchmark_options(s.name);
        out.emplace_back(stripped_count[stripped] == 1 ? stripped : s.name, std::move(series));
    }
    return out;
}

side load_side(const std::vector<fs::path>& paths, bool cpu) {
    side out;
    std::vector<fs::path> result_paths;
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, compared_series>>>> gbench_sets;
    for (const fs::path& path : paths) {
        std::error_code error;
        if (fs::is_directory(path, error)) {
            result_paths.push_back(path);
            continue;
        }
        if (!fs::exists(path, error)) throw input_error(fmt::format("{}: no such file or folder", path.string()));
        const json document = read_json_file(path, true);
        if (is_results_json(document)) {
            result_paths.push_back(path);
        } else if (is_gbench_json(document)) {
            const gbench_file file = parse_gbench(document, path.string());
            gbench_sets.emplace_back(path.stem().string(), from_gbench(file, cpu));
            out.environment.add(environment_of_gbench(file));
            out.sources.push_back(path.string());
        } else {
            throw input_error(fmt::format(
                "{}: neither a hipkb results file nor Google Benchmark JSON (no \"schema\" or \"benchmarks\")",
                path.string()));
        }
    }
    if (!result_paths.empty()) {
        const json results = load_results_merged(result_paths);
        for (const fs::path& p : result_paths) out.sources.push_back(p.string());
        add_results(out, results);
        out.environment.add(environment_of_results(results));
    }
    // Names that several files share (each candidate executable times the
    // reference) are told apart by their file.
    std::map<std::string, std::size_t> count;
    for (const auto& [stem, set] : gbench_sets) {
        for (const auto& entry : set) ++count[entry.first];
    }
    for (const auto& entry : out.series) ++count[entry.first];
    for (auto& [stem, set] : gbench_sets) {
        for (auto& [name, series] : set) {
            out.series.emplace_back(count[name] > 1 ? fmt::format("{}: {}", stem, name) : name, std::move(series));
        }
    }
    for (auto& [name, series] : out.series) {
        if (!series.cv && series.samples_ns.size() >= 2) series.cv = summarize(series.samples_ns).cv;
    }
    return out;
}

std::string repetitions_note(std::size_t n_old, std::size_t n_new, double alpha) {
    if (std::min(n_old, n_new) < u_test_min_repetitions) {
        return fmt::format("too few repetitions for a U test ({} vs {}; needs {}+ on each side)", n_old, n_new,
                           u_test_min_repetitions);
    }
    if (std::min(n_old, n_new) >= u_test_recommended_repetitions) return {};
    std::string note = fmt::format("p-value unreliable with {} vs {} repetitions ({}+ recommended)", n_old, n_new,
                                   u_test_recommended_repetitions);
    if (u_test_smallest_p(n_old, n_new) >= alpha) {
        note += fmt::format("; the smallest possible p is {:.3g}, so the U test cannot reach {}",
                            u_test_smallest_p(n_old, n_new), alpha);
    }
    return note;
}

benchmark_delta compare_one(std::string name, compared_series old_side, compared_series new_side,
                            const compare_options& options) {
    benchmark_delta delta;
    delta.name = std::move(name);
    delta.old_side = std::move(old_side);
    delta.new_side = std::move(new_side);
    const compared_series& o = delta.old_side;
    const compared_series& n = delta.new_side;

    const bool was_good = o.status == state::ok || o.correct == true;
    if (n.status == state::failed) {
        delta.verdict = o.status == state::failed ? "still failing" : "now failing";
        delta.note = n.message;
        // Correct before (or measured without error), incorrect now.
        delta.correctness_regression = was_good && o.status != state::failed;
        return delta;
    }
    if (n.status == state::skipped || o.status == state::skipped) {
        delta.verdict = "skipped";
        delta.note = n.status == state::skipped ? n.message : o.message;
        return delta;
    }
    if (o.status == state::failed) {
        delta.verdict = "fixed";
        delta.note = o.message;
    }
    if (!o.median_ns || !n.median_ns || *o.median_ns <= 0.0 || *n.median_ns <= 0.0) {
        if (delta.verdict.empty()) delta.verdict = "no time";
        return delta;
    }
    delta.change = *n.median_ns / *o.median_ns - 1.0;
    const std::size_t reps_old = o.samples_ns.size();
    const std::size_t reps_new = n.samples_ns.size();
    std::string note = repetitions_note(reps_old, reps_new, options.alpha);
    if (std::min(reps_old, reps_new) >= u_test_min_repetitions) {
        delta.u_test = mann_whitney_u(o.samples_ns, n.samples_ns);
    }
    const bool beyond_threshold =
        options.fail_on_regression_pct && *delta.change * 100.0 > *options.fail_on_regression_pct;
    if (delta.u_test && u_test_smallest_p(reps_old, reps_new) < options.alpha) {
        delta.rule = decision_rule::u_test;
        delta.significant = delta.u_test->p_value < options.alpha;
        delta.slowdown_regression = beyond_threshold && delta.significant;
        if (delta.verdict.empty()) {
            delta.verdict = !delta.significant ? "no significant change" : *delta.change > 0.0 ? "slower" : "faster";
        }
    } else {
        // The U test cannot reach alpha with these repetitions: a gate on
        // it could never fail. Judge the median against the old side's noise.
        delta.rule = decision_rule::median_vs_noise;
        if (o.cv) {
            delta.noise_bound = noise_cv_factor * *o.cv;
            delta.significant = std::abs(*delta.change) > *delta.noise_bound;
            note += fmt::format("{}median change judged against {} x the old CV of {:.3g}%", note.empty() ? "" : "; ",
                                noise_cv_factor, *o.cv * 100.0);
        } else {
            note += fmt::format("{}the old side recorded no CV (one repetition): only the threshold decides",
                                note.empty() ? "" : "; ");
        }
        delta.slowdown_regression = beyond_threshold && (!o.cv || delta.significant);
        if (delta.verdict.empty()) {
            if (delta.significant || delta.slowdown_regression) {
                delta.verdict = *delta.change > 0.0 ? "slower" : "faster";
            } else {
                delta.verdict = o.cv ? "within noise" : "noise unknown";
            }
        }
    }
    if (!note.empty()) delta.note = delta.note.empty() ? note : delta.note + "; " + note;
    return delta;
}

}  // namespace

const char* to_string(decision_rule rule) {
    switch (rule) {
        case decision_rule::u_test:
            return "u_test";
        case decision_rule::median_vs_noise:
            return "median_vs_noise";
        case decision_rule::none:
            break;
    }
    return "none";
}

std::size_t comparison::slowdown_regressions() const {
    return static_cast<std::size_t>(
        std::count_if(deltas.begin(), deltas.end(), [](const benchmark_delta& d) { return d.slowdown_regression; }));
}

std::size_t comparison::correctness_regressions() const {
    return static_cast<std::size_t>(
        std::count_if(deltas.begin(), deltas.end(), [](const benchmark_delta& d) { return d.correctness_regression; }));
}

bool comparison::failed() const {
    return options.fail_on_regression_pct.has_value() && (slowdown_regressions() + correctness_regressions() > 0);
}

comparison compare_paths(const std::vector<fs::path>& old_paths, const std::vector<fs::path>& new_paths,
                         const compare_options& options) {
    if (old_paths.empty() || new_paths.empty()) throw input_error("compare needs an OLD and a NEW input");
    if (!(options.alpha > 0.0 && options.alpha < 1.0)) {
        throw input_error(fmt::format("alpha must be between 0 and 1, got {}", options.alpha));
    }
    side old_side = load_side(old_paths, options.cpu_time);
    side new_side = load_side(new_paths, options.cpu_time);

    comparison result;
    result.options = options;
    result.old_sources = old_side.sources;
    result.new_sources = new_side.sources;
    result.warnings = environment_differences(old_side.environment, new_side.environment);
    std::map<std::string, std::size_t> new_index;
    for (std::size_t i = 0; i < new_side.series.size(); ++i) new_index.emplace(new_side.series[i].first, i);
    std::vector<bool> paired(new_side.series.size(), false);
    std::map<std::string, bool> seen_old;
    std::vector<double> ratios;
    for (auto& [name, series] : old_side.series) {
        if (!seen_old.emplace(name, true).second) continue;  // duplicate names: the first wins, as compare.py
        const auto found = new_index.find(name);
        if (found == new_index.end()) {
            result.only_old.push_back(name);
            continue;
        }
        paired[found->second] = true;
        benchmark_delta delta = compare_one(name, series, new_side.series[found->second].second, options);
        if (delta.change) ratios.push_back(1.0 + *delta.change);
        result.deltas.push_back(std::move(delta));
    }
    for (std::size_t i = 0; i < new_side.series.size(); ++i) {
        if (!paired[i] && seen_old.count(new_side.series[i].first) == 0)
            result.only_new.push_back(new_side.series[i].first);
    }
    if (const auto mean = geometric_mean(ratios)) {
        result.geomean_change = *mean - 1.0;
        result.geomean_pairs = ratios.size();
    }
    return result;
}

int exit_code(const comparison& result) { return result.failed() ? 1 : 0; }

}  // namespace hipkb::report
