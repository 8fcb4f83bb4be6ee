#include <hipkb/generator/settings.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/json_fields.hpp>
#include <toml.hpp>

#include <fmt/core.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <variant>

namespace hipkb::generator {

namespace {

using json = nlohmann::json;
using member = std::variant<std::string generate_settings::*, std::int64_t generate_settings::*,
                            double generate_settings::*, std::vector<std::string> generate_settings::*,
                            std::map<std::string, std::string> generate_settings::*>;

struct field_entry {
    field_info info;
    member target;
};

using scope = field_scope;
using type = field_type;
using group = field_group;

// One table drives config files, flags, environment variables, --help and
// the manifest, so they cannot disagree.
const std::vector<field_entry>& field_table() {
    static const std::vector<field_entry> table = {
        {{"provider", type::text, scope::both, group::provider, "HIPKB_PROVIDER",
          "Where answers come from: 'openai' (any OpenAI-compatible chat completions endpoint) or 'replay' "
          "(recorded answers from replay_dir).",
          false},
         &generate_settings::provider},
        {{"base_url", type::text, scope::both, group::provider, "HIPKB_BASE_URL",
          "Endpoint root; requests go to <base_url>/chat/completions.", false},
         &generate_settings::base_url},
        {{"model", type::text, scope::both, group::provider, "HIPKB_MODEL",
          "Model name sent with each request (required for openai).", false},
         &generate_settings::model},
        {{"api_key_env", type::text, scope::both, group::provider, "HIPKB_API_KEY_ENV",
          "Name of the environment variable holding the API key (the key itself is never read from a file or flag, "
          "and never written anywhere). Empty: send no key.",
          false},
         &generate_settings::api_key_env},
        {{"api_key_header", type::text, scope::both, group::provider, "HIPKB_API_KEY_HEADER",
          "Header that carries the key: 'Authorization' sends 'Bearer <key>'; any other name (e.g. 'api-key' for "
          "Azure) sends the key as it is.",
          false},
         &generate_settings::api_key_header},
        {{"headers", type::text_map, scope::both, group::provider, "",
          "Extra request header 'Name: value' (repeatable; in a config file, a table of name = value). Only the "
          "names are recorded in the run manifest.",
          false},
         &generate_settings::headers},
        {{"temperature", type::number, scope::both, group::provider, "HIPKB_TEMPERATURE", "Sampling temperature.",
          false},
         &generate_settings::temperature},
        {{"max_tokens", type::integer, scope::both, group::provider, "HIPKB_MAX_TOKENS",
          "Most tokens the model may answer with.", false},
         &generate_settings::max_tokens},
        {{"max_tokens_field", type::text, scope::both, group::provider, "HIPKB_MAX_TOKENS_FIELD",
          "Request field for max_tokens: 'max_tokens' or 'max_completion_tokens' (newer OpenAI reasoning models).",
          false},
         &generate_settings::max_tokens_field},
        {{"replay_dir", type::text, scope::both, group::provider, "HIPKB_REPLAY_DIR",
          "Folder of recorded answers for the replay provider: <problem>/<sample>.json (a chat completions "
          "response) or <problem>/<sample>.md (the answer text), else <problem>/default.{json,md}.",
          true},
         &generate_settings::replay_dir},
        {{"record_dir", type::text, scope::both, group::provider, "HIPKB_RECORD_DIR",
          "If set, every successful raw response is also saved here in the replay layout, so a run can be "
          "replayed later.",
          true},
         &generate_settings::record_dir},
        {{"samples", type::integer, scope::both, group::scale, "HIPKB_SAMPLES",
          "Samples per problem (s000, s001, ...).", false},
         &generate_settings::samples},
        {{"concurrency", type::integer, scope::both, group::scale, "HIPKB_CONCURRENCY",
          "Most requests in flight at once (a request waiting to retry keeps its slot).", false},
         &generate_settings::concurrency},
        {{"requests_per_minute", type::integer, scope::both, group::scale, "HIPKB_REQUESTS_PER_MINUTE",
          "Request rate limit; 0 for none.", false},
         &generate_settings::requests_per_minute},
        {{"tokens_per_minute", type::integer, scope::both, group::scale, "HIPKB_TOKENS_PER_MINUTE",
          "Token rate limit (prompt estimate + max_tokens is reserved, then corrected by the usage reported); 0 for "
          "none.",
          false},
         &generate_settings::tokens_per_minute},
        {{"max_attempts", type::integer, scope::both, group::scale, "HIPKB_MAX_ATTEMPTS",
          "Attempts per request, retries included (timeouts, dropped connections, 408, 429 and 5xx are retried).",
          false},
         &generate_settings::max_attempts},
        {{"backoff_initial_s", type::number, scope::both, group::scale, "HIPKB_BACKOFF_INITIAL_S",
          "First retry delay in seconds; it doubles per retry, with jitter, and a Retry-After is honoured.", false},
         &generate_settings::backoff_initial_s},
        {{"backoff_max_s", type::number, scope::both, group::scale, "HIPKB_BACKOFF_MAX_S",
          "Longest retry delay in seconds; a Retry-After longer than this fails the request instead.", false},
         &generate_settings::backoff_max_s},
        {{"connect_timeout_s", type::number, scope::both, group::scale, "HIPKB_CONNECT_TIMEOUT_S",
          "Seconds to establish a connection.", false},
         &generate_settings::connect_timeout_s},
        {{"timeout_s", type::number, scope::both, group::scale, "HIPKB_TIMEOUT_S",
          "Seconds one attempt may take in total.", false},
         &generate_settings::timeout_s},
        {{"mode", type::text, scope::both, group::prompt, "HIPKB_MODE",
          "Edit mode: 'whole_file' (the answer is a whole new source file) or 'function_body' (the answer replaces "
          "the body of one kernel in the reference).",
          false},
         &generate_settings::mode},
        {{"template", type::text, scope::both, group::prompt, "HIPKB_TEMPLATE",
          "Prompt template: a built-in name ('whole_file', 'function_body') or a template file. Default: the "
          "mode's built-in.",
          true},
         &generate_settings::prompt_template},
        {{"kernel", type::text, scope::both, group::prompt, "HIPKB_KERNEL",
          "function_body mode: the function to rewrite (default: the first __global__ function).", false},
         &generate_settings::kernel},
        {{"few_shot", type::text_list, scope::both, group::prompt, "",
          "Few-shot example file with '=== user ===' and '=== assistant ===' sections (repeatable).", true},
         &generate_settings::few_shot},
        {{"platform", type::text, scope::both, group::prompt, "HIPKB_PLATFORM",
          "Target platform named in the prompt and deciding the candidate's extension: amd, nvidia or host "
          "(host candidates are .cpp).",
          false},
         &generate_settings::platform},
        {{"arch", type::text, scope::both, group::prompt, "HIPKB_ARCH",
          "Target architecture named in the prompt (default: gfx90a on amd, sm_80 on nvidia, the CPU on host).", false},
         &generate_settings::arch},
        {{"seed", type::integer, scope::both, group::prompt, "HIPKB_SEED",
          "Base seed; sample i is requested with seed + i.", false},
         &generate_settings::seed},
        {{"run", type::text, scope::both, group::selection, "HIPKB_RUN",
          "Run name: candidates go to <generated_dir>/<run>/<problem>/<sample>. Default: the model name made "
          "safe (letters, digits, '-', '_'), or 'replay'.",
          false},
         &generate_settings::run},
        {{"reference_dir", type::text, scope::both, group::selection, "HIPKB_REFERENCE_DIR",
          "Folder of problems (<level>/<problem>/spec.json).", true},
         &generate_settings::reference_dir},
        {{"generated_dir", type::text, scope::both, group::selection, "HIPKB_GENERATED_DIR",
          "Folder that runs are written to.", true},
         &generate_settings::generated_dir},
        {{"problems", type::text_list, scope::both, group::selection, "HIPKB_PROBLEMS",
          "Problems to work on (repeatable or comma-separated): a name, a glob ('*norm'), a level ('level1'), or "
          "@file with one entry per line. Default: all.",
          false},
         &generate_settings::problems},
        {{"shard", type::text, scope::both, group::selection, "HIPKB_SHARD",
          "'i/n': take only shard i of n (1 <= i <= n): generate splits the (problem, sample) pairs, refine the "
          "problems, each by a hash of its name, so an item keeps its shard when others are added.",
          false},
         &generate_settings::shard},
        {{"progress", type::text, scope::both, group::selection, "HIPKB_PROGRESS",
          "'auto' (a live line on a terminal, plain lines otherwise), 'live', 'plain' or 'off'.", false},
         &generate_settings::progress},
        {{"build_dir", type::text, scope::refine_only, group::refinement, "HIPKB_BUILD_DIR",
          "A configured hipkb build folder, used to build and evaluate each turn.", true},
         &generate_settings::build_dir},
        {{"from_sample", type::text, scope::refine_only, group::refinement, "HIPKB_FROM_SAMPLE",
          "The sample each problem's refinement starts from (generated first when missing).", false},
         &generate_settings::from_sample},
        {{"max_turns", type::integer, scope::refine_only, group::refinement, "HIPKB_MAX_TURNS",
          "Most new candidates asked for per problem.", false},
         &generate_settings::max_turns},
        {{"min_gain", type::number, scope::refine_only, group::refinement, "HIPKB_MIN_GAIN",
          "Stop once a correct candidate is faster than the reference by at least this fraction (0.05 = 5%).", false},
         &generate_settings::min_gain},
        {{"eval_timeout_s", type::number, scope::refine_only, group::refinement, "HIPKB_EVAL_TIMEOUT_S",
          "Seconds a build or a benchmark run of one turn may take.", false},
         &generate_settings::eval_timeout_s},
        {{"targets", type::text, scope::refine_only, group::refinement, "HIPKB_TARGETS",
          "A targets.json written by `hipkb targets`: each problem's goal becomes its target speedup at "
          "target_level instead of 1 + min_gain. Problems without a usable target are skipped and listed.",
          true},
         &generate_settings::targets},
        {{"target_level", type::text, scope::refine_only, group::refinement, "HIPKB_TARGET_LEVEL",
          "With targets: the level to aim for, in percent of the best known speedup ('90'); a level the file does "
          "not list is computed from the best known, and one above the upper bound is refused.",
          false},
         &generate_settings::target_level},
        {{"target_mode", type::text, scope::refine_only, group::refinement, "HIPKB_TARGET_MODE",
          "With targets: 'target' (stop at the first correct candidate reaching the target) or 'upper-bound' (use "
          "every turn and keep the fastest).",
          false},
         &generate_settings::target_mode},
        {{"target_device", type::text, scope::refine_only, group::refinement, "HIPKB_TARGET_DEVICE",
          "With targets: the device whose targets apply (as targets.json names it). Default: the only device the "
          "file has the problem on.",
          false},
         &generate_settings::target_device},
    };
    return table;
}

const field_entry* find_field(std::string_view key) {
    for (const auto& entry : field_table()) {
        if (entry.info.key == key) return &entry;
    }
    return nullptr;
}

std::string known_keys() {
    std::vector<std::string_view> keys;
    for (const auto& entry : field_table()) keys.push_back(entry.info.key);
    return fmt::format("{}", fmt::join(keys, ", "));
}

std::string resolve_path(const std::string& value, const std::filesystem::path& base_dir) {
    if (value.empty() || base_dir.empty()) return value;
    const std::filesystem::path path(value);
    if (path.is_absolute()) return value;
    return (base_dir / path).lexically_normal().string();
}

bool is_builtin_template(std::string_view name) { return name == "whole_file" || name == "function_body"; }

std::int64_t parse_integer(std::string_view text, std::string_view source) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) {
        throw settings_error(fmt::format("{}: expected an integer, got '{}'", source, text));
    }
    return value;
}

double parse_number(std::string_view text, std::string_view source) {
    try {
        std::size_t used = 0;
        const std::string copy(text);
        const double value = std::stod(copy, &used);
        if (used == copy.size() && std::isfinite(value)) return value;
    } catch (const std::exception&) {
    }
    throw settings_error(fmt::format("{}: expected a number, got '{}'", source, text));
}

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& value : values) {
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t end = value.find(',', start);
            if (end == std::string::npos) end = value.size();
            std::string part = value.substr(start, end - start);
            part.erase(0, part.find_first_not_of(" \t"));
            part.erase(part.find_last_not_of(" \t") + 1);
            if (!part.empty()) out.push_back(part);
            start = end + 1;
        }
    }
    return out;
}

void check_header_name(std::string_view name, std::string_view source) {
    const bool ok = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
    if (!ok) {
        throw settings_error(
            fmt::format("{}: header name '{}' may hold only letters, digits, '-' and '_'", source, name));
    }
}

void check_header_value(std::string_view value, std::string_view source) {
    if (value.find_first_of("\r\n") != std::string_view::npos) {
        throw settings_error(fmt::format("{}: a header value may not contain a line break", source));
    }
}

bool is_safe_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
}

template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

}  // namespace

std::span<const field_info> settings_fields() {
    static const std::vector<field_info> infos = [] {
        std::vector<field_info> out;
        for (const auto& entry : field_table()) out.push_back(entry.info);
        return out;
    }();
    return infos;
}

std::string_view group_title(field_group group) {
    switch (group) {
        case field_group::provider:
            return "Provider";
        case field_group::scale:
            return "Scale and retries";
        case field_group::prompt:
            return "Prompt";
        case field_group::selection:
            return "Selection and output";
        case field_group::refinement:
            return "Refinement";
    }
    return "Other";
}

std::string flag_name(const field_info& field) {
    if (field.key == "headers") return "--header";
    std::string flag = "--";
    for (const char c : field.key) flag += c == '_' ? '-' : c;
    return flag;
}

std::string default_text(const field_info& field) {
    const generate_settings defaults;
    const field_entry* entry = find_field(field.key);
    if (!entry) return "";
    return std::visit(overloaded{
                          [&](std::string generate_settings::*m) { return defaults.*m; },
                          [&](std::int64_t generate_settings::*m) { return fmt::format("{}", defaults.*m); },
                          [&](double generate_settings::*m) { return fmt::format("{}", defaults.*m); },
                          [&](std::vector<std::string> generate_settings::*m) {
                              return fmt::format("{}", fmt::join(defaults.*m, ","));
                          },
                          [&](std::map<std::string, std::string> generate_settings::*) { return std::string(); },
                      },
                      entry->target);
}

namespace {

// Reads the fields of `object` into `settings`; wrong kinds are
// json_input_error (json_fields.hpp), each naming the source and the key.
void read_settings_object(generate_settings& settings, const json& object, const json_place& top,
                          const std::filesystem::path& base_dir) {
    if (!object.is_object()) throw_expected(top, "an object of settings at the top level", object);
    // Named references, not structured bindings: clang 15 cannot capture
    // structured bindings in the lambdas below.
    for (const auto& item : object.items()) {
        const std::string& key = item.key();
        const json& value = item.value();
        const field_entry* entry = find_field(key);
        if (!entry) {
            throw settings_error(
                fmt::format("{}: unknown field '{}'; known fields: {}", top.source, key, known_keys()));
        }
        const json_place place = top.key(key);
        const bool path = entry->info.is_path;
        std::visit(overloaded{
                       [&](std::string generate_settings::*m) {
                           std::string text = required_string(object, key, top);
                           if (path && !(key == "template" && is_builtin_template(text))) {
                               text = resolve_path(text, base_dir);
                           }
                           settings.*m = std::move(text);
                       },
                       [&](std::int64_t generate_settings::*m) { settings.*m = required_integer(object, key, top); },
                       [&](double generate_settings::*m) { settings.*m = required_number(object, key, top); },
                       [&](std::vector<std::string> generate_settings::*m) {
                           std::vector<std::string> items;
                           if (value.is_string()) {
                               items = split_commas({value.get<std::string>()});
                           } else if (value.is_array()) {
                               for (std::size_t i = 0; i < value.size(); ++i) {
                                   if (!value[i].is_string()) throw_expected(place.index(i), "a string", value[i]);
                                   items.push_back(value[i].get<std::string>());
                               }
                           } else {
                               throw_expected(place, "a list of strings", value);
                           }
                           if (path) {
                               for (auto& listed : items) listed = resolve_path(listed, base_dir);
                           }
                           settings.*m = std::move(items);
                       },
                       [&](std::map<std::string, std::string> generate_settings::*m) {
                           std::map<std::string, std::string> map;
                           const std::string where = place.describe();
                           for (const auto& header : required_object(object, key, top).items()) {
                               const std::string& name = header.key();
                               if (!header.value().is_string()) {
                                   throw_expected(place.key(name), "a string", header.value());
                               }
                               const std::string text = header.value().get<std::string>();
                               check_header_name(name, where);
                               check_header_value(text, where);
                               map[name] = text;
                           }
                           settings.*m = std::move(map);
                       },
                   },
                   entry->target);
    }
}

}  // namespace

void apply_settings_json(generate_settings& settings, const nlohmann::json& object, std::string_view source,
                         const std::filesystem::path& base_dir) {
    try {
        read_settings_object(settings, object, json_place{std::string(source), ""}, base_dir);
    } catch (const json_input_error& error) {
        throw settings_error(error.what());
    }
}

void apply_settings_file(generate_settings& settings, const std::filesystem::path& file) {
    const std::string text = read_file(file);
    const std::string name = file.string();
    json object;
    const std::string extension = file.extension().string();
    if (extension == ".toml") {
        try {
            object = parse_toml(text, name);
        } catch (const toml_error& error) {
            throw settings_error(error.what());
        }
    } else if (extension == ".json") {
        try {
            object = parse_json_text(text, name);
        } catch (const json_input_error& error) {
            throw settings_error(error.what());
        }
    } else {
        throw settings_error(fmt::format("{}: a config file must end in .json or .toml", name));
    }
    apply_settings_json(settings, object, name, file.parent_path().empty() ? "." : file.parent_path());
}

void apply_setting_text(generate_settings& settings, std::string_view key, const std::vector<std::string>& values,
                        std::string_view source) {
    const field_entry* entry = find_field(key);
    if (!entry) throw settings_error(fmt::format("{}: unknown setting '{}'", source, key));
    if (values.empty()) return;
    std::visit(overloaded{
                   [&](std::string generate_settings::*m) { settings.*m = values.back(); },
                   [&](std::int64_t generate_settings::*m) { settings.*m = parse_integer(values.back(), source); },
                   [&](double generate_settings::*m) { settings.*m = parse_number(values.back(), source); },
                   [&](std::vector<std::string> generate_settings::*m) { settings.*m = split_commas(values); },
                   [&](std::map<std::string, std::string> generate_settings::*m) {
                       for (const auto& value : values) {
                           const std::size_t colon = value.find(':');
                           if (colon == std::string::npos) {
                               throw settings_error(fmt::format("{}: expected 'Name: value', got '{}'", source, value));
                           }
                           std::string name = value.substr(0, colon);
                           std::string text = value.substr(colon + 1);
                           name.erase(name.find_last_not_of(" \t") + 1);
                           text.erase(0, text.find_first_not_of(" \t"));
                           check_header_name(name, source);
                           check_header_value(text, source);
                           (settings.*m)[name] = text;
                       }
                   },
               },
               entry->target);
}

void finalize_settings(generate_settings& s, std::string_view command) {
    const auto fail = [](std::string_view field, const std::string& what) {
        throw settings_error(fmt::format("setting '{}': {}", field, what));
    };
    if (s.provider != "openai" && s.provider != "replay") {
        fail("provider", fmt::format("expected 'openai' or 'replay', got '{}'", s.provider));
    }
    if (s.provider == "openai") {
        if (s.model.empty()) fail("model", "required for the openai provider (--model or HIPKB_MODEL)");
        if (!s.base_url.starts_with("http://") && !s.base_url.starts_with("https://")) {
            fail("base_url", fmt::format("expected an http:// or https:// URL, got '{}'", s.base_url));
        }
    }
    if (s.provider == "replay" && s.replay_dir.empty()) {
        fail("replay_dir", "required for the replay provider (--replay-dir)");
    }
    if (!s.api_key_header.empty()) check_header_name(s.api_key_header, "setting 'api_key_header'");
    if (s.max_tokens_field != "max_tokens" && s.max_tokens_field != "max_completion_tokens") {
        fail("max_tokens_field",
             fmt::format("expected 'max_tokens' or 'max_completion_tokens', got '{}'", s.max_tokens_field));
    }
    if (s.max_tokens < 1) fail("max_tokens", "expected at least 1");
    if (s.temperature < 0.0 || s.temperature > 2.0) fail("temperature", "expected a value from 0 to 2");
    if (s.samples < 1 || s.samples > 100000) fail("samples", "expected 1 to 100000");
    if (s.concurrency < 1 || s.concurrency > 4096) fail("concurrency", "expected 1 to 4096");
    if (s.requests_per_minute < 0) fail("requests_per_minute", "expected 0 (no limit) or more");
    if (s.tokens_per_minute < 0) fail("tokens_per_minute", "expected 0 (no limit) or more");
    if (s.max_attempts < 1 || s.max_attempts > 100) fail("max_attempts", "expected 1 to 100");
    if (s.backoff_initial_s < 0.0) fail("backoff_initial_s", "expected 0 or more seconds");
    if (s.backoff_max_s < s.backoff_initial_s) fail("backoff_max_s", "expected at least backoff_initial_s");
    if (s.connect_timeout_s <= 0.0) fail("connect_timeout_s", "expected more than 0 seconds");
    if (s.timeout_s <= 0.0) fail("timeout_s", "expected more than 0 seconds");
    if (s.mode != "whole_file" && s.mode != "function_body") {
        fail("mode", fmt::format("expected 'whole_file' or 'function_body', got '{}'", s.mode));
    }
    if (s.prompt_template.empty()) s.prompt_template = s.mode;
    if (s.platform != "amd" && s.platform != "nvidia" && s.platform != "host") {
        fail("platform", fmt::format("expected 'amd', 'nvidia' or 'host', got '{}'", s.platform));
    }
    if (s.arch.empty()) {
        s.arch = s.platform == "amd" ? "gfx90a" : s.platform == "nvidia" ? "sm_80" : "the host CPU";
    }
    if (s.run.empty()) {
        std::string name = s.provider == "replay" ? "replay" : s.model;
        for (char& c : name) {
            if (!(std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_')) c = '_';
        }
        s.run = name;
    }
    if (!is_safe_name(s.run)) fail("run", fmt::format("'{}' may hold only letters, digits, '-' and '_'", s.run));
    if (s.progress != "auto" && s.progress != "live" && s.progress != "plain" && s.progress != "off") {
        fail("progress", fmt::format("expected 'auto', 'live', 'plain' or 'off', got '{}'", s.progress));
    }
    if (command == "refine") {
        if (s.max_turns < 1 || s.max_turns > 100) fail("max_turns", "expected 1 to 100");
        if (s.min_gain < 0.0) fail("min_gain", "expected 0 or more");
        if (s.eval_timeout_s <= 0.0) fail("eval_timeout_s", "expected more than 0 seconds");
        if (s.target_mode != "target" && s.target_mode != "upper-bound") {
            fail("target_mode", fmt::format("expected 'target' or 'upper-bound', got '{}'", s.target_mode));
        }
        if (!s.targets.empty()) {
            double percent = 0.0;
            const char* begin = s.target_level.data();
            const char* end = begin + s.target_level.size();
            const auto parsed = std::from_chars(begin, end, percent);
            if (s.target_level.empty() || parsed.ec != std::errc() || parsed.ptr != end || !(percent > 0.0)) {
                fail("target_level",
                     fmt::format("expected a percentage of the best known speedup such as '90', got '{}'",
                                 s.target_level));
            }
        }
        if (!is_safe_name(s.from_sample)) {
            fail("from_sample", fmt::format("'{}' may hold only letters, digits, '-' and '_'", s.from_sample));
        }
    }
}

nlohmann::json settings_to_json(const generate_settings& settings) {
    json out = json::object();
    for (const auto& entry : field_table()) {
        const std::string key(entry.info.key);
        std::visit(overloaded{
                       [&](std::string generate_settings::*m) { out[key] = settings.*m; },
                       [&](std::int64_t generate_settings::*m) { out[key] = settings.*m; },
                       [&](double generate_settings::*m) { out[key] = settings.*m; },
                       [&](std::vector<std::string> generate_settings::*m) { out[key] = settings.*m; },
                       [&](std::map<std::string, std::string> generate_settings::*m) {
                           json names = json::array();
                           for (const auto& [name, value] : settings.*m) names.push_back(name);
                           out[key] = names;
                       },
                   },
                   entry.target);
    }
    return out;
}

}  // namespace hipkb::generator
