#pragma once
// The "summary" of a results document: counts, KernelBench's metrics over
// the whole set and per run, level and model, and a row per problem.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace hipkb::report {

struct summary_options {
    // k values for pass@k and fast_p@k; those above the most samples any
    // problem has are left out (they would equal best-of-n).
    std::vector<std::size_t> ks = {1, 5, 10};
    // Thresholds reported beside KernelBench's 0, 0.5, 0.8, 1, 1.5, 2.
    std::vector<double> extra_thresholds;
};

// Computes the summary of a results document (its "summary" field is ignored).
[[nodiscard]] nlohmann::json compute_summary(const nlohmann::json& results, const summary_options& options = {});

// Whether `results` carries a summary with every part the reports read.
[[nodiscard]] bool has_summary(const nlohmann::json& results);

// `results` with its "summary" replaced by a fresh one.
[[nodiscard]] nlohmann::json with_summary(nlohmann::json results, const summary_options& options = {});

// The key under which a candidate is grouped "by model": its model, else its
// provider (e.g. "handwritten"), else "unknown".
[[nodiscard]] std::string model_key(const nlohmann::json& candidate);

// "0.5", "1", "1.5": how a threshold is written as a JSON key.
[[nodiscard]] std::string threshold_key(double p);

}  // namespace hipkb::report
