#include <hipkb/report/gbench.hpp>

#include <hipkb/report/input_error.hpp>

#include <hipkb/core/json_fields.hpp>

#include <fmt/core.h>

#include <array>
#include <cmath>
#include <set>

namespace hipkb::report {

namespace {

using json = nlohmann::json;

// Fields with a meaning of their own; every other number in a row is a
// counter (user counters are written as plain keys beside these).
const std::set<std::string, std::less<>>& structural_keys() {
    static const std::set<std::string, std::less<>> keys = {
        "name",
        "family_index",
        "per_family_instance_index",
        "run_name",
        "run_type",
        "repetitions",
        "repetition_index",
        "threads",
        "aggregate_name",
        "aggregate_unit",
        "iterations",
        "real_time",
        "cpu_time",
        "time_unit",
        "error_occurred",
        "error_message",
        "skipped",
        "skip_message",
        "label",
        "big_o",
        "cpu_coefficient",
        "real_coefficient",
        "rms",
    };
    return keys;
}

// Aggregates that versions before run_type (2016-2018) marked only by a
// name suffix, e.g. "BM_Foo/8_mean".
constexpr std::array<std::string_view, 4> suffix_aggregates = {"mean", "median", "stddev", "cv"};

bool ends_with_suffix(std::string_view name, std::string_view aggregate) {
    return name.size() > aggregate.size() + 1 && name.substr(name.size() - aggregate.size()) == aggregate &&
           name[name.size() - aggregate.size() - 1] == '_';
}

std::string without_suffix(std::string_view name, std::string_view aggregate) {
    if (ends_with_suffix(name, aggregate)) {
        return std::string(name.substr(0, name.size() - aggregate.size() - 1));
    }
    return std::string(name);
}

gbench_row parse_row(const json& node, std::size_t index, const json_place& place) {
    if (!node.is_object()) {
        throw_expected(place, "an object", node);
    }
    gbench_row row;
    row.index = index;
    const auto name = optional_string(node, "name", place);
    if (!name) {
        throw input_error(fmt::format("{}: missing the benchmark's \"name\"", place.describe()));
    }
    row.name = *name;

    const auto run_type = optional_string(node, "run_type", place);
    if (!run_type) {
        row.run_type = gbench_run_type::unspecified;
    } else if (*run_type == "iteration") {
        row.run_type = gbench_run_type::iteration;
    } else if (*run_type == "aggregate") {
        row.run_type = gbench_run_type::aggregate;
    } else {
        throw input_error(fmt::format("{}: expected \"iteration\" or \"aggregate\", got \"{}\"",
                                      place.key("run_type").describe(), *run_type));
    }
    row.aggregate_name = optional_string(node, "aggregate_name", place).value_or("");
    row.aggregate_unit = optional_string(node, "aggregate_unit", place).value_or("");
    if (row.run_type == gbench_run_type::unspecified && row.aggregate_name.empty()) {
        for (const std::string_view aggregate : suffix_aggregates) {
            if (ends_with_suffix(row.name, aggregate)) {
                row.run_type = gbench_run_type::aggregate;
                row.aggregate_name = std::string(aggregate);
                break;
            }
        }
    }
    if (const auto run_name = optional_string(node, "run_name", place)) {
        row.run_name = *run_name;
    } else {
        row.run_name = row.aggregate_name.empty() ? row.name : without_suffix(row.name, row.aggregate_name);
    }

    row.family_index = optional_integer(node, "family_index", place);
    row.repetitions = optional_integer(node, "repetitions", place);
    row.repetition_index = optional_integer(node, "repetition_index", place);
    row.threads = optional_integer(node, "threads", place);
    row.iterations = optional_number(node, "iterations", place);
    row.real_time = optional_number(node, "real_time", place);
    row.cpu_time = optional_number(node, "cpu_time", place);

    if (const auto unit = optional_string(node, "time_unit", place)) {
        const auto factor = ns_per_time_unit(*unit);
        if (!factor) {
            throw input_error(fmt::format("{}: expected one of \"ns\", \"us\", \"ms\", \"s\", got \"{}\"",
                                          place.key("time_unit").describe(), *unit));
        }
        row.time_unit = *unit;
        row.ns_per_unit = *factor;
    } else if (row.real_time || row.cpu_time) {
        // Google Benchmark's default unit, for hand-written or very old files.
        row.time_unit = "ns";
    }

    row.error_occurred = optional_bool(node, "error_occurred", place).value_or(false);
    row.error_message = optional_string(node, "error_message", place).value_or("");
    row.skipped = optional_bool(node, "skipped", place).value_or(false);
    row.skip_message = optional_string(node, "skip_message", place).value_or("");
    row.label = optional_string(node, "label", place).value_or("");
    row.big_o = optional_string(node, "big_o", place).value_or("");
    row.rms = optional_number(node, "rms", place);

    for (const auto& [key, value] : node.items()) {
        if (structural_keys().count(key) != 0 || !value.is_number()) {
            continue;
        }
        const double number = value.get<double>();
        if (std::isfinite(number)) {
            row.counters.emplace(key, number);
        }
    }
    return row;
}

std::optional<double> scaled(const std::optional<double>& value, const gbench_row& row) {
    if (!value || row.is_ratio() || !std::isfinite(*value)) {
        return std::nullopt;
    }
    return *value * row.ns_per_unit;
}

}  // namespace

bool gbench_row::is_ratio() const {
    return aggregate_unit == "percentage" || (run_type == gbench_run_type::aggregate && aggregate_name == "cv");
}

std::optional<double> gbench_row::real_time_ns() const { return scaled(real_time, *this); }

std::optional<double> gbench_row::cpu_time_ns() const { return scaled(cpu_time, *this); }

bool gbench_row::is_measurement() const {
    // Some 2016 files mark rows "aggregate" without saying which statistic;
    // compare.py treats those as measurements, and so do we.
    const bool statistic = run_type == gbench_run_type::aggregate && !aggregate_name.empty();
    return !statistic && !error_occurred && !skipped && !is_ratio() && real_time.has_value();
}

std::optional<std::string> gbench_file::context_string(std::string_view key) const {
    const auto found = context.find(key);
    if (found == context.end() || !found->is_string()) {
        return std::nullopt;
    }
    return found->get<std::string>();
}

bool is_gbench_json(const json& document) {
    return document.is_object() && document.contains("benchmarks") && document["benchmarks"].is_array();
}

gbench_file parse_gbench(const json& document, const std::string& source) {
    const json_place root{source, ""};
    if (!document.is_object()) {
        throw input_error(
            fmt::format("{}: expected a Google Benchmark JSON object with \"context\" and \"benchmarks\", got {}",
                        source, kind_of(document)));
    }
    const auto benchmarks = document.find("benchmarks");
    if (benchmarks == document.end()) {
        throw input_error(fmt::format("{}: no \"benchmarks\" array: not Google Benchmark JSON output", source));
    }
    if (!benchmarks->is_array()) {
        throw_expected(root.key("benchmarks"), "an array", *benchmarks);
    }
    gbench_file file;
    file.source = source;
    file.context = json::object();
    if (const auto context = document.find("context"); context != document.end() && !context->is_null()) {
        if (!context->is_object()) {
            throw_expected(root.key("context"), "an object", *context);
        }
        file.context = *context;
    }
    file.rows.reserve(benchmarks->size());
    for (std::size_t i = 0; i < benchmarks->size(); ++i) {
        file.rows.push_back(parse_row((*benchmarks)[i], i, root.key("benchmarks").index(i)));
    }
    return file;
}

gbench_file read_gbench(const std::filesystem::path& file) {
    return parse_gbench(read_json_file(file, /*allow_non_finite=*/true), file.string());
}

std::optional<double> ns_per_time_unit(std::string_view unit) {
    if (unit == "ns") return 1.0;
    if (unit == "us") return 1.0e3;
    if (unit == "ms") return 1.0e6;
    if (unit == "s") return 1.0e9;
    return std::nullopt;
}

std::string strip_benchmark_options(std::string_view name) {
    static constexpr std::array<std::string_view, 3> flags = {"manual_time", "real_time", "process_time"};
    static constexpr std::array<std::string_view, 5> prefixes = {
        "repeats:", "iterations:", "min_time:", "threads:", "min_warmup_time:"};
    std::string out;
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t slash = name.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? name.size() : slash;
        const std::string_view part = name.substr(start, end - start);
        bool option = false;
        for (const std::string_view flag : flags) option = option || part == flag;
        for (const std::string_view prefix : prefixes) option = option || part.substr(0, prefix.size()) == prefix;
        // The first component is the benchmark's own name, never an option.
        if (!option || start == 0) {
            if (!out.empty() || start != 0) out.push_back('/');
            out.append(part);
        }
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return out;
}

}  // namespace hipkb::report
