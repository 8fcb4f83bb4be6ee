#include <hipkb/report/device_figures.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/statistics.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

namespace hipkb::report {

namespace {

struct figure {
    const char* key;
    const char* label;
    double scale;  // to the unit in the label
};

constexpr std::array<figure, 6> figures = {{
    {"event_floor_seconds", "event floor (empty interval), µs", 1e6},
    {"launch_floor_seconds", "launch floor (empty kernel), µs", 1e6},
    {"measured_copy_bandwidth_bytes_per_second", "device-to-device copy, GB/s", 1e-9},
    {"measured_fp32_flops_per_second", "fp32 FMA probe, TFLOP/s", 1e-12},
    {"fp32_probe_iterations", "FMA probe iterations per thread (about 2 ms launches)", 1.0},
    {"unsynchronized_slack_seconds", "unsynchronized-work slack, µs", 1e6},
}};

}  // namespace

std::string device_figures_markdown(const std::filesystem::path& results_dir) {
    std::map<std::string, std::vector<double>> values;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(results_dir, error)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".reference.verdict.json")) continue;
        const auto verdict = nlohmann::json::parse(read_file(entry.path()), nullptr, false);
        if (!verdict.is_object()) continue;  // `hipkb report` names unreadable files
        for (const figure& f : figures) {
            const auto it = verdict.find(f.key);
            if (it != verdict.end() && it->is_number()) values[f.key].push_back(it->get<double>() * f.scale);
        }
    }
    if (values.empty()) return {};
    std::string table = "| figure | median | min | max | references |\n|---|---:|---:|---:|---:|\n";
    for (const figure& f : figures) {
        auto it = values.find(f.key);
        if (it == values.end()) continue;
        std::vector<double>& v = it->second;
        std::sort(v.begin(), v.end());
        table +=
            fmt::format("| {} | {:.4g} | {:.4g} | {:.4g} | {} |\n", f.label, median(v), v.front(), v.back(), v.size());
    }
    return table;
}

}  // namespace hipkb::report
