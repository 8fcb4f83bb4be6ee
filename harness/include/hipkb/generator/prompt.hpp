#pragma once
// Prompts: a template (built-in or a file) filled with one problem's
// reference source, spec and target, optionally after few-shot examples.
//
// Template files have sections that start with a line "=== system ===" or
// "=== user ===" (a file without them is one user message). {{name}} is
// replaced by a value (see prompt_placeholders()); an unknown name is an
// error. Few-shot files hold "=== user ===" / "=== assistant ===" turns,
// used as they are.

#include <hipkb/core/spec.hpp>
#include <hipkb/generator/chat.hpp>
#include <hipkb/generator/kernel_source.hpp>
#include <hipkb/generator/selection.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb::generator {

struct generate_settings;

class prompt_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct prompt_template {
    std::string name;  // the built-in's name or the file's path
    std::string system;
    std::string user;
};

// A built-in name ("whole_file", "function_body", "from_description") or a
// template file.
[[nodiscard]] prompt_template load_template(std::string_view name_or_path);
// Parses template text; `source` names it in errors.
[[nodiscard]] prompt_template parse_template(std::string_view text, std::string_view source);
// The turns of a few-shot file.
[[nodiscard]] message_list load_few_shot(const std::filesystem::path& file);

// The placeholders a template may use, with what each holds.
[[nodiscard]] std::span<const std::pair<std::string_view, std::string_view>> prompt_placeholders();

// Replaces {{name}} in `text` by values[name]; values are not scanned again.
[[nodiscard]] std::string render_template(std::string_view text,
                                          const std::map<std::string, std::string, std::less<>>& values,
                                          std::string_view source);

// A short description of a problem for the model: sizes, tensors, tolerance.
[[nodiscard]] std::string describe_spec(const problem_spec& spec);

// The source file a problem's candidates rewrite: reference.hip, or on the
// host platform reference.cpp when present, else golden.cpp (which is the
// host reference).
[[nodiscard]] std::filesystem::path reference_source_path(const std::filesystem::path& problem_dir,
                                                          std::string_view platform);

// Where a problem's task description lives: <problem_dir>/task.md, the
// {{task}} placeholder's text (`hipkb describe` writes it).
[[nodiscard]] std::filesystem::path task_description_path(const std::filesystem::path& problem_dir);

// "sha256:<hex>" of the messages, serialised with their roles.
[[nodiscard]] std::string prompt_hash(const message_list& messages);

// Everything a problem's samples share.
struct problem_prompt {
    problem_entry problem;
    std::shared_ptr<const message_list> messages;
    std::string hash;
    std::string template_name;
    std::string reference_source;
    std::filesystem::path reference_file;
    std::optional<function_location> kernel;  // function_body mode
};

// Loads the spec and reference of `problem` and renders the prompt. Throws
// prompt_error (or spec_error) naming the file at fault.
[[nodiscard]] problem_prompt build_prompt(const generate_settings& settings, const problem_entry& problem,
                                          const prompt_template& tmpl, const message_list& few_shot);

// The prompts of every problem the settings select (their problem list,
// their shard), all built before the first request, so a broken spec or
// template stops a run before any money is spent.
[[nodiscard]] std::vector<problem_prompt> build_prompts(const generate_settings& settings);

// The candidate source from an answer's code: the code itself in
// whole_file mode; the reference with the kernel's body replaced in
// function_body mode.
[[nodiscard]] std::string candidate_source(const problem_prompt& prompt, std::string_view code);

}  // namespace hipkb::generator
