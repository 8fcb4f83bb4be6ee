#include <hipkb/report/summary.hpp>

#include <hipkb/report/metrics.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace hipkb::report {

namespace {

using json = nlohmann::json;

std::optional<double> number_field(const json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number()) return std::nullopt;
    return found->get<double>();
}

std::string string_field(const json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

bool is_true(const json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_boolean() && found->get<bool>();
}

bool is_false(const json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_boolean() && !found->get<bool>();
}

sample_outcome outcome_of(const json& candidate) {
    sample_outcome outcome;
    outcome.problem = string_field(candidate, "problem");
    outcome.correct = is_true(candidate, "correct");
    outcome.speedup = number_field(candidate, "speedup");
    return outcome;
}

// The same candidate judged against its problem's best vendor baseline.
sample_outcome vendor_outcome_of(const json& candidate) {
    sample_outcome outcome = outcome_of(candidate);
    outcome.speedup = number_field(candidate, "vendor_speedup");
    return outcome;
}

json optional_number(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

// The problems among `problems` that have a vendor baseline: fast_p over
// vendor is a fraction of these alone, since a problem no library covers has
// no vendor time to beat.
std::vector<std::string> with_vendor(const std::vector<std::string>& problems,
                                     const std::set<std::string>& vendor_problems) {
    std::vector<std::string> out;
    for (const std::string& problem : problems) {
        if (vendor_problems.count(problem) != 0) out.push_back(problem);
    }
    return out;
}

struct group_input {
    std::vector<const json*> candidates;
};

// fast_p over vendor, beside fast_p over the reference.
void add_vendor_metrics(json& out, const group_input& group, const std::vector<std::string>& vendor_problems,
                        const std::vector<double>& thresholds) {
    std::vector<sample_outcome> samples;
    std::vector<double> correct_speedups;
    std::size_t faster = 0;
    for (const json* candidate : group.candidates) {
        const sample_outcome outcome = vendor_outcome_of(*candidate);
        if (outcome.correct && outcome.speedup) {
            correct_speedups.push_back(*outcome.speedup);
            if (*outcome.speedup > 1.0) ++faster;
        }
        samples.push_back(outcome);
    }
    out["vendor_problems"] = vendor_problems.size();
    out["faster_than_vendor"] = faster;
    json fast = json::object();
    for (const double p : thresholds) fast[threshold_key(p)] = fast_p(samples, vendor_problems, p);
    out["fast_p_over_vendor"] = fast;
    out["geomean_vendor_speedup"] = optional_number(geometric_mean(correct_speedups));
}

json group_metrics(const group_input& group, const std::vector<std::string>& problems,
                   const std::vector<std::string>& vendor_problems, const std::vector<double>& thresholds,
                   const std::vector<std::size_t>& ks, double p_end) {
    std::vector<sample_outcome> samples;
    samples.reserve(group.candidates.size());
    std::size_t compiled = 0;
    std::size_t correct = 0;
    std::size_t timed = 0;
    std::size_t faster = 0;
    std::vector<double> correct_speedups;
    std::map<std::string, std::size_t> per_problem;
    for (const json* candidate : group.candidates) {
        const sample_outcome outcome = outcome_of(*candidate);
        if (is_true(*candidate, "compiled")) ++compiled;
        if (outcome.correct) ++correct;
        if (outcome.speedup) ++timed;
        if (outcome.correct && outcome.speedup) {
            correct_speedups.push_back(*outcome.speedup);
            if (*outcome.speedup > 1.0) ++faster;
        }
        ++per_problem[outcome.problem];
        samples.push_back(outcome);
    }
    std::size_t most_samples = 0;
    for (const auto& [problem, count] : per_problem) most_samples = std::max(most_samples, count);

    json out;
    out["problems"] = problems.size();
    out["candidates"] = group.candidates.size();
    out["compiled"] = compiled;
    out["correct"] = correct;
    out["timed"] = timed;
    out["faster"] = faster;
    out["max_samples_per_problem"] = most_samples;
    json fast = json::object();
    for (const double p : thresholds) fast[threshold_key(p)] = fast_p(samples, problems, p);
    out["fast_p"] = fast;

    std::vector<std::size_t> used_ks;
    for (const std::size_t k : ks) {
        if (k == 1 || k <= most_samples) used_ks.push_back(k);
    }
    // Best of all samples, whatever k the options asked for.
    if (most_samples > 1 && std::find(used_ks.begin(), used_ks.end(), most_samples) == used_ks.end()) {
        used_ks.push_back(most_samples);
    }
    std::sort(used_ks.begin(), used_ks.end());
    json pass = json::object();
    json fast_at_k = json::object();
    for (const std::size_t k : used_ks) pass[std::to_string(k)] = pass_at_k(samples, problems, k);
    for (const double p : {1.0, 2.0}) {
        json by_k = json::object();
        for (const std::size_t k : used_ks) by_k[std::to_string(k)] = fast_p_at_k(samples, problems, p, k);
        fast_at_k[threshold_key(p)] = by_k;
    }
    out["pass_at_k"] = pass;
    out["fast_p_at_k"] = fast_at_k;
    out["geomean_speedup"] = optional_number(geometric_mean(correct_speedups));
    out["geomean_over"] = correct_speedups.size();
    json curve = json::array();
    for (const auto& [p, value] : fast_p_curve(samples, problems, p_end)) curve.push_back({p, value});
    out["fast_p_curve"] = curve;
    add_vendor_metrics(out, group, vendor_problems, thresholds);
    return out;
}

json counts_of(const json& candidates, const json& problems) {
    json counts;
    std::size_t compiled = 0, not_compiled = 0, correct = 0, incorrect = 0, unknown = 0, faster = 0, timed = 0;
    std::map<std::string, std::size_t> statuses;
    for (const json& c : candidates) {
        if (is_true(c, "compiled")) ++compiled;
        if (is_false(c, "compiled")) ++not_compiled;
        if (is_true(c, "correct")) ++correct;
        else if (is_false(c, "correct")) ++incorrect;
        else ++unknown;
        const auto speedup = number_field(c, "speedup");
        if (speedup) ++timed;
        if (speedup && is_true(c, "correct") && *speedup > 1.0) ++faster;
        ++statuses[string_field(c, "status")];
    }
    counts["candidates"] = candidates.size();
    counts["problems"] = problems.size();
    counts["compiled"] = compiled;
    counts["not_compiled"] = not_compiled;
    counts["correct"] = correct;
    counts["incorrect"] = incorrect;
    counts["unknown"] = unknown;
    counts["timed"] = timed;
    counts["faster"] = faster;
    counts["status"] = statuses;
    return counts;
}

// Benches that did not run on a GPU, and why, so that no report passes a
// skipped run off as a result.
json skipped_runs(const json& results) {
    std::size_t benches = 0;
    std::size_t skipped = 0;
    std::size_t on_cpu = 0;
    std::vector<std::string> reasons;
    auto visit = [&](const json& entry) {
        if (!entry.contains("status")) return;
        ++benches;
        if (string_field(entry, "execution") == "cpu") ++on_cpu;
        if (string_field(entry, "status") != "skipped") return;
        ++skipped;
        const std::string reason = string_field(entry, "status_message");
        if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) reasons.push_back(reason);
    };
    for (const json& c : results.value("candidates", json::array())) visit(c);
    for (const json& p : results.value("problems", json::array())) {
        if (p.contains("test") && !p["test"].is_null()) visit(p);
    }
    return {{"benches", benches}, {"skipped", skipped}, {"reasons", reasons}, {"on_cpu", on_cpu}};
}

// `candidates` and `problem_entries` are the results' arrays; the rows point into them.
json per_problem_rows(const json& candidate_list, const json& problem_list, const std::vector<std::string>& problems,
                      const std::map<std::string, int>& levels) {
    std::map<std::string, std::vector<const json*>> by_problem;
    for (const json& c : candidate_list) by_problem[string_field(c, "problem")].push_back(&c);
    std::map<std::string, const json*> problem_entries;
    for (const json& p : problem_list) problem_entries[string_field(p, "problem")] = &p;

    json rows = json::array();
    for (const std::string& problem : problems) {
        json row;
        row["problem"] = problem;
        const auto level = levels.find(problem);
        row["level"] = level == levels.end() ? json(nullptr) : json(level->second);
        json reference_ns = nullptr;
        if (const auto entry = problem_entries.find(problem); entry != problem_entries.end()) {
            const json& reference = entry->second->value("reference", json());
            if (reference.is_object() && reference.contains("median_ns")) reference_ns = reference["median_ns"];
        }
        row["reference_median_ns"] = reference_ns;
        // The best vendor baseline: its time and roofline shares.
        json vendor = nullptr;
        if (const auto entry = problem_entries.find(problem); entry != problem_entries.end()) {
            vendor = entry->second->value("vendor_baseline", json());
        }
        const bool has_vendor = vendor.is_object();
        row["vendor_library"] = has_vendor ? vendor["library"] : json(nullptr);
        row["vendor_median_ns"] = has_vendor ? vendor["median_ns"] : json(nullptr);
        row["vendor_bandwidth_percent_of_measured"] =
            has_vendor ? vendor.value("bandwidth_percent_of_measured", json()) : json(nullptr);
        row["vendor_flops_percent_of_measured"] =
            has_vendor ? vendor.value("flops_percent_of_measured", json()) : json(nullptr);
        row["vendor_speedup_over_reference"] = has_vendor ? vendor.value("speedup", json()) : json(nullptr);
        std::optional<double> best_over_vendor;
        std::size_t compiled = 0, correct = 0, faster = 0;
        std::optional<double> best;
        std::string best_id;
        std::vector<double> speedups;
        const auto& candidates = by_problem[problem];
        for (const json* c : candidates) {
            if (is_true(*c, "compiled")) ++compiled;
            if (!is_true(*c, "correct")) continue;
            ++correct;
            if (const auto over_vendor = number_field(*c, "vendor_speedup")) {
                if (!best_over_vendor || *over_vendor > *best_over_vendor) best_over_vendor = over_vendor;
            }
            const auto speedup = number_field(*c, "speedup");
            if (!speedup) continue;
            speedups.push_back(*speedup);
            if (*speedup > 1.0) ++faster;
            if (!best || *speedup > *best) {
                best = speedup;
                best_id = fmt::format("{}/{}", string_field(*c, "run"), string_field(*c, "sample"));
            }
        }
        row["candidates"] = candidates.size();
        row["compiled"] = compiled;
        row["correct"] = correct;
        row["faster"] = faster;
        row["best_speedup"] = optional_number(best);
        row["best_candidate"] = best ? json(best_id) : json(nullptr);
        row["geomean_speedup"] = optional_number(geometric_mean(speedups));
        row["best_vendor_speedup"] = optional_number(best_over_vendor);
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

std::string model_key(const json& candidate) {
    for (const char* key : {"model", "provider"}) {
        const std::string value = string_field(candidate, key);
        if (!value.empty()) return value;
    }
    return "unknown";
}

std::string threshold_key(double p) { return fmt::format("{}", p); }

json compute_summary(const json& results, const summary_options& options) {
    const json candidates = results.value("candidates", json::array());
    const json problem_entries = results.value("problems", json::array());

    // The problem set: every problem the build knows, with or without a
    // candidate, so that a problem nobody solved counts as a miss.
    std::set<std::string> problem_set;
    std::map<std::string, int> levels;
    auto note_level = [&](const json& entry) {
        const std::string problem = string_field(entry, "problem");
        if (problem.empty()) return;
        problem_set.insert(problem);
        if (const auto level = entry.find("level"); level != entry.end() && level->is_number_integer()) {
            levels.emplace(problem, level->get<int>());
        }
    };
    for (const json& p : problem_entries) note_level(p);
    for (const json& c : candidates) note_level(c);
    const std::vector<std::string> problems(problem_set.begin(), problem_set.end());
    std::set<std::string> vendor_problem_set;
    for (const json& p : problem_entries) {
        if (p.contains("vendor_baseline") && p["vendor_baseline"].is_object()) {
            vendor_problem_set.insert(string_field(p, "problem"));
        }
    }
    const std::vector<std::string> vendor_problems = with_vendor(problems, vendor_problem_set);

    std::vector<double> thresholds(std::begin(kernelbench_thresholds), std::end(kernelbench_thresholds));
    for (const double p : options.extra_thresholds) {
        if (p >= 0.0 && std::find(thresholds.begin(), thresholds.end(), p) == thresholds.end()) thresholds.push_back(p);
    }
    std::sort(thresholds.begin(), thresholds.end());

    // One x range for every curve, so that they can share a plot.
    double p_end = 2.5;
    for (const json& c : candidates) {
        const auto speedup = number_field(c, "speedup");
        if (speedup && is_true(c, "correct") && std::isfinite(*speedup)) p_end = std::max(p_end, *speedup * 1.1);
    }

    group_input all;
    std::map<std::string, group_input> by_run, by_model, by_level;
    for (const json& c : candidates) {
        all.candidates.push_back(&c);
        by_run[string_field(c, "run")].candidates.push_back(&c);
        by_model[model_key(c)].candidates.push_back(&c);
        const auto level = levels.find(string_field(c, "problem"));
        by_level[level == levels.end() ? "unknown" : std::to_string(level->second)].candidates.push_back(&c);
    }

    json summary;
    summary["thresholds"] = thresholds;
    summary["ks"] = options.ks;
    summary["counts"] = counts_of(candidates, problems);
    summary["gpu_runs"] = skipped_runs(results);
    summary["overall"] = group_metrics(all, problems, vendor_problems, thresholds, options.ks, p_end);
    json runs = json::object();
    for (const auto& [run, group] : by_run)
        runs[run] = group_metrics(group, problems, vendor_problems, thresholds, options.ks, p_end);
    summary["by_run"] = runs;
    json models = json::object();
    for (const auto& [model, group] : by_model) {
        models[model] = group_metrics(group, problems, vendor_problems, thresholds, options.ks, p_end);
    }
    summary["by_model"] = models;
    // Per level, the problem set is that level's problems.
    json level_groups = json::object();
    std::set<std::string> level_names;
    for (const auto& [problem, level] : levels) level_names.insert(std::to_string(level));
    for (const auto& [name, group] : by_level) level_names.insert(name);
    for (const std::string& name : level_names) {
        std::vector<std::string> level_problems;
        for (const std::string& problem : problems) {
            const auto level = levels.find(problem);
            const std::string key = level == levels.end() ? "unknown" : std::to_string(level->second);
            if (key == name) level_problems.push_back(problem);
        }
        level_groups[name] =
            group_metrics(by_level[name], level_problems, with_vendor(level_problems, vendor_problem_set), thresholds,
                          options.ks, p_end);
    }
    summary["by_level"] = level_groups;
    summary["per_problem"] = per_problem_rows(candidates, problem_entries, problems, levels);
    return summary;
}

bool has_summary(const json& results) {
    const auto summary = results.find("summary");
    if (summary == results.end() || !summary->is_object()) return false;
    for (const char* key :
         {"thresholds", "ks", "counts", "gpu_runs", "overall", "by_run", "by_model", "by_level", "per_problem"}) {
        if (!summary->contains(key)) return false;
    }
    return true;
}

json with_summary(json results, const summary_options& options) {
    results["summary"] = compute_summary(results, options);
    return results;
}

}  // namespace hipkb::report
