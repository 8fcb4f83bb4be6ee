#include <hipkb/report/expectations.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/manifest.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>

namespace hipkb::report {

namespace {

using json = nlohmann::json;

std::string text_of(const json& record, const char* key) {
    const auto it = record.find(key);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Tri-state field: true, false, or absent/null.
std::optional<bool> flag_of(const json& record, const char* key) {
    const auto it = record.find(key);
    if (it == record.end() || !it->is_boolean()) return std::nullopt;
    return it->get<bool>();
}

std::string failure_text(const json& record) {
    const auto it = record.find("failure");
    if (it == record.end() || !it->is_object()) return text_of(record, "status_message");
    return it->value("message", it->value("kind", std::string()));
}

// What happened to a bench that ran, in expected_verdict's words.
std::string observed_verdict(const json& candidate) {
    if (flag_of(candidate, "compiled") == false) return "compile_error";
    if (flag_of(candidate, "correct") == true) return "correct";
    const std::string status = text_of(candidate, "status");
    if (status != "ok") return status;  // failed, crashed, timeout, skipped, not_built
    return "incorrect";
}

const std::set<std::string>& known_verdicts() {
    static const std::set<std::string> known = {"correct", "faster", "incorrect", "compile_error"};
    return known;
}

void check_reference(const json& problem, expectation_report& out) {
    ++out.references;
    const std::string test = text_of(problem, "test");
    const std::string status = text_of(problem, "status");
    if (status == "not_run") {
        ++out.not_run;
        out.findings.push_back({test, "ran", "not_run", true, "never started (interrupted or out of time)"});
    } else if (status != "ok") {
        out.findings.push_back({test, "ran", status, true, text_of(problem, "status_message")});
    } else if (flag_of(problem, "golden_correct") == false) {
        out.findings.push_back({test, "ran", "golden_mismatch", true, failure_text(problem)});
    }
}

void check_candidate(const json& candidate, const std::string& expected, expectation_report& out) {
    ++out.candidates_checked;
    const std::string test = text_of(candidate, "test");
    if (text_of(candidate, "status") == "not_run") {
        ++out.not_run;
        out.findings.push_back({test, expected, "not_run", true, "never started (interrupted or out of time)"});
        return;
    }
    const std::string observed = observed_verdict(candidate);
    const std::string wanted = expected == "faster" ? "correct" : expected;
    if (observed != wanted) {
        const std::string why = observed == "correct" ? std::string() : failure_text(candidate);
        out.findings.push_back({test, expected, observed, true, why});
        return;
    }
    // "faster" is a claim about speed that only a GPU can test, and one
    // timing can miss it by noise: a note, not a failed check.
    const auto speedup = candidate.find("speedup");
    if (expected == "faster" && speedup != candidate.end() && speedup->is_number() && speedup->get<double>() < 1.0) {
        out.findings.push_back({test, expected, "correct", false,
                                fmt::format("timed at {:.3g}x the reference, not faster", speedup->get<double>())});
    }
}

}  // namespace

int expectation_report::unexpected() const {
    return static_cast<int>(
        std::count_if(findings.begin(), findings.end(), [](const expectation_finding& f) { return f.unexpected; }));
}

expectation_report check_expectations(const json& results, const std::map<std::string, std::string>& expected_by_test) {
    for (const auto& [test, expected] : expected_by_test) {
        if (!known_verdicts().contains(expected)) {
            throw std::invalid_argument(fmt::format(
                "{}: expected_verdict '{}' is not one of correct, faster, incorrect, compile_error", test, expected));
        }
    }
    expectation_report out;
    for (const json& problem : results.value("problems", json::array())) check_reference(problem, out);
    for (const json& candidate : results.value("candidates", json::array())) {
        const auto expected = expected_by_test.find(text_of(candidate, "test"));
        if (expected != expected_by_test.end()) check_candidate(candidate, expected->second, out);
    }
    return out;
}

std::map<std::string, std::string> expected_verdicts(const std::filesystem::path& manifest_file) {
    std::map<std::string, std::string> out;
    for (const bench_entry& bench : load_manifest(manifest_file).benches) {
        if (!bench.metadata) continue;
        json meta;
        try {
            meta = json::parse(read_file(*bench.metadata));
        } catch (const json::parse_error& error) {
            throw std::runtime_error(fmt::format("{}: not valid JSON: {}", bench.metadata->string(), error.what()));
        }
        const auto it = meta.find("expected_verdict");
        if (it == meta.end() || it->is_null()) continue;
        if (!it->is_string()) {
            throw std::runtime_error(
                fmt::format("{}: expected_verdict: expected a string such as \"correct\"", bench.metadata->string()));
        }
        out[bench.test] = it->get<std::string>();
    }
    return out;
}

std::string describe(const expectation_report& report) {
    std::string text;
    for (const expectation_finding& f : report.findings) {
        text += fmt::format("{}: {}: expected {}, got {}{}\n", f.unexpected ? "unexpected" : "note", f.test, f.expected,
                            f.observed, f.detail.empty() ? "" : " (" + f.detail.substr(0, 300) + ")");
    }
    text += fmt::format("{} of {} references and {} candidates with an expected verdict are not as expected",
                        report.unexpected(), report.references, report.candidates_checked);
    if (report.not_run > 0) text += fmt::format(" ({} never started)", report.not_run);
    text += "\n";
    return text;
}

}  // namespace hipkb::report
