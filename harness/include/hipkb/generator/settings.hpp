#pragma once
// A generator run's settings: built-in defaults, then a config file (JSON or
// TOML), then HIPKB_* environment variables, then command-line flags. Every
// field is listed by settings_fields(), which is what `hipkb generate --help`
// and docs/generator.md are written from.

#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace hipkb::generator {

struct generate_settings {
    // Provider
    std::string provider = "openai";
    std::string base_url = "https://api.openai.com/v1";
    std::string model;
    std::string api_key_env = "OPENAI_API_KEY";
    std::string api_key_header = "Authorization";
    std::map<std::string, std::string> headers;
    double temperature = 0.7;
    std::int64_t max_tokens = 8192;
    std::string max_tokens_field = "max_tokens";
    std::string replay_dir;
    std::string record_dir;
    // Scale and robustness
    std::int64_t samples = 1;
    std::int64_t concurrency = 8;
    std::int64_t requests_per_minute = 0;
    std::int64_t tokens_per_minute = 0;
    std::int64_t max_attempts = 5;
    double backoff_initial_s = 1.0;
    double backoff_max_s = 60.0;
    double connect_timeout_s = 10.0;
    double timeout_s = 600.0;
    // Prompt
    std::string mode = "whole_file";
    std::string prompt_template;  // "template" in configs and flags
    std::string kernel;
    std::vector<std::string> few_shot;
    std::string platform = "amd";
    std::string arch;
    std::int64_t seed = 0;
    // Selection and output
    std::string run;
    std::string reference_dir = "reference";
    std::string generated_dir = "generated";
    std::vector<std::string> problems;
    std::string shard;
    std::string progress = "auto";
    // Refinement
    std::string build_dir = "build";
    std::string from_sample = "s000";
    std::int64_t max_turns = 4;
    double min_gain = 0.05;
    double eval_timeout_s = 600.0;
    // Speedup targets (refine --targets)
    std::string targets;  // a targets.json from `hipkb targets`; empty: the goal is 1 + min_gain
    std::string target_level = "90";
    std::string target_mode = "target";  // "target" or "upper-bound"
    std::string target_device;           // empty: the only device targets.json has the problem on
};

enum class field_type { text, integer, number, text_list, text_map };
enum class field_scope { both, refine_only };
// The --help section a setting is listed in.
enum class field_group { provider, scale, prompt, selection, refinement };

struct field_info {
    std::string_view key;  // config key, e.g. "base_url"; the flag is --base-url
    field_type type;
    field_scope scope;
    field_group group;
    std::string_view env;  // environment variable read for it, empty when none
    std::string_view help;
    bool is_path;  // relative paths in a config file are taken from the file's folder
};

// Every setting, in the order --help lists them.
[[nodiscard]] std::span<const field_info> settings_fields();

// "Provider", "Scale and retries", ...: the title of a --help section.
[[nodiscard]] std::string_view group_title(field_group group);

// "--base-url" for "base_url"; "--header" for "headers".
[[nodiscard]] std::string flag_name(const field_info& field);

// The default of a field as text, for --help ("" when it has none).
[[nodiscard]] std::string default_text(const field_info& field);

class settings_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Applies the fields of a JSON object; `source` names it in errors. Unknown
// keys and wrong types are errors naming the key and what was expected.
// Relative paths are resolved against `base_dir` when it is not empty.
void apply_settings_json(generate_settings& settings, const nlohmann::json& object, std::string_view source,
                         const std::filesystem::path& base_dir = {});

// Reads a .json or .toml config file and applies it.
void apply_settings_file(generate_settings& settings, const std::filesystem::path& file);

// Applies one field given as text (a flag or an environment variable);
// `source` names it in errors, e.g. "--concurrency". Lists take every value;
// "headers" takes "Name: value" entries.
void apply_setting_text(generate_settings& settings, std::string_view key, const std::vector<std::string>& values,
                        std::string_view source);

// Fills derived defaults (run name, arch) and checks ranges and the fields a
// provider needs. `command` is "generate" or "refine".
void finalize_settings(generate_settings& settings, std::string_view command);

// The settings as JSON for a run manifest: every field, but never a key: only
// the name of the variable that holds it, and only the names of the extra
// headers (their values may be credentials too).
[[nodiscard]] nlohmann::json settings_to_json(const generate_settings& settings);

}  // namespace hipkb::generator
