// The three renderings of a comparison. Text and Markdown show the same
// table; the JSON carries every number.
#include <hipkb/report/compare.hpp>

#include "detail/format.hpp"
#include "detail/text_table.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace hipkb::report {

namespace {

using json = nlohmann::json;
using detail::align;

std::string median_cell(const compared_series& s) { return s.median_ns ? detail::format_time_ns(*s.median_ns) : "-"; }

std::string reps_cell(const benchmark_delta& d) {
    return fmt::format("{} vs {}", d.old_side.samples_ns.size(), d.new_side.samples_ns.size());
}

std::string p_cell(const benchmark_delta& d) { return d.u_test ? detail::format_p_value(d.u_test->p_value) : "-"; }

std::string verdict_cell(const benchmark_delta& d) {
    if (d.correctness_regression) return fmt::format("REGRESSION: {}", d.verdict);
    if (d.slowdown_regression) return fmt::format("REGRESSION: {}", d.verdict);
    return d.verdict;
}

detail::text_table make_table(const comparison& result, bool markdown) {
    detail::text_table table({{"Benchmark", align::left},
                              {"Old", align::right},
                              {"New", align::right},
                              {"Change", align::right},
                              {"p-value", align::right},
                              {"Repetitions", align::right},
                              {"Rule", align::left},
                              {"Verdict", align::left},
                              {"Note", align::left}});
    auto cell = [&](const std::string& text) { return markdown ? detail::markdown_cell(text) : text; };
    for (const benchmark_delta& d : result.deltas) {
        table.add_row({cell(d.name), median_cell(d.old_side), median_cell(d.new_side),
                       d.change ? detail::format_change(*d.change) : "-", p_cell(d), reps_cell(d),
                       d.rule == decision_rule::none ? "-" : to_string(d.rule), cell(verdict_cell(d)), cell(d.note)});
    }
    return table;
}

std::string threshold_text(const comparison& result) {
    return result.options.fail_on_regression_pct ? fmt::format("{}%", *result.options.fail_on_regression_pct)
                                                 : std::string("not set");
}

std::string rules_text(const comparison& result) {
    return fmt::format("U test at alpha {}, or with too few repetitions the median change beyond {} x the old CV",
                       result.options.alpha, noise_cv_factor);
}

std::string verdict_line(const comparison& result) {
    const std::size_t slow = result.slowdown_regressions();
    const std::size_t wrong = result.correctness_regressions();
    if (!result.options.fail_on_regression_pct) {
        return fmt::format(
            "No regression threshold set (--fail-on-regression): informational only. {} significant "
            "slowdowns, {} newly failing.",
            std::count_if(result.deltas.begin(), result.deltas.end(),
                          [](const benchmark_delta& d) { return d.verdict == "slower"; }),
            std::count_if(result.deltas.begin(), result.deltas.end(),
                          [](const benchmark_delta& d) { return d.verdict == "now failing"; }));
    }
    if (slow + wrong == 0) {
        return fmt::format("PASS: no significant slowdown beyond {} ({}) and no newly failing benchmark.",
                           threshold_text(result), rules_text(result));
    }
    return fmt::format("FAIL: {} significant slowdown(s) beyond {} ({}), {} correct benchmark(s) now failing.", slow,
                       threshold_text(result), rules_text(result), wrong);
}

std::string geomean_line(const comparison& result) {
    if (!result.geomean_change) return "Overall geometric-mean change: - (no pair with times on both sides)";
    return fmt::format("Overall geometric-mean change: {} over {} benchmark(s) (negative is faster)",
                       detail::format_change(*result.geomean_change), result.geomean_pairs);
}

std::string join(const std::vector<std::string>& items, std::size_t limit) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < limit; ++i) out += (i ? ", " : "") + items[i];
    if (items.size() > limit) out += fmt::format(", and {} more", items.size() - limit);
    return out;
}

json series_json(const compared_series& s) {
    static const char* names[] = {"ok", "failed", "skipped", "no_time"};
    json out;
    out["state"] = names[static_cast<int>(s.status)];
    out["message"] = s.message;
    out["median_ns"] = s.median_ns ? json(*s.median_ns) : json(nullptr);
    out["repetitions"] = s.samples_ns.size();
    out["cv"] = s.cv ? json(*s.cv) : json(nullptr);
    out["correct"] = s.correct ? json(*s.correct) : json(nullptr);
    return out;
}

}  // namespace

std::string render_comparison_text(const comparison& result) {
    std::string out =
        fmt::format("Comparing {} (old) with {} (new)\n\n", join(result.old_sources, 3), join(result.new_sources, 3));
    for (const std::string& warning : result.warnings) out += fmt::format("WARNING: {}\n", warning);
    if (!result.warnings.empty()) out += "\n";
    out += make_table(result, false).plain();
    out += fmt::format("\n{}\n", geomean_line(result));
    if (!result.only_old.empty()) out += fmt::format("Only in old: {}\n", join(result.only_old, 10));
    if (!result.only_new.empty()) out += fmt::format("Only in new: {}\n", join(result.only_new, 10));
    out += verdict_line(result) + "\n";
    return out;
}

std::string render_comparison_markdown(const comparison& result) {
    std::string out = "## hipkb compare\n\n";
    out += fmt::format("Old: {}  \nNew: {}\n\n", detail::markdown_cell(join(result.old_sources, 3)),
                       detail::markdown_cell(join(result.new_sources, 3)));
    for (const std::string& warning : result.warnings) {
        out += fmt::format("> **Warning:** {}\n\n", detail::markdown_cell(warning));
    }
    out += fmt::format("**{}**\n\n", verdict_line(result));
    out += geomean_line(result) + "\n\n";
    out += make_table(result, true).markdown();
    if (!result.only_old.empty()) {
        out += fmt::format("\nOnly in old: {}\n", detail::markdown_cell(join(result.only_old, 20)));
    }
    if (!result.only_new.empty()) {
        out += fmt::format("\nOnly in new: {}\n", detail::markdown_cell(join(result.only_new, 20)));
    }
    out += fmt::format(
        "\nChange is new/old - 1 of the median time. Rule `u_test`: a two-sided Mann-Whitney U test "
        "over the repetitions, significant below {}. Rule `median_vs_noise` (too few repetitions for "
        "the U test to reach {}): significant when the change exceeds {} x the old side's CV.\n",
        result.options.alpha, result.options.alpha, noise_cv_factor);
    return out;
}

json comparison_to_json(const comparison& result) {
    json out;
    out["schema"] = "hipkb.compare";
    out["schema_version"] = 1;
    out["old"] = result.old_sources;
    out["new"] = result.new_sources;
    out["alpha"] = result.options.alpha;
    out["fail_on_regression_pct"] =
        result.options.fail_on_regression_pct ? json(*result.options.fail_on_regression_pct) : json(nullptr);
    out["noise_cv_factor"] = noise_cv_factor;
    out["warnings"] = result.warnings;
    json rows = json::array();
    for (const benchmark_delta& d : result.deltas) {
        json row;
        row["name"] = d.name;
        row["old"] = series_json(d.old_side);
        row["new"] = series_json(d.new_side);
        row["change"] = d.change ? json(*d.change) : json(nullptr);
        row["p_value"] = d.u_test ? json(d.u_test->p_value) : json(nullptr);
        row["u_test_exact"] = d.u_test ? json(d.u_test->exact) : json(nullptr);
        row["rule"] = d.rule == decision_rule::none ? json(nullptr) : json(to_string(d.rule));
        row["noise_bound"] = d.noise_bound ? json(*d.noise_bound) : json(nullptr);
        row["significant"] = d.significant;
        row["verdict"] = d.verdict;
        row["note"] = d.note;
        row["slowdown_regression"] = d.slowdown_regression;
        row["correctness_regression"] = d.correctness_regression;
        rows.push_back(row);
    }
    out["benchmarks"] = rows;
    out["only_old"] = result.only_old;
    out["only_new"] = result.only_new;
    out["geomean_change"] = result.geomean_change ? json(*result.geomean_change) : json(nullptr);
    out["geomean_pairs"] = result.geomean_pairs;
    out["slowdown_regressions"] = result.slowdown_regressions();
    out["correctness_regressions"] = result.correctness_regressions();
    out["failed"] = result.failed();
    return out;
}

}  // namespace hipkb::report
