// Where bench records come from: the manifest, a scan of a results folder,
// or Google Benchmark files named on the command line.
#include <hipkb/report/results.hpp>

#include <hipkb/report/gbench.hpp>
#include <hipkb/report/input_error.hpp>
#include <hipkb/report/vendor_baselines.hpp>

#include <hipkb/core/json_fields.hpp>
#include <hipkb/core/manifest.hpp>

#include "detail/bench_record.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace hipkb::report {

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

constexpr std::string_view verdict_suffix = ".verdict.json";
constexpr std::string_view run_suffix = ".run.json";
constexpr std::string_view json_suffix = ".json";

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::optional<int> parse_level(const std::string& text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// What a Google Benchmark file's hipkb.* context, a verdict, or the test
// name says about a bench found without a manifest.
void describe_from_files(detail::bench_record& record) {
    std::error_code ignored;
    if (fs::is_regular_file(record.gbench_file, ignored)) {
        try {
            const gbench_file file = read_gbench(record.gbench_file);
            if (auto problem = file.context_string("hipkb.problem")) record.problem = *problem;
            if (auto level = file.context_string("hipkb.level")) record.level = parse_level(*level);
            if (auto run = file.context_string("hipkb.run")) record.run = *run;
            if (auto sample = file.context_string("hipkb.sample")) record.sample = *sample;
        } catch (const std::exception&) {
            // The builder reads the file again and records the error.
        }
    }
    if (record.problem.empty() && fs::is_regular_file(record.verdict_file, ignored)) {
        try {
            const json verdict = read_json_file(record.verdict_file);
            if (verdict.is_object() && verdict.contains("problem") && verdict["problem"].is_string()) {
                record.problem = verdict["problem"].get<std::string>();
            }
        } catch (const std::exception&) {
        }
    }
    // hipkb.bench.<problem>.<run>.<sample> or hipkb.bench.<problem>.reference
    constexpr std::string_view prefix = "hipkb.bench.";
    if (record.test.rfind(prefix, 0) == 0) {
        std::vector<std::string> parts;
        std::string rest = record.test.substr(prefix.size());
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = rest.find('.', start);
            parts.push_back(rest.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        if (record.problem.empty() && !parts.empty()) record.problem = parts[0];
        if (parts.size() == 3 && !record.run) record.run = parts[1];
        if (parts.size() == 3 && !record.sample) record.sample = parts[2];
    }
    if (record.problem.empty()) record.problem = record.test;
    record.kind = record.run && record.sample ? (*record.run == vendor_run_name ? "vendor" : "candidate") : "reference";
}

std::vector<detail::bench_record> scan(const fs::path& dir) {
    std::set<std::string> tests;
    std::error_code error;
    fs::directory_iterator it(dir, error);
    if (error) {
        throw input_error(fmt::format("{}: cannot list the folder: {}", dir.string(), error.message()));
    }
    for (const fs::directory_entry& entry : it) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().filename().string();
        if (ends_with(name, verdict_suffix)) {
            tests.insert(name.substr(0, name.size() - verdict_suffix.size()));
        } else if (ends_with(name, run_suffix)) {
            tests.insert(name.substr(0, name.size() - run_suffix.size()));
        } else if (ends_with(name, json_suffix)) {
            // Only Google Benchmark output: a report.json or results file in
            // the same folder is not a bench.
            try {
                if (is_gbench_json(read_json_file(entry.path(), true))) {
                    tests.insert(name.substr(0, name.size() - json_suffix.size()));
                }
            } catch (const std::exception&) {
                // A broken <test>.json is still a bench; its error is recorded.
                if (name.rfind("hipkb.bench.", 0) == 0) tests.insert(name.substr(0, name.size() - json_suffix.size()));
            }
        }
    }
    std::vector<detail::bench_record> records;
    for (const std::string& test : tests) {
        detail::bench_record record;
        record.test = test;
        detail::set_result_files(record, dir);
        describe_from_files(record);
        records.push_back(std::move(record));
    }
    return records;
}

}  // namespace

json collect_results(const fs::path& manifest_file, const fs::path& results_dir) {
    hipkb::manifest manifest;
    try {
        manifest = hipkb::load_manifest(manifest_file);
    } catch (const std::exception& error) {
        throw input_error(error.what());
    }
    std::vector<detail::bench_record> records;
    records.reserve(manifest.benches.size());
    for (const hipkb::bench_entry& bench : manifest.benches) {
        detail::bench_record record;
        record.test = bench.test;
        record.kind = bench.kind;
        record.problem = bench.problem;
        if (bench.level != 0) record.level = bench.level;
        record.run = bench.run;
        record.sample = bench.sample;
        record.metadata = bench.metadata;
        record.compile_log = bench.compile_log;
        try {
            record.compile_status = hipkb::compile_status(bench);
        } catch (const std::exception&) {
            record.compile_status = "unknown";
        }
        detail::set_result_files(record, results_dir);
        records.push_back(std::move(record));
    }
    detail::build_context context;
    context.manifest = manifest_file;
    context.results_dir = results_dir;
    if (!manifest.platform.empty()) context.platform = manifest.platform;
    if (!manifest.compiler.empty()) context.compiler = manifest.compiler;
    if (!manifest.gpu_targets.empty()) context.gpu_targets = manifest.gpu_targets;
    return detail::build_results(records, context);
}

json collect_results_from_dir(const fs::path& results_dir) {
    detail::build_context context;
    context.results_dir = results_dir;
    return detail::build_results(scan(results_dir), context);
}

json collect_results_from_files(const std::vector<fs::path>& gbench_files) {
    std::vector<detail::bench_record> records;
    std::set<std::string> seen;
    for (const fs::path& file : gbench_files) {
        std::string name = file.filename().string();
        if (!ends_with(name, json_suffix)) {
            throw input_error(fmt::format("{}: expected a .json file", file.string()));
        }
        detail::bench_record record;
        record.test = name.substr(0, name.size() - json_suffix.size());
        if (!seen.insert(record.test).second) {
            throw input_error(fmt::format("{}: a second file for test {}", file.string(), record.test));
        }
        detail::set_result_files(record, file.parent_path());
        record.gbench_file = file;
        describe_from_files(record);
        records.push_back(std::move(record));
    }
    detail::build_context context;
    context.results_dir = gbench_files.empty() ? fs::path{} : gbench_files.front().parent_path();
    return detail::build_results(records, context);
}

}  // namespace hipkb::report
