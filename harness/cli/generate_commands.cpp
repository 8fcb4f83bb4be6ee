// hipkb generate, hipkb refine: flags only; the work is in hipkb_generator.
#include "commands.hpp"

#include <hipkb/core/process.hpp>
#include <hipkb/generator/describe.hpp>
#include <hipkb/generator/generate_run.hpp>
#include <hipkb/generator/prompt.hpp>
#include <hipkb/generator/refine.hpp>
#include <hipkb/generator/settings.hpp>

#include <fmt/core.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hipkb::cli {

namespace {

using namespace hipkb::generator;

std::string type_label(const field_info& field) {
    if (field.key == "headers") return "'NAME: VALUE'";
    if (field.is_path) return "PATH";
    switch (field.type) {
        case field_type::integer:
            return "INT";
        case field_type::number:
            return "NUMBER";
        default:
            return "TEXT";
    }
}

// The flags of every setting, collected as text: the library converts and
// checks them, so a config file and a flag fail with the same message.
struct settings_flags {
    std::string config;
    std::map<std::string, std::string> scalars;
    std::map<std::string, std::vector<std::string>> lists;
    std::map<std::string, CLI::Option*> options;

    void add_to(CLI::App& app, bool refine) {
        app.add_option("--config,-c", config,
                       "A JSON or TOML file of settings: any field below, by the key in [brackets]. Flags and HIPKB_* "
                       "environment variables override it.")
            ->envname("HIPKB_CONFIG")
            ->check(CLI::ExistingFile);
        for (const field_info& field : settings_fields()) {
            if (field.scope == field_scope::refine_only && !refine) continue;
            std::string help = fmt::format("[{}] {}", field.key, field.help);
            const std::string fallback = default_text(field);
            if (!fallback.empty()) help += fmt::format(" (default: {})", fallback);
            std::string names = flag_name(field);
            if (field.key == "build_dir") names += ",-B";
            if (field.key == "problems") names += ",-p";
            if (field.key == "samples") names += ",-n";
            if (field.key == "concurrency") names += ",-j";
            CLI::Option* option = nullptr;
            const std::string key(field.key);
            if (field.type == field_type::text_list || field.type == field_type::text_map) {
                option = app.add_option(names, lists[key], help)->expected(1)->type_size(1);
                option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
            } else {
                option = app.add_option(names, scalars[key], help);
            }
            option->type_name(type_label(field));
            if (!field.env.empty()) option->envname(std::string(field.env));
            option->group(std::string(group_title(field.group)));
            options[key] = option;
        }
    }

    // Defaults, then the config file, then environment and flags (CLI11 has
    // already merged those two, a flag winning over its variable).
    [[nodiscard]] generate_settings resolve() const {
        generate_settings settings;
        if (!config.empty()) apply_settings_file(settings, config);
        for (const auto& [key, option] : options) {
            if (option->count() == 0) continue;
            const std::string source = option->get_name();
            if (const auto it = scalars.find(key); it != scalars.end()) {
                apply_setting_text(settings, key, {it->second}, source);
            } else {
                apply_setting_text(settings, key, lists.at(key), source);
            }
        }
        return settings;
    }
};

std::string placeholder_help() {
    std::string text = "Template placeholders ({{name}}):\n";
    for (const auto& [name, what] : prompt_placeholders()) {
        text += fmt::format("  {:<26} {}\n", fmt::format("{{{{{}}}}}", name), what);
    }
    return text;
}

}  // namespace

void add_generate_commands(CLI::App& app) {
    auto* generate = app.add_subcommand(
        "generate",
        "Ask a chat model (any OpenAI-compatible endpoint, or a replay of recorded answers) to rewrite each selected "
        "problem's reference into candidates: <generated_dir>/<run>/<problem>/<sample>.hip (.cpp on host) with "
        "<sample>.json metadata. A rerun skips finished samples. The API key is read only from the environment "
        "variable named by --api-key-env.");
    auto generate_flags = std::make_shared<settings_flags>();
    generate_flags->add_to(*generate, false);
    generate->footer(placeholder_help() +
                     "\nExit codes: 0 all samples written; 1 some failed (listed at the end and in "
                     "<generated_dir>/<run>/run.json); 2 bad settings; 130 interrupted (finished samples are kept; "
                     "rerun to resume).\nDetails: docs/generator.md");
    generate->callback([generate_flags] {
        const generate_settings settings = generate_flags->resolve();
        install_interrupt_handler();
        generate_options options;
        options.should_stop = [] { return interrupted(); };
        const generate_result result = generate_run(settings, options);
        if (const int code = result.exit_code(); code != 0) throw exit_request{code};
    });

    auto* refine = app.add_subcommand(
        "refine",
        "Improve candidates turn by turn: build and evaluate each problem's candidate through a configured hipkb "
        "build (--build-dir), send the compiler errors, the mismatch or the timings back to the model, and write "
        "its answer as the next sample (<sample>_t<k>, linked to its parent). Stops per problem after --max-turns or "
        "once a correct candidate beats the reference by --min-gain. Candidates go to the build's "
        "HIPKB_GENERATED_DIR, and the platform is the build's.");
    auto refine_flags = std::make_shared<settings_flags>();
    refine_flags->add_to(*refine, true);
    refine->footer(placeholder_help() +
                   "\nSpeedup targets: --targets targets.json (from `hipkb targets`) --target-level 90 makes each "
                   "problem's goal its target speedup (stop reason reached_target); --target-mode upper-bound uses "
                   "every turn and keeps the fastest. Problems without a usable target are skipped before any "
                   "request and listed.\nExit codes: 0 every turn ran; 1 a request, build or bench failed, or a "
                   "problem was skipped (listed); 2 bad settings; 77 no GPU to evaluate on; 130 interrupted.\n"
                   "Details: docs/generator.md");
    refine->callback([refine_flags] {
        const generate_settings settings = refine_flags->resolve();
        install_interrupt_handler();
        refine_options options;
        options.should_stop = [] { return interrupted(); };
        const refine_result result = refine_run(settings, options);
        if (const int code = result.exit_code(); code != 0) throw exit_request{code};
    });

    auto* describe = app.add_subcommand(
        "describe",
        "Ask the model for a plain-English description of what each selected problem's reference computes "
        "(inputs, outputs, shapes, semantics; not how) and write it as <reference_dir>/<level>/<problem>/task.md, "
        "the {{task}} of prompt templates (the built-in template from_description uses it). Files given instead "
        "are described to <out>/<name>.md. A rerun skips descriptions already written. Replay recordings are "
        "<replay_dir>/<name>/task.{json,md}.");
    auto describe_flags = std::make_shared<settings_flags>();
    describe_flags->add_to(*describe, false);
    auto describe_files = std::make_shared<std::vector<std::string>>();
    auto describe_out = std::make_shared<std::string>();
    describe->add_option("files", *describe_files, "Source files to describe instead of the selected problems")
        ->check(CLI::ExistingFile);
    describe->add_option("--out", *describe_out,
                         "Write descriptions to <out>/<name>.md instead of each problem's task.md (required with "
                         "files)");
    describe->footer(
        "Exit codes: 0 every description written or already there; 1 some failed (listed at the end); 2 bad "
        "settings; 130 interrupted.\nDetails: docs/generator.md");
    describe->callback([describe_flags, describe_files, describe_out] {
        const generate_settings settings = describe_flags->resolve();
        install_interrupt_handler();
        describe_options options;
        options.files.assign(describe_files->begin(), describe_files->end());
        options.out_dir = *describe_out;
        options.should_stop = [] { return interrupted(); };
        const describe_result result = describe_run(settings, options);
        if (const int code = result.exit_code(); code != 0) throw exit_request{code};
    });
}

}  // namespace hipkb::cli
