#pragma once
// Baselines: results (docs/results-schema.md) checked into the repository
// as baselines/<platform>-<device>.json, which `hipkb compare` diffs a new
// run against. `hipkb baseline update` writes one from a run's results.

#include <nlohmann/json.hpp>

#include <string>

namespace hipkb::report {

// `results` (summary recomputed) with a "baseline" record of what it was
// measured on: {from, platform, device, architecture, driver,
// hipkb_version, updated}, each null when the results do not say. A
// baseline is of one device: results of several platforms, devices or
// drivers are an input_error naming them.
[[nodiscard]] nlohmann::json make_baseline(nlohmann::json results, const std::string& from);

// The baseline's file name, "<platform>-<device>.json", all lower case:
// amd-gfx942.json (AMD: the architecture), nvidia-h200.json (else the device
// name, less the platform's own name), cpu-amd.json (correctness-only runs
// on the cpu execution layer of an amd build). Takes results or a baseline.
[[nodiscard]] std::string baseline_file_name(const nlohmann::json& results);

}  // namespace hipkb::report
