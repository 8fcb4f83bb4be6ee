#include "report_tables.hpp"

#include "format.hpp"

#include <hipkb/report/summary.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <optional>

namespace hipkb::report::detail {

namespace {

using json = nlohmann::json;

std::string count(const json& value) { return value.is_number() ? std::to_string(value.get<long long>()) : "-"; }

std::string ratio(const json& part, const json& whole) { return fmt::format("{}/{}", count(part), count(whole)); }

std::string truncate(std::string text, std::size_t limit) {
    for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    if (display_width(text) <= limit) return text;
    std::size_t bytes = 0;
    std::size_t width = 0;
    while (bytes < text.size() && width < limit) {
        ++bytes;
        while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0U) == 0x80U) ++bytes;
        ++width;
    }
    return text.substr(0, bytes) + "...";
}

// The groups of the metrics tables, in reading order.
std::vector<std::pair<std::string, const json*>> groups(const json& summary) {
    std::vector<std::pair<std::string, const json*>> out;
    out.emplace_back("all", &summary["overall"]);
    if (summary["by_model"].size() > 1) {
        for (const auto& [name, group] : summary["by_model"].items()) out.emplace_back("model " + name, &group);
    }
    if (summary["by_run"].size() > 1) {
        for (const auto& [name, group] : summary["by_run"].items()) out.emplace_back("run " + name, &group);
    }
    if (summary["by_level"].size() > 1) {
        for (const auto& [name, group] : summary["by_level"].items()) out.emplace_back("level " + name, &group);
    }
    return out;
}

std::string failure_text(const json& candidate) {
    const json failure = candidate.value("failure", json());
    if (!failure.is_object()) return "";
    const std::string kind = text_of(failure, "kind");
    const std::string message = text_of(failure, "message");
    if (message.empty() || message.rfind(kind, 0) == 0) return message.empty() ? kind : message;
    return kind + ": " + message;
}

// The vendor's share of the measured roofline: the larger of its bandwidth
// and FLOP/s shares, whichever bound it is nearer.
std::string roofline_share(const json& row) {
    std::optional<double> share;
    for (const char* key : {"vendor_bandwidth_percent_of_measured", "vendor_flops_percent_of_measured"}) {
        const json value = row.value(key, json());
        if (value.is_number() && (!share || value.get<double>() > *share)) share = value.get<double>();
    }
    return share ? fmt::format("{:.0f}%", *share) : "-";
}

std::string yes_no(const json& value) {
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    return "?";
}

}  // namespace

report_table metrics_table(const json& results) {
    const json& summary = results["summary"];
    report_table table;
    table.title = "KernelBench metrics";
    table.note =
        "fast_p: share of all problems of the set with a correct candidate whose speedup is > p "
        "(fast_0: correct). With several samples per problem, the mean over samples. Geomean over "
        "correct, timed candidates.";
    table.columns = {{"group", align::left},
                     {"problems", align::right},
                     {"candidates", align::right},
                     {"compiled", align::right},
                     {"correct", align::right}};
    std::vector<std::string> keys;
    for (const json& p : summary["thresholds"]) {
        keys.push_back(threshold_key(p.get<double>()));
        table.columns.push_back({"fast_" + keys.back(), align::right});
    }
    table.columns.push_back({"geomean speedup", align::right});
    for (const auto& [name, group] : groups(summary)) {
        std::vector<std::string> row = {name, count((*group)["problems"]), count((*group)["candidates"]),
                                        count((*group)["compiled"]), count((*group)["correct"])};
        for (const std::string& key : keys) row.push_back(fraction_or_dash((*group)["fast_p"].value(key, json())));
        const json& geomean = (*group)["geomean_speedup"];
        row.push_back(geomean.is_number() ? fmt::format("{} (n={})", format_speedup(geomean.get<double>()),
                                                        count((*group)["geomean_over"]))
                                          : "-");
        table.rows.push_back(std::move(row));
    }
    return table;
}

report_table vendor_metrics_table(const json& results) {
    const json& summary = results["summary"];
    report_table table;
    table.title = "Over the vendor baseline";
    table.note =
        "The same candidates against each problem's fastest correct vendor-library implementation "
        "(cuBLAS, cuDNN, CUB, rocPRIM, ...) instead of the reference: fast_p over vendor is the share of "
        "the problems that have a vendor baseline with a correct candidate whose speedup over it is > p.";
    const json& overall = summary["overall"];
    if (!overall.contains("vendor_problems") || overall["vendor_problems"].get<long long>() == 0) return table;
    table.columns = {{"group", align::left}, {"problems with vendor", align::right}, {"faster", align::right}};
    std::vector<std::string> keys;
    for (const json& p : summary["thresholds"]) {
        keys.push_back(threshold_key(p.get<double>()));
        if (keys.back() == "0") continue;  // fast_0 is correctness, the same as over the reference
        table.columns.push_back({"fast_" + keys.back() + " vs vendor", align::right});
    }
    table.columns.push_back({"geomean vs vendor", align::right});
    for (const auto& [name, group] : groups(summary)) {
        std::vector<std::string> row = {name, count((*group)["vendor_problems"]),
                                        count((*group)["faster_than_vendor"])};
        for (const std::string& key : keys) {
            if (key != "0") row.push_back(fraction_or_dash((*group)["fast_p_over_vendor"].value(key, json())));
        }
        row.push_back(speedup_or_dash((*group)["geomean_vendor_speedup"]));
        table.rows.push_back(std::move(row));
    }
    return table;
}

report_table pass_at_k_table(const json& results) {
    const json& summary = results["summary"];
    report_table table;
    table.title = "pass@k and fast_p@k";
    table.note =
        "Unbiased estimator 1 - C(n-c, k)/C(n, k) per problem, averaged over all problems of the set; "
        "k is shown up to the most samples any problem has.";
    const json& overall = summary["overall"];
    if (overall["max_samples_per_problem"].get<long long>() <= 1) return table;
    std::vector<std::string> ks;
    for (const auto& [k, value] : overall["pass_at_k"].items()) ks.push_back(k);
    std::sort(ks.begin(), ks.end(),
              [](const std::string& a, const std::string& b) { return std::stoul(a) < std::stoul(b); });
    table.columns = {{"group", align::left}, {"samples/problem", align::right}};
    for (const std::string& k : ks) table.columns.push_back({"pass@" + k, align::right});
    for (const char* p : {"1", "2"}) {
        for (const std::string& k : ks) table.columns.push_back({fmt::format("fast_{}@{}", p, k), align::right});
    }
    for (const auto& [name, group] : groups(summary)) {
        std::vector<std::string> row = {name, count((*group)["max_samples_per_problem"])};
        for (const std::string& k : ks) row.push_back(fraction_or_dash((*group)["pass_at_k"].value(k, json())));
        for (const char* p : {"1", "2"}) {
            const json& by_k = (*group)["fast_p_at_k"].value(p, json::object());
            for (const std::string& k : ks) row.push_back(fraction_or_dash(by_k.value(k, json())));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

report_table problems_table(const json& results, std::size_t limit) {
    report_table table;
    table.title = "Problems";
    table.note =
        "Best speedup over the problem's correct candidates; reference time from its reference bench. "
        "vendor: the fastest correct vendor-library baseline, its time, its share of the measured roofline "
        "(the larger of its bandwidth and FLOP/s shares) and the best candidate's speedup over it.";
    table.columns = {{"problem", align::left},        {"level", align::right},        {"reference", align::right},
                     {"candidates", align::right},    {"compiled", align::right},     {"correct", align::right},
                     {"faster", align::right},        {"best speedup", align::right}, {"best candidate", align::left},
                     {"vendor", align::left},         {"vendor time", align::right},  {"vendor roofline", align::right},
                     {"best vs vendor", align::right}};
    for (const json& row : results["summary"]["per_problem"]) {
        if (table.rows.size() >= limit) {
            ++table.omitted;
            continue;
        }
        table.rows.push_back({text_of(row, "problem"), count(row["level"]), time_or_dash(row["reference_median_ns"]),
                              count(row["candidates"]), count(row["compiled"]), count(row["correct"]),
                              count(row["faster"]), speedup_or_dash(row["best_speedup"]),
                              text_of(row, "best_candidate", "-"), text_of(row, "vendor_library", "-"),
                              time_or_dash(row.value("vendor_median_ns", json())), roofline_share(row),
                              speedup_or_dash(row.value("best_vendor_speedup", json()))});
    }
    return table;
}

report_table candidates_table(const json& results, std::size_t limit) {
    report_table table;
    table.title = "Candidates";
    table.note =
        "Median times over the repetitions, both measured in the candidate's executable; speedup = "
        "reference / candidate; (floor) after a speedup: the candidate's time is under 5x the device's "
        "launch floor, mostly launch overhead. % of copy bw: bytes/s against the device-to-device copy "
        "bandwidth measured on the device.";
    table.columns = {{"candidate", align::left},  {"model", align::left},           {"turn", align::right},
                     {"status", align::left},     {"compiled", align::left},        {"correct", align::left},
                     {"reference", align::right}, {"candidate time", align::right}, {"cv", align::right},
                     {"speedup", align::right},   {"vs vendor", align::right},      {"FLOP/s", align::right},
                     {"bytes/s", align::right},   {"% of copy bw", align::right},   {"failure", align::left}};
    for (const json& c : results["candidates"]) {
        if (table.rows.size() >= limit) {
            ++table.omitted;
            continue;
        }
        const json& reference = c["reference"];
        const json& timing = c["candidate"];
        const json flops = c.value("flops_per_second", json());
        const json bytes = c.value("bytes_per_second", json());
        const json share = c.value("bandwidth_percent_of_measured", json());
        table.rows.push_back(
            {text_of(c, "id"), model_key(c), count(c.value("turn", json())), text_of(c, "status"),
             yes_no(c["compiled"]), yes_no(c["correct"]) + (text_of(c, "execution") == "cpu" ? " (cpu)" : ""),
             reference.is_object() ? time_or_dash(reference["median_ns"]) : "-",
             timing.is_object() ? time_or_dash(timing["median_ns"]) : "-",
             timing.is_object() ? fraction_or_dash(timing["cv"]) : "-",
             speedup_or_dash(c["speedup"]) + (c.value("near_launch_floor", json()) == true ? " (floor)" : ""),
             speedup_or_dash(c.value("vendor_speedup", json())),
             flops.is_number() ? format_rate(flops.get<double>()) : "-",
             bytes.is_number() ? format_rate(bytes.get<double>()) + "B" : "-",
             share.is_number() ? fmt::format("{:.0f}%", share.get<double>()) : "-", truncate(failure_text(c), 100)});
    }
    return table;
}

report_table failures_table(const json& results, std::size_t limit) {
    report_table table;
    table.title = "Failures";
    table.note =
        "Candidates that did not compile or gave wrong results, with the first compiler errors or the "
        "first mismatch.";
    table.columns = {{"candidate", align::left}, {"kind", align::left}, {"details", align::left}};
    for (const json& c : results["candidates"]) {
        if (c["correct"] != false) continue;
        if (table.rows.size() >= limit) {
            ++table.omitted;
            continue;
        }
        const json failure = c.value("failure", json());
        std::string details;
        if (c["compiled"] == false) {
            for (const json& line : c["compile_errors"]) {
                if (details.size() > 600) break;
                details += (details.empty() ? "" : " / ") + line.get<std::string>();
            }
        } else {
            details = text_of(failure, "message");
        }
        table.rows.push_back({text_of(c, "id"), text_of(failure, "kind", "-"), truncate(details, 400)});
    }
    return table;
}

report_table machines_table(const json& results) {
    report_table table;
    table.title = "Machines";
    table.columns = {{"id", align::left},     {"platform", align::left},         {"device", align::left},
                     {"driver", align::left}, {"compiler", align::left},         {"GPU targets", align::left},
                     {"host", align::left},   {"benchmark library", align::left}};
    for (const json& m : results["machines"]) {
        table.rows.push_back({text_of(m, "id"), text_of(m, "platform", "-"), text_of(m, "device", "-"),
                              text_of(m, "driver", "-"), text_of(m, "compiler", "-"), text_of(m, "gpu_targets", "-"),
                              text_of(m, "host_name", "-"), text_of(m, "benchmark_library", "-")});
    }
    return table;
}

std::vector<std::string> headline(const json& results) {
    const json& summary = results["summary"];
    const json& counts = summary["counts"];
    const json& overall = summary["overall"];
    std::vector<std::string> lines;
    lines.push_back(fmt::format(
        "{} problems, {} candidates: compiled {}, correct {}, faster than the reference {}.", count(counts["problems"]),
        count(counts["candidates"]), ratio(counts["compiled"], counts["candidates"]),
        ratio(counts["correct"], counts["candidates"]), ratio(counts["faster"], counts["candidates"])));
    const json& geomean = overall["geomean_speedup"];
    lines.push_back(fmt::format(
        "fast_0 (correct) {}, fast_1 {}, fast_2 {}; geometric-mean speedup {}.",
        fraction_or_dash(overall["fast_p"].value("0", json())), fraction_or_dash(overall["fast_p"].value("1", json())),
        fraction_or_dash(overall["fast_p"].value("2", json())),
        geomean.is_number() ? fmt::format("{} over {} correct, timed candidates", format_speedup(geomean.get<double>()),
                                          count(overall["geomean_over"]))
                            : std::string("- (no correct, timed candidate)")));
    return lines;
}

std::vector<std::string> warnings(const json& results) {
    std::vector<std::string> out;
    if (results["candidates"].empty()) {
        out.emplace_back(
            "No candidates in these results, so there is nothing to score (a build without "
            "generated candidates, or Google Benchmark output that is not from hipkb benches).");
    }
    const json& gpu = results["summary"]["gpu_runs"];
    if (gpu.value("on_cpu", 0LL) > 0) {
        out.push_back(
            fmt::format("{} of {} benches ran on the CPU (cpu execution, no usable GPU): their correctness "
                        "verdicts are real, at the specs' test sizes; speedups and fast_p need a GPU.",
                        count(gpu["on_cpu"]), count(gpu["benches"])));
    }
    if (gpu["skipped"].get<long long>() > 0) {
        std::string reasons;
        for (const json& reason : gpu["reasons"]) {
            const std::string text = reason.get<std::string>().empty() ? "no reason given" : reason.get<std::string>();
            reasons += (reasons.empty() ? "" : "; ") + text;
        }
        out.push_back(
            fmt::format("GPU runs skipped for {} of {} benches ({}). Their correctness and speed are unknown, "
                        "not failures: run on a machine with a GPU to measure them.",
                        count(gpu["skipped"]), count(gpu["benches"]), truncate(reasons, 300)));
    }
    std::size_t not_run = 0;
    std::size_t unreadable = 0;
    std::string first_error;
    auto visit = [&](const json& entry) {
        if (text_of(entry, "status") == "not_run" && entry.contains("id")) ++not_run;
        const json errors = entry.value("input_errors", json::array());
        if (!errors.empty()) {
            ++unreadable;
            if (first_error.empty()) first_error = errors[0].get<std::string>();
        }
    };
    for (const json& c : results["candidates"]) visit(c);
    for (const json& p : results["problems"]) visit(p);
    std::size_t imprecise = 0;
    std::string first_imprecise;
    for (const json& c : results["candidates"]) {
        if (c.value("cv_target_met", json()) != false) continue;
        if (imprecise++ == 0) {
            first_imprecise =
                fmt::format("{}, median CV {}", text_of(c, "id"), fraction_or_dash(c.value("median_cv", json())));
        }
    }
    if (imprecise > 0) {
        out.push_back(
            fmt::format("{} candidate bench(es) missed the CV target even after the most repetitions allowed "
                        "(first: {}): their times are noisier than asked; rerun on a quieter machine or "
                        "with a larger --max-repetitions.",
                        imprecise, first_imprecise));
    }
    if (not_run > 0) {
        out.push_back(fmt::format("{} of {} candidates have no results (not run yet, or their output is missing).",
                                  not_run, results["candidates"].size()));
    }
    if (unreadable > 0) {
        out.push_back(
            fmt::format("Result files of {} bench(es) could not be read (see \"input_errors\" in "
                        "report.json); first: {}",
                        unreadable, truncate(first_error, 300)));
    }
    return out;
}

}  // namespace hipkb::report::detail
