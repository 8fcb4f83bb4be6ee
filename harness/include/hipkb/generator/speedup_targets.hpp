#pragma once
// Speedup targets (targets.json): per device and problem, the best speedup a
// correct candidate ever reached in recorded results, an upper bound of
// headroom x that best, and targets at fractions of it, for `hipkb refine
// --targets`. They live in the generator because refine is their only
// reader; the results are read with the report layer's readers.
// Format: docs/generator.md ("Speedup targets").

#include <hipkb/report/merge.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hipkb::generator {

inline constexpr const char* targets_schema_name = "hipkb.targets";
inline constexpr int targets_schema_version = 1;

struct target_options {
    std::vector<double> fractions = {0.8, 0.9, 0.95};
    double headroom = 1.1;
};

// "90" for 0.9, "87.5" for 0.875: the key of a level in targets.json.
[[nodiscard]] std::string level_name(double fraction);

// The fraction a level name stands for ("90" -> 0.9); nullopt when the text
// is not a positive number.
[[nodiscard]] std::optional<double> level_fraction(std::string_view level);

// Parses "0.8,0.9,0.95"; throws std::invalid_argument naming the bad item.
[[nodiscard]] std::vector<double> parse_fractions(std::string_view text);

// The targets document of already-loaded results documents (each input read
// on its own, never merged, so the same candidate measured on two machines
// stays two measurements). Throws std::invalid_argument for bad options.
[[nodiscard]] nlohmann::json build_targets(const std::vector<report::results_input>& inputs,
                                           const target_options& options = {});

// Reads a targets file and checks every field refine uses. Throws
// hipkb::json_input_error naming the file and the field.
[[nodiscard]] nlohmann::json load_targets(const std::filesystem::path& file);

// One problem's goal, resolved from a targets document.
struct resolved_target {
    std::string device;
    std::string level;
    double speedup = 0.0;  // the goal: correct and at least this fast
    double best_known = 0.0;
    double upper_bound = 0.0;
    std::string best_candidate;  // "<problem>/<run>/<sample>" that set best_known
};

// Why a problem has no usable target.
struct target_unavailable {
    std::string reason;   // no_target, no_correct_candidate, above_upper_bound, device_mismatch, ambiguous_device
    std::string message;  // for people: what is missing and where
};

// The target of `problem` at `level` on `device` (empty: the only device the
// document has the problem on). A level not written in the file is computed
// from the best known (level "120" is 1.2 x best), so that a level above the
// upper bound is refused rather than silently capped.
[[nodiscard]] std::variant<resolved_target, target_unavailable> resolve_target(const nlohmann::json& targets,
                                                                               std::string_view problem,
                                                                               std::string_view level,
                                                                               std::string_view device);

}  // namespace hipkb::generator
