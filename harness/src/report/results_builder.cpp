// Turns bench records (a manifest entry or a scanned file, plus whatever
// files the run left) into the results document. Nothing here throws for a
// bad result file: the problem is recorded in the entry's "input_errors" so
// that one broken file never hides the other results.
#include "detail/bench_record.hpp"

#include <hipkb/core/compile_log.hpp>
#include <hipkb/core/failure_kinds.hpp>
#include <hipkb/report/gbench.hpp>
#include <hipkb/report/gbench_series.hpp>
#include <hipkb/report/input_error.hpp>
#include <hipkb/report/results.hpp>
#include <hipkb/report/summary.hpp>
#include <hipkb/report/vendor_baselines.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/json_fields.hpp>

#include "detail/format.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include <unistd.h>

#ifndef HIPKB_REPORT_VERSION
#define HIPKB_REPORT_VERSION "unknown"
#endif

namespace hipkb::report::detail {

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

constexpr std::size_t max_compile_error_lines = 20;
constexpr std::size_t max_line_length = 400;

bool is_file(const fs::path& path) {
    std::error_code ignored;
    return !path.empty() && fs::is_regular_file(path, ignored);
}

std::string local_host_name() {
    char buffer[256] = {};
    if (::gethostname(buffer, sizeof buffer - 1) != 0) return {};
    return buffer;
}

// The files one bench left, read; errors are kept, not thrown.
struct loaded_files {
    std::optional<gbench_file> gbench;
    std::optional<json> verdict;
    std::optional<json> run;
    std::optional<json> metadata;
    std::vector<std::string> errors;
};

std::optional<json> read_object(const fs::path& file, std::vector<std::string>& errors) {
    if (!is_file(file)) return std::nullopt;
    try {
        json document = read_json_file(file);
        if (!document.is_object()) {
            errors.push_back(fmt::format("{}: expected a JSON object, got {}", file.string(), kind_of(document)));
            return std::nullopt;
        }
        return document;
    } catch (const std::exception& error) {
        errors.emplace_back(error.what());
        return std::nullopt;
    }
}

loaded_files load(const bench_record& record) {
    loaded_files files;
    if (is_file(record.gbench_file)) {
        try {
            files.gbench = read_gbench(record.gbench_file);
        } catch (const std::exception& error) {
            files.errors.emplace_back(error.what());
        }
    }
    files.verdict = read_object(record.verdict_file, files.errors);
    files.run = read_object(record.run_file, files.errors);
    if (record.metadata) files.metadata = read_object(*record.metadata, files.errors);
    return files;
}

// Reads an optional typed field; a wrong type becomes an input error.
template <typename Read>
auto field(const json& object, const char* key, const fs::path& file, std::vector<std::string>& errors, Read read)
    -> decltype(read(object, key, json_place{})) {
    try {
        return read(object, key, json_place{file.string(), ""});
    } catch (const input_error& error) {
        errors.emplace_back(error.what());
        return std::nullopt;
    }
}

std::optional<std::string> string_of(const json& o, const char* k, const fs::path& f, std::vector<std::string>& e) {
    return field(o, k, f, e,
                 [](const json& a, const char* b, const json_place& c) { return optional_string(a, b, c); });
}
std::optional<bool> bool_of(const json& o, const char* k, const fs::path& f, std::vector<std::string>& e) {
    return field(o, k, f, e, [](const json& a, const char* b, const json_place& c) { return optional_bool(a, b, c); });
}
std::optional<long long> integer_of(const json& o, const char* k, const fs::path& f, std::vector<std::string>& e) {
    return field(o, k, f, e,
                 [](const json& a, const char* b, const json_place& c) { return optional_integer(a, b, c); });
}
std::optional<double> number_of(const json& o, const char* k, const fs::path& f, std::vector<std::string>& e) {
    return field(o, k, f, e,
                 [](const json& a, const char* b, const json_place& c) { return optional_number(a, b, c); });
}

// The run's seed secret (hipkb/core/seed_secret.hpp): the verdict's, else
// the driver's run record's; null when neither says (files from before
// secrets, or a bench that never ran).
json seed_secret_of(const loaded_files& files, const bench_record& record, std::vector<std::string>& errors) {
    const std::pair<const std::optional<json>*, const fs::path*> sources[] = {{&files.verdict, &record.verdict_file},
                                                                              {&files.run, &record.run_file}};
    for (const auto& [file, path] : sources) {
        if (!*file || !(*file)->contains("seed_secret")) continue;
        const json& value = (**file)["seed_secret"];
        if (value.is_number_unsigned()) return value;
        errors.push_back(
            fmt::format("{}: seed_secret: expected an unsigned 64-bit integer, got {}", path->string(), value.dump()));
    }
    return nullptr;
}

// The first compiler errors (hipkb/core/compile_log.hpp), each line shortened
// and made valid UTF-8 for the JSON.
std::vector<std::string> first_errors(const std::string& log) {
    std::vector<std::string> lines = first_compile_errors(log, max_compile_error_lines);
    for (std::string& line : lines) {
        if (line.size() > max_line_length) line = line.substr(0, max_line_length) + " ...";
        line = valid_utf8(line);
    }
    return lines;
}

// "mismatch: output y ..." -> kind "mismatch"; free text -> "error".
json failure_from_message(const std::string& message, const char* fallback_kind) {
    // Messages start "<kind>: ..." with a kind from hipkb/core/failure_kinds.hpp;
    // any other prefix is not a kind.
    std::string kind = fallback_kind;
    const std::size_t colon = message.find(':');
    if (colon != std::string::npos && find_failure_kind(std::string_view(message).substr(0, colon)) != nullptr) {
        kind = message.substr(0, colon);
    }
    return {{"kind", kind}, {"message", message}};
}

json timing_of(const gbench_series& series) {
    json timing;
    timing["benchmark"] = series.name;
    const auto median = series.median_ns();
    timing["median_ns"] = median ? json(*median) : json(nullptr);
    const auto cv = series.cv();
    timing["cv"] = cv ? json(*cv) : json(nullptr);
    timing["repetitions"] = series.real_ns.size();
    timing["samples_ns"] = series.real_ns;
    if (!series.real_ns.empty()) {
        timing["min_ns"] = *std::min_element(series.real_ns.begin(), series.real_ns.end());
        timing["max_ns"] = *std::max_element(series.real_ns.begin(), series.real_ns.end());
    } else {
        timing["min_ns"] = nullptr;
        timing["max_ns"] = nullptr;
    }
    return timing;
}

bool has_median(const json& timing) {
    return timing.is_object() && timing.contains("median_ns") && timing["median_ns"].is_number() &&
           timing["median_ns"].get<double>() > 0.0;
}

// The series of a candidate executable: "<problem>/reference" and
// "<problem>/<run>/<sample>", matched on the name without Google
// Benchmark's "/repeats:N/manual_time" options.
struct bench_series {
    const gbench_series* reference = nullptr;
    const gbench_series* candidate = nullptr;
};

bench_series find_series(const std::vector<gbench_series>& all, const bench_record& record) {
    bench_series found;
    const std::string reference_name = record.problem + "/reference";
    const std::string candidate_name =
        fmt::format("{}/{}/{}", record.problem, record.run.value_or(""), record.sample.value_or(""));
    for (const gbench_series& series : all) {
        const std::string base = strip_benchmark_options(series.name);
        if (base == reference_name && found.reference == nullptr) found.reference = &series;
        if (base == candidate_name && found.candidate == nullptr) found.candidate = &series;
    }
    // A bench whose names differ from the convention: the one series that is
    // not the reference is the candidate.
    if (record.kind != "reference" && found.candidate == nullptr) {
        for (const gbench_series& series : all) {
            if (&series != found.reference && (series.has_time() || series.error_occurred || series.skipped)) {
                found.candidate = &series;
                break;
            }
        }
    }
    return found;
}

// Machines, deduplicated: one entry per distinct context.
class machine_registry {
public:
    explicit machine_registry(const build_context& context) : m_context(context), m_host(local_host_name()) {}

    std::string id_for(const gbench_file* file) {
        json machine;
        machine["platform"] = optional_text(file, "hipkb.platform", m_context.platform);
        machine["device"] = optional_text(file, "hipkb.device", std::nullopt);
        machine["architecture"] = optional_text(file, "hipkb.architecture", std::nullopt);
        machine["driver"] = optional_text(file, "hipkb.driver_version", std::nullopt);
        machine["runtime"] = optional_text(file, "hipkb.runtime_version", std::nullopt);
        machine["warp_size"] = optional_text(file, "hipkb.warp_size", std::nullopt);
        machine["compiler"] = m_context.compiler ? json(*m_context.compiler) : json(nullptr);
        machine["gpu_targets"] = m_context.gpu_targets ? json(*m_context.gpu_targets) : json(nullptr);
        machine["host_name"] = optional_text(file, "host_name", m_host.empty() ? std::nullopt : std::optional(m_host));
        machine["num_cpus"] =
            file != nullptr && file->context.contains("num_cpus") ? file->context["num_cpus"] : json(nullptr);
        machine["benchmark_library"] = optional_text(file, "library_version", std::nullopt);
        if (file == nullptr) {
            // A bench that left no Google Benchmark output (skipped, crashed)
            // ran where the others did: reuse a machine of its platform, if
            // any (build_results registers those first).
            for (const json& known : m_machines) {
                if (known["platform"] == machine["platform"]) return known["id"].get<std::string>();
            }
        }
        const std::string key = machine.dump();
        if (const auto found = m_keys.find(key); found != m_keys.end()) return found->second;
        const std::string id = fmt::format("m{}", m_machines.size() + 1);
        machine["id"] = id;
        m_machines.push_back(machine);
        m_keys.emplace(key, id);
        return id;
    }

    [[nodiscard]] json machines() const { return m_machines; }

private:
    static json optional_text(const gbench_file* file, const char* key, const std::optional<std::string>& fallback) {
        if (file != nullptr) {
            if (auto value = file->context_string(key)) return *value;
            if (const auto found = file->context.find(key); found != file->context.end() && found->is_number()) {
                return found->dump();
            }
        }
        return fallback ? json(*fallback) : json(nullptr);
    }

    const build_context& m_context;
    std::string m_host;
    json m_machines = json::array();
    std::map<std::string, std::string> m_keys;
};

// status and its message from <test>.run.json, else from what exists.
void set_status(json& entry, const bench_record& record, const loaded_files& files, std::vector<std::string>& errors) {
    entry["status"] = "not_run";
    entry["status_message"] = "";
    entry["exit_code"] = nullptr;
    entry["wall_seconds"] = nullptr;
    if (files.run) {
        const auto status = string_of(*files.run, "status", record.run_file, errors);
        static const std::vector<std::string> known = {"ok", "skipped", "timeout", "crashed", "failed"};
        if (status && std::find(known.begin(), known.end(), *status) != known.end()) {
            entry["status"] = *status;
        } else if (status) {
            errors.push_back(
                fmt::format("{}: status: expected one of ok, skipped, timeout, crashed, failed, got \"{}\"",
                            record.run_file.string(), *status));
            entry["status"] = "failed";
        }
        entry["status_message"] = string_of(*files.run, "message", record.run_file, errors).value_or("");
        if (const auto code = integer_of(*files.run, "exit_code", record.run_file, errors)) entry["exit_code"] = *code;
        if (const auto wall = number_of(*files.run, "wall_seconds", record.run_file, errors))
            entry["wall_seconds"] = *wall;
        // Written by the driver when it chose the repetitions (docs/build-outputs.md).
        if (const auto met = bool_of(*files.run, "cv_target_met", record.run_file, errors)) {
            entry["cv_target_met"] = *met;
            if (const auto cv = number_of(*files.run, "median_cv", record.run_file, errors)) entry["median_cv"] = *cv;
        }
        if (const auto signal = integer_of(*files.run, "signal", record.run_file, errors)) {
            if (entry["status_message"].get<std::string>().empty()) {
                entry["status_message"] = fmt::format("killed by signal {}", *signal);
            }
        }
    } else if (files.gbench || files.verdict) {
        entry["status"] = "ok";
    }
}

// Where the bench ran: the verdict says (gpu, cpu or host); null when unknown.
json execution_of(const loaded_files& files) {
    if (files.verdict && files.verdict->contains("execution") && (*files.verdict)["execution"].is_string()) {
        return (*files.verdict)["execution"];
    }
    return nullptr;
}

json reference_problem_entry(const bench_record& record, const loaded_files& files, machine_registry& machines,
                             std::vector<std::string>& errors) {
    json entry;
    entry["problem"] = record.problem;
    entry["level"] = record.level ? json(*record.level) : json(nullptr);
    entry["test"] = record.test;
    set_status(entry, record, files, errors);
    entry["machine"] = machines.id_for(files.gbench ? &*files.gbench : nullptr);
    entry["golden_correct"] = nullptr;
    entry["failure"] = nullptr;
    entry["reference"] = nullptr;
    entry["execution"] = execution_of(files);
    if (files.verdict) {
        const auto golden = files.verdict->find("golden_check");
        if (golden != files.verdict->end() && golden->is_object()) {
            if (const auto ok = bool_of(*golden, "correct", record.verdict_file, errors)) entry["golden_correct"] = *ok;
        }
        const auto failure = files.verdict->find("failure");
        if (failure != files.verdict->end() && failure->is_object()) entry["failure"] = *failure;
    }
    if (files.gbench) {
        const std::vector<gbench_series> all = group_series(*files.gbench);
        const bench_series found = find_series(all, record);
        if (found.reference != nullptr) {
            entry["reference"] = timing_of(*found.reference);
            if (found.reference->error_occurred && entry["failure"].is_null()) {
                entry["failure"] = failure_from_message(found.reference->error_message, "error");
            }
        }
    }
    return entry;
}

json candidate_entry(const bench_record& record, const loaded_files& files, machine_registry& machines,
                     std::vector<std::string>& errors) {
    json entry;
    entry["id"] = fmt::format("{}/{}/{}", record.problem, record.run.value_or(""), record.sample.value_or(""));
    entry["test"] = record.test;
    entry["problem"] = record.problem;
    entry["level"] = record.level ? json(*record.level) : json(nullptr);
    entry["run"] = record.run.value_or("");
    entry["sample"] = record.sample.value_or("");
    entry["machine"] = machines.id_for(files.gbench ? &*files.gbench : nullptr);

    // Who wrote it: the <sample>.json metadata beside the source.
    entry["model"] = nullptr;
    entry["provider"] = nullptr;
    entry["turn"] = nullptr;
    entry["parent"] = nullptr;
    if (files.metadata && record.metadata) {
        const fs::path& file = *record.metadata;
        if (auto model = string_of(*files.metadata, "model", file, errors)) entry["model"] = *model;
        if (auto provider = string_of(*files.metadata, "provider", file, errors)) entry["provider"] = *provider;
        if (auto turn = integer_of(*files.metadata, "turn", file, errors)) entry["turn"] = *turn;
        if (auto parent = string_of(*files.metadata, "parent", file, errors)) entry["parent"] = *parent;
    }
    set_status(entry, record, files, errors);
    entry["seed_secret"] = seed_secret_of(files, record, errors);

    // Compiled: the compile guard's status file is the ground truth.
    json compiled = nullptr;
    std::vector<std::string> compile_errors;
    if (files.verdict) {
        if (const auto c = bool_of(*files.verdict, "compiled", record.verdict_file, errors)) compiled = *c;
        if (const auto text = string_of(*files.verdict, "compile_errors", record.verdict_file, errors)) {
            compile_errors = first_errors(*text);
        }
    }
    if (record.compile_status == "failed") {
        compiled = false;
        if (record.compile_log && is_file(*record.compile_log)) {
            try {
                compile_errors = first_errors(hipkb::read_file(*record.compile_log));
            } catch (const std::exception& error) {
                errors.emplace_back(error.what());
            }
        }
    } else if (record.compile_status == "compiled") {
        compiled = true;
    } else if (compiled.is_null() && (files.gbench || files.verdict)) {
        compiled = true;  // it ran, so it was built
    }
    if (compiled == false && compile_errors.empty()) {
        compile_errors.push_back(record.compile_log
                                     ? fmt::format("(no compiler output in {})", record.compile_log->string())
                                     : "(no compiler output recorded)");
    }
    entry["compiled"] = compiled;
    entry["compile_errors"] = compile_errors;

    // Timings, from the candidate executable's own Google Benchmark output.
    entry["reference"] = nullptr;
    entry["reference_source"] = nullptr;
    entry["candidate"] = nullptr;
    entry["flops_per_second"] = nullptr;
    entry["bytes_per_second"] = nullptr;
    entry["bandwidth_percent_of_measured"] = nullptr;
    entry["flops_percent_of_measured"] = nullptr;
    const gbench_series* candidate_series = nullptr;
    std::vector<gbench_series> all;
    if (files.gbench) {
        all = group_series(*files.gbench);
        const bench_series found = find_series(all, record);
        candidate_series = found.candidate;
        if (found.reference != nullptr && found.reference->has_time()) {
            entry["reference"] = timing_of(*found.reference);
            entry["reference_source"] = "same_executable";
        }
        if (candidate_series != nullptr && candidate_series->has_time()) {
            entry["candidate"] = timing_of(*candidate_series);
            if (auto flops = candidate_series->counter("FLOP/s")) entry["flops_per_second"] = *flops;
            auto bytes = candidate_series->counter("bytes/s");
            if (!bytes) bytes = candidate_series->counter("bytes_per_second");
            if (bytes) entry["bytes_per_second"] = *bytes;
            if (auto share = candidate_series->counter("bandwidth_%_of_measured")) {
                entry["bandwidth_percent_of_measured"] = *share;
            }
            if (auto share = candidate_series->counter("flops_%_of_measured")) {
                entry["flops_percent_of_measured"] = *share;
            }
        }
    }

    // Correct: the verdict when there is one, and never when the benchmark
    // itself reported a failure (e.g. the re-check after timing).
    json correct = nullptr;
    json failure = nullptr;
    entry["launch_floor_ns"] = nullptr;
    if (files.verdict) {
        if (const auto floor = number_of(*files.verdict, "launch_floor_seconds", record.verdict_file, errors)) {
            entry["launch_floor_ns"] = *floor * 1e9;
        }
        if (const auto c = bool_of(*files.verdict, "correct", record.verdict_file, errors)) correct = *c;
        const auto f = files.verdict->find("failure");
        if (f != files.verdict->end() && f->is_object()) failure = *f;
    }
    if (candidate_series != nullptr && candidate_series->error_occurred) {
        correct = false;
        if (failure.is_null()) failure = failure_from_message(candidate_series->error_message, "error");
    } else if (correct.is_null() && candidate_series != nullptr && !candidate_series->skipped &&
               !candidate_series->real_ns.empty()) {
        // No verdict file: a bench main only times a candidate that passed
        // its checks, so timings imply correctness.
        correct = true;
    }
    const std::string status = entry["status"].get<std::string>();
    if (correct.is_null() && (status == "crashed" || status == "timeout" || status == "failed")) {
        correct = false;
        failure = {{"kind", status}, {"message", entry["status_message"]}};
    }
    if (compiled == false) {
        correct = false;
        if (failure.is_null()) {
            failure = {{"kind", "compile_error"},
                       {"message", compile_errors.empty() ? std::string("compile error") : compile_errors.front()}};
        }
    }
    entry["correct"] = correct;
    entry["failure"] = failure;
    entry["speedup"] = nullptr;
    entry["execution"] = execution_of(files);
    if (entry["execution"] == "cpu") {
        entry["speedup_unavailable"] = "cpu execution: correctness only, checked on the CPU; a speedup needs a GPU";
    }
    return entry;
}

// Candidate times below this many launch floors are flagged.
constexpr double near_launch_floor_factor = 5.0;

// The speedup, once every problem's baseline reference time is known.
void set_speedup(json& candidate, const std::map<std::string, json>& baselines) {
    if (!has_median(candidate["reference"])) {
        const auto baseline = baselines.find(candidate["problem"].get<std::string>());
        if (baseline != baselines.end() && has_median(baseline->second)) {
            candidate["reference"] = baseline->second;
            candidate["reference_source"] = "reference_executable";
        }
    }
    if (has_median(candidate["reference"]) && has_median(candidate["candidate"])) {
        candidate["speedup"] =
            candidate["reference"]["median_ns"].get<double>() / candidate["candidate"]["median_ns"].get<double>();
    }
    // A time within a few launch floors is mostly launch overhead: its
    // speedup says little about the kernel.
    candidate["near_launch_floor"] = nullptr;
    const json& floor = candidate["launch_floor_ns"];
    if (floor.is_number() && floor.get<double>() > 0 && has_median(candidate["candidate"])) {
        candidate["near_launch_floor"] =
            candidate["candidate"]["median_ns"].get<double>() < near_launch_floor_factor * floor.get<double>();
    }
}

// A vendor bench is measured exactly like a candidate; its entry keeps the
// same fields, less the authorship ones, with the library's time under "vendor".
json vendor_entry(json entry) {
    entry["library"] = entry["sample"];
    entry["vendor"] = std::move(entry["candidate"]);
    for (const char* key : {"candidate", "run", "sample", "model", "provider", "turn", "parent"}) entry.erase(key);
    entry["id"] = vendor_id(entry);
    return entry;
}

}  // namespace

void set_result_files(bench_record& record, const fs::path& results_dir) {
    record.gbench_file = results_dir / (record.test + ".json");
    record.verdict_file = results_dir / (record.test + ".verdict.json");
    record.run_file = results_dir / (record.test + ".run.json");
}

json build_results(const std::vector<bench_record>& records, const build_context& context) {
    machine_registry machines(context);
    std::vector<loaded_files> loaded;
    loaded.reserve(records.size());
    for (const bench_record& record : records) {
        loaded.push_back(load(record));
        if (loaded.back().gbench) (void)machines.id_for(&*loaded.back().gbench);
    }
    std::map<std::string, json> problems;  // by name
    std::map<std::string, json> baselines;
    json candidates = json::array();
    json vendors = json::array();

    // References first, so that candidates can fall back on their times.
    for (std::size_t i = 0; i < records.size(); ++i) {
        const bench_record& record = records[i];
        if (record.kind != "reference") continue;
        std::vector<std::string> errors = loaded[i].errors;
        json entry = reference_problem_entry(record, loaded[i], machines, errors);
        entry["input_errors"] = errors;
        if (entry["reference"].is_object()) baselines[record.problem] = entry["reference"];
        problems[record.problem] = entry;
    }
    for (std::size_t i = 0; i < records.size(); ++i) {
        const bench_record& record = records[i];
        if (record.kind == "reference") continue;
        std::vector<std::string> errors = loaded[i].errors;
        json entry = candidate_entry(record, loaded[i], machines, errors);
        entry["input_errors"] = errors;
        set_speedup(entry, baselines);
        if (record.kind == "vendor") {
            vendors.push_back(vendor_entry(std::move(entry)));
            continue;
        }
        if (problems.count(record.problem) == 0) {
            // A problem whose reference bench is not in this build (or shard).
            problems[record.problem] = {{"problem", record.problem},
                                        {"level", entry["level"]},
                                        {"test", nullptr},
                                        {"status", "not_run"},
                                        {"status_message", "no reference bench"},
                                        {"exit_code", nullptr},
                                        {"wall_seconds", nullptr},
                                        {"machine", nullptr},
                                        {"golden_correct", nullptr},
                                        {"failure", nullptr},
                                        {"reference", nullptr},
                                        {"input_errors", json::array()}};
        }
        candidates.push_back(std::move(entry));
    }

    json problem_list = json::array();
    for (auto& [name, entry] : problems) problem_list.push_back(std::move(entry));
    auto level_of = [](const json& entry) {
        return entry["level"].is_number_integer() ? entry["level"].get<int>() : 1 << 20;
    };
    std::stable_sort(problem_list.begin(), problem_list.end(),
                     [&](const json& a, const json& b) { return level_of(a) < level_of(b); });
    const auto by_id = [](const json& a, const json& b) {
        return a["id"].get<std::string>() < b["id"].get<std::string>();
    };
    std::stable_sort(candidates.begin(), candidates.end(), by_id);
    std::stable_sort(vendors.begin(), vendors.end(), by_id);

    json results;
    results["schema"] = results_schema_name;
    results["schema_version"] = results_schema_version;
    results["generator"] = fmt::format("hipkb {}", HIPKB_REPORT_VERSION);
    results["created"] = utc_now();
    json source;
    source["manifest"] = context.manifest ? json(context.manifest->string()) : json(nullptr);
    source["results_dir"] = context.results_dir.string();
    results["sources"] = json::array({source});
    results["machines"] = machines.machines();
    results["problems"] = problem_list;
    results["candidates"] = candidates;
    results["vendors"] = vendors;
    apply_vendor_baselines(results);
    return with_summary(std::move(results));
}

}  // namespace hipkb::report::detail
