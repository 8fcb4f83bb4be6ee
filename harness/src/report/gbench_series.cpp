#include <hipkb/report/gbench_series.hpp>

#include <hipkb/core/statistics.hpp>

#include <unordered_map>

namespace hipkb::report {

bool gbench_series::has_time() const { return !real_ns.empty() || !cpu_ns.empty() || !real_aggregates_ns.empty(); }

std::optional<double> gbench_series::median_ns(bool cpu) const {
    const std::vector<double>& values = cpu ? cpu_ns : real_ns;
    if (!values.empty()) {
        return hipkb::median(values);
    }
    const auto& aggregates = cpu ? cpu_aggregates_ns : real_aggregates_ns;
    for (const char* aggregate : {"median", "mean"}) {
        if (const auto found = aggregates.find(aggregate); found != aggregates.end()) {
            return found->second;
        }
    }
    return std::nullopt;
}

std::optional<double> gbench_series::cv() const {
    if (real_ns.size() >= 2) {
        return hipkb::summarize(real_ns).cv;
    }
    if (real_cv) {
        return real_cv;
    }
    const auto mean = real_aggregates_ns.find("mean");
    const auto stddev = real_aggregates_ns.find("stddev");
    if (mean != real_aggregates_ns.end() && stddev != real_aggregates_ns.end() && mean->second != 0.0) {
        return stddev->second / mean->second;
    }
    return std::nullopt;
}

std::optional<double> gbench_series::counter(const std::string& counter_name) const {
    if (const auto found = counters.find(counter_name); found != counters.end() && !found->second.empty()) {
        return hipkb::median(found->second);
    }
    for (const char* aggregate : {"median", "mean"}) {
        const auto values = aggregate_counters.find(aggregate);
        if (values == aggregate_counters.end()) continue;
        if (const auto found = values->second.find(counter_name); found != values->second.end()) {
            return found->second;
        }
    }
    return std::nullopt;
}

std::vector<gbench_series> group_series(const gbench_file& file) {
    std::vector<gbench_series> out;
    std::unordered_map<std::string, std::size_t> position;
    for (const gbench_row& row : file.rows) {
        auto [it, inserted] = position.try_emplace(row.run_name, out.size());
        if (inserted) {
            out.emplace_back();
            out.back().name = row.run_name;
            out.back().first_row = row.index;
        }
        gbench_series& series = out[it->second];
        ++series.row_count;
        if (row.error_occurred) {
            series.error_occurred = true;
            if (series.error_message.empty()) series.error_message = row.error_message;
        }
        if (row.skipped) {
            series.skipped = true;
            if (series.skip_message.empty()) series.skip_message = row.skip_message;
        }
        if (series.label.empty()) series.label = row.label;
        if (row.is_measurement()) {
            if (const auto real = row.real_time_ns()) series.real_ns.push_back(*real);
            if (const auto cpu = row.cpu_time_ns()) series.cpu_ns.push_back(*cpu);
            for (const auto& [name, value] : row.counters) series.counters[name].push_back(value);
            continue;
        }
        if (row.run_type != gbench_run_type::aggregate || row.aggregate_name.empty() || row.error_occurred) {
            continue;
        }
        if (row.is_ratio()) {
            if (row.aggregate_name == "cv" && row.real_time) series.real_cv = *row.real_time;
        } else {
            if (const auto real = row.real_time_ns()) series.real_aggregates_ns[row.aggregate_name] = *real;
            if (const auto cpu = row.cpu_time_ns()) series.cpu_aggregates_ns[row.aggregate_name] = *cpu;
        }
        series.aggregate_counters[row.aggregate_name] = row.counters;
    }
    return out;
}

}  // namespace hipkb::report
