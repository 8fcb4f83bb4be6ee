#pragma once
// Reading Google Benchmark JSON output of any library version: the 2016
// format without run_type, 1.4+ with run_name/run_type/aggregate_name, 1.6+
// with family_index and aggregate_unit, and 1.8+ with skipped benchmarks.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb::report {

enum class gbench_run_type {
    iteration,    // one repetition's measurement
    aggregate,    // mean, median, stddev, cv, BigO, RMS or a user statistic
    unspecified,  // written before run_type existed (treated like iteration)
};

// One entry of the "benchmarks" array.
struct gbench_row {
    std::size_t index = 0;  // position in the array, for messages
    std::string name;
    std::string run_name;  // "run_name", or the name less an aggregate suffix
    gbench_run_type run_type = gbench_run_type::unspecified;
    std::string aggregate_name;  // "mean", "median", "stddev", "cv", "BigO", "RMS", ... or empty
    std::string aggregate_unit;  // "time", "percentage" or empty
    std::optional<long long> family_index;
    std::optional<long long> repetitions;
    std::optional<long long> repetition_index;
    std::optional<long long> threads;
    std::optional<double> iterations;
    std::optional<double> real_time;  // as written, in time_unit
    std::optional<double> cpu_time;
    std::string time_unit;  // "ns", "us", "ms", "s", or empty (RMS rows)
    double ns_per_unit = 1.0;
    bool error_occurred = false;  // SkipWithError
    std::string error_message;
    bool skipped = false;  // SkipWithMessage (1.8+)
    std::string skip_message;
    std::string label;
    std::string big_o;  // complexity rows
    std::optional<double> rms;
    // User counters and the built-in rates (bytes_per_second, items_per_second).
    std::map<std::string, double> counters;

    // True for rows whose times are a ratio, not a duration (cv, and any
    // aggregate with aggregate_unit "percentage").
    [[nodiscard]] bool is_ratio() const;
    // Times in nanoseconds; nullopt when absent, non-finite, or a ratio.
    [[nodiscard]] std::optional<double> real_time_ns() const;
    [[nodiscard]] std::optional<double> cpu_time_ns() const;
    // A measurement of one repetition (iteration rows, and rows of the old
    // format that carry a time), as opposed to a statistic over them.
    [[nodiscard]] bool is_measurement() const;
};

struct gbench_file {
    std::string source;      // the file name, for messages
    nlohmann::json context;  // the "context" object as written (empty object if absent)
    std::vector<gbench_row> rows;

    // A string entry of the context (e.g. "hipkb.device"); nullopt if absent.
    [[nodiscard]] std::optional<std::string> context_string(std::string_view key) const;
};

// True when `document` looks like Google Benchmark output (an object with a
// "benchmarks" array).
[[nodiscard]] bool is_gbench_json(const nlohmann::json& document);

// Interprets a parsed document. Throws input_error naming `source` and the
// place ("benchmarks[3].time_unit") on a field of the wrong type or value.
[[nodiscard]] gbench_file parse_gbench(const nlohmann::json& document, const std::string& source);

// Reads a file; syntax errors name file:line:column.
[[nodiscard]] gbench_file read_gbench(const std::filesystem::path& file);

// Nanoseconds per unit for "ns", "us", "ms", "s"; nullopt for anything else.
[[nodiscard]] std::optional<double> ns_per_time_unit(std::string_view unit);

// A benchmark name without the options Google Benchmark appends to it
// ("/repeats:5", "/manual_time", "/min_time:0.1", "/iterations:10",
// "/threads:2", "/real_time", "/process_time", "/min_warmup_time:1"), so
// "019_relu/reference/repeats:5/manual_time" becomes "019_relu/reference".
[[nodiscard]] std::string strip_benchmark_options(std::string_view name);

}  // namespace hipkb::report
