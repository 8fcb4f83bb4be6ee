#include <hipkb/run/child_report.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/report_channel.hpp>

#include <fmt/core.h>

#include <optional>
#include <vector>

namespace hipkb {

namespace {

using json = nlohmann::json;

// The last message of `kind`: the bench sends its verdict again whenever it
// changes.
std::optional<std::string> last_message(const report_stream& stream, std::string_view kind) {
    std::optional<std::string> found;
    for (const report_message& message : stream.messages) {
        if (message.kind == kind) found = message.body;
    }
    return found;
}

std::optional<json> parse_object(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    json parsed = json::parse(*text, nullptr, false);
    if (!parsed.is_object()) return std::nullopt;
    return parsed;
}

// A test name without its "hipkb.bench." or "hipkb.cpu." prefix: a
// bench's cpu-execution twin calls itself hipkb.cpu.<...> in its verdict.
std::string_view without_platform_prefix(std::string_view test) {
    for (const std::string_view prefix : {"hipkb.bench.", "hipkb.cpu."}) {
        if (test.substr(0, prefix.size()) == prefix) return test.substr(prefix.size());
    }
    return test;
}

bool is_reference_row(const json& row, const std::string& problem) {
    const std::string name = row.value("run_name", row.value("name", ""));
    const std::string reference = problem + "/reference";
    return name == reference || name.rfind(reference + "/", 0) == 0;
}

// Whether the candidate's rows in a Google Benchmark document say it failed
// (every one an error) or was timed (an aggregate without error); nullopt
// when it has no rows (a reference bench, or nothing timed).
std::optional<bool> candidate_rows_failed(const json& benchmark, const std::string& problem) {
    std::optional<bool> failed;
    for (const json& row : benchmark.value("benchmarks", json::array())) {
        if (is_reference_row(row, problem)) continue;
        const bool error = row.value("error_occurred", false);
        failed = failed.value_or(true) && error;
    }
    return failed;
}

// The candidate's rows turned into errors naming the failure, aggregates
// dropped, as the bench itself reports a failed candidate.
void mark_candidate_failed(json& benchmark, const std::string& problem, const std::string& message) {
    json kept = json::array();
    for (json row : benchmark.value("benchmarks", json::array())) {
        if (!is_reference_row(row, problem)) {
            if (row.value("run_type", "") == "aggregate") continue;
            row["error_occurred"] = true;
            row["error_message"] = message;
        }
        kept.push_back(std::move(row));
    }
    benchmark["benchmarks"] = std::move(kept);
}

}  // namespace

child_files child_files_for(const std::filesystem::path& results, const std::string& test) {
    return {results / (test + ".verdict.json"), results / (test + ".json"), results / (test + ".child.json")};
}

void clear_child_files(const child_files& files) {
    std::error_code ignored;
    for (const auto* path : {&files.verdict, &files.benchmark, &files.child_benchmark}) {
        std::filesystem::remove(*path, ignored);
    }
}

json record_child_report(const bench_entry& bench, const child_files& files, const process_result& result,
                         const std::string& status) {
    std::vector<std::string> problems;
    std::error_code ignored;
    for (const auto* path : {&files.verdict, &files.benchmark}) {
        if (std::filesystem::exists(*path, ignored)) {
            problems.push_back(fmt::format("the bench process wrote {}, which only the driver writes", path->string()));
        }
    }
    const report_stream stream = parse_reports(result.report);
    if (!stream.error.empty()) problems.push_back("its report channel was written to by someone else: " + stream.error);
    const std::optional<std::string> verdict_text = last_message(stream, "verdict");
    const std::optional<std::string> benchmark_text = last_message(stream, "benchmark");
    std::optional<json> verdict = parse_object(verdict_text);
    std::optional<json> benchmark = parse_object(benchmark_text);
    if (verdict_text && !verdict) problems.push_back("the verdict it reported is not a JSON object");
    if (benchmark_text && !benchmark) problems.push_back("the benchmark JSON it reported is not a JSON object");
    if (verdict && without_platform_prefix(verdict->value("test", bench.test)) != without_platform_prefix(bench.test)) {
        problems.push_back(
            fmt::format("it reported a verdict for '{}', not for '{}'", verdict->value("test", ""), bench.test));
    }
    if (verdict && benchmark && bench.kind == "candidate") {
        const std::optional<bool> rows_failed = candidate_rows_failed(*benchmark, bench.problem);
        const bool verdict_failed = verdict->value("failure", json()).is_object();
        if (rows_failed && *rows_failed != verdict_failed) {
            problems.push_back(fmt::format("its verdict says the candidate {} but its benchmark JSON says it {}",
                                           verdict_failed ? "failed" : "passed",
                                           *rows_failed ? "failed" : "was timed"));
        }
    }
    std::string tampered_message;
    for (const std::string& problem : problems) {
        tampered_message += (tampered_message.empty() ? "results_tampered: " : "; ") + problem;
    }

    if (!verdict && !problems.empty()) {
        // Nothing trustworthy arrived, but the process did something only a
        // tampering one does: the verdict says so.
        verdict = json{{"schema_version", 1}, {"test", bench.test}, {"problem", bench.problem}, {"kind", bench.kind},
                       {"compiled", true},    {"correct", false},   {"failure", nullptr},       {"timed", false}};
    }
    if (verdict) {
        if (!problems.empty()) {
            (*verdict)["correct"] = false;
            (*verdict)["failure"] = {{"kind", "results_tampered"}, {"message", tampered_message}};
        } else if (status != "ok" && verdict->value("correct", false)) {
            // The process said correct, then did not end well: a verdict it
            // sent before dying (or was killed) is not the last word.
            (*verdict)["correct"] = false;
        }
        (*verdict)["written_by"] = "driver";
        (*verdict)["process_status"] = status;
        write_file_atomically(files.verdict, verdict->dump(2) + "\n");
    }
    if (benchmark) {
        if (!problems.empty()) mark_candidate_failed(*benchmark, bench.problem, tampered_message);
        write_file_atomically(files.benchmark, benchmark->dump(2) + "\n");
    }
    std::filesystem::remove(files.child_benchmark, ignored);
    json record = {{"messages", stream.messages.size()},
                   {"verdict", verdict.has_value()},
                   {"benchmark", benchmark.has_value()},
                   {"problems", problems}};
    return record;
}

}  // namespace hipkb
