#pragma once
// Vendor-library baselines in a results document (schema v2, fields in
// docs/results-schema.md): each problem's best vendor implementation (the
// fastest correct, timed one of its "vendors" entries) and, per candidate,
// the speedup over it.

#include <nlohmann/json.hpp>

#include <string>

namespace hipkb::report {

// The run name of vendor benches: hipkb.bench.<problem>.vendor.<library>,
// series "<problem>/vendor/<library>".
inline constexpr const char* vendor_run_name = "vendor";

// "<problem>/vendor/<library>", unique within a results document.
[[nodiscard]] std::string vendor_id(const nlohmann::json& vendor);

// Sets every problem's "vendor_baseline" (null without a correct, timed
// vendor) and every candidate's "vendor_speedup" (best vendor median /
// candidate median) and "vendor_library" (null where either time is
// missing), from results["vendors"]. Recomputes them from scratch, so it
// may run again after a merge.
void apply_vendor_baselines(nlohmann::json& results);

}  // namespace hipkb::report
