#include <hipkb/report/vendor_baselines.hpp>

#include <fmt/core.h>

#include <map>
#include <optional>

namespace hipkb::report {

namespace {

using json = nlohmann::json;

std::optional<double> median_of(const json& entry, const char* timing_key) {
    const auto timing = entry.find(timing_key);
    if (timing == entry.end() || !timing->is_object()) return std::nullopt;
    const auto median = timing->find("median_ns");
    if (median == timing->end() || !median->is_number() || median->get<double>() <= 0.0) return std::nullopt;
    return median->get<double>();
}

std::string text(const json& entry, const char* key) {
    const auto found = entry.find(key);
    return found != entry.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

// A vendor implementation counts as a baseline only when it was right: a
// wrong library call is not a time to beat.
bool is_correct(const json& entry) {
    const auto correct = entry.find("correct");
    return correct != entry.end() && correct->is_boolean() && correct->get<bool>();
}

json baseline_of(const json& vendor, double median_ns) {
    json baseline;
    baseline["library"] = text(vendor, "library");
    baseline["id"] = vendor_id(vendor);
    baseline["median_ns"] = median_ns;
    for (const char* key : {"bandwidth_percent_of_measured", "flops_percent_of_measured", "speedup"}) {
        baseline[key] = vendor.contains(key) ? vendor[key] : json(nullptr);
    }
    return baseline;
}

}  // namespace

std::string vendor_id(const json& vendor) {
    return fmt::format("{}/{}/{}", text(vendor, "problem"), vendor_run_name, text(vendor, "library"));
}

void apply_vendor_baselines(json& results) {
    // The fastest correct vendor of each problem.
    std::map<std::string, json> best;
    if (results.contains("vendors") && results["vendors"].is_array()) {
        for (const json& vendor : results["vendors"]) {
            const auto median = median_of(vendor, "vendor");
            if (!median || !is_correct(vendor)) continue;
            const std::string problem = text(vendor, "problem");
            const auto known = best.find(problem);
            if (known == best.end() || *median < known->second["median_ns"].get<double>()) {
                best[problem] = baseline_of(vendor, *median);
            }
        }
    }
    if (results.contains("problems") && results["problems"].is_array()) {
        for (json& problem : results["problems"]) {
            const auto found = best.find(text(problem, "problem"));
            problem["vendor_baseline"] = found == best.end() ? json(nullptr) : found->second;
        }
    }
    if (results.contains("candidates") && results["candidates"].is_array()) {
        for (json& candidate : results["candidates"]) {
            candidate["vendor_speedup"] = nullptr;
            candidate["vendor_library"] = nullptr;
            const auto found = best.find(text(candidate, "problem"));
            const auto median = median_of(candidate, "candidate");
            if (found == best.end() || !median) continue;
            candidate["vendor_speedup"] = found->second["median_ns"].get<double>() / *median;
            candidate["vendor_library"] = found->second["library"];
        }
    }
}

}  // namespace hipkb::report
