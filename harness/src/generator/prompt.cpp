#include <hipkb/generator/prompt.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/generator/selection.hpp>
#include <hipkb/generator/settings.hpp>
#include <sha256.hpp>

#include "templates.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <vector>

namespace hipkb::generator {

namespace {

constexpr std::pair<std::string_view, std::string_view> placeholder_table[] = {
    {"problem", "the problem's name"},
    {"title", "the spec's one-line title"},
    {"level", "the problem's level (1, 2, ...)"},
    {"spec", "sizes, inputs and outputs with dtypes and shapes, tolerance, work figures"},
    {"platform", "amd, nvidia or host"},
    {"platform_description", "the platform and architecture in words"},
    {"arch", "the target architecture (e.g. gfx90a)"},
    {"language", "the code block language: hip, or cpp on host"},
    {"language_name", "HIP, or C++ on host"},
    {"launch_rule", "how the entry point must run its work on this platform"},
    {"entry_header", "the text of hipkb/entry.h"},
    {"reference_file", "the reference's file name"},
    {"reference_source", "the reference source"},
    {"task", "the problem's task description: <problem>/task.md (written by `hipkb describe`)"},
    {"kernel_name", "function_body mode: the function to rewrite"},
    {"kernel_body", "function_body mode: its current body"},
};

struct section {
    std::string role;
    std::string text;
};

// Splits text at "=== role ===" lines. Text before the first marker belongs
// to `default_role`; blank sections are dropped.
std::vector<section> split_sections(std::string_view text, std::string_view default_role, std::string_view source,
                                    std::initializer_list<std::string_view> allowed) {
    std::vector<section> sections;
    std::string role(default_role);
    std::string pending;
    const auto flush = [&] {
        std::size_t first = pending.find_first_not_of("\r\n");
        std::size_t last = pending.find_last_not_of(" \t\r\n");
        if (first != std::string::npos && last != std::string::npos &&
            pending.find_first_not_of(" \t\r\n") != std::string::npos) {
            sections.push_back({role, pending.substr(first, last + 1 - first)});
        }
        pending.clear();
    };
    std::istringstream stream{std::string(text)};
    std::size_t line_number = 0;
    for (std::string line; std::getline(stream, line);) {
        ++line_number;
        std::string_view view = line;
        if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
        if (view.starts_with("=== ") && view.ends_with(" ===") && view.size() > 8) {
            const std::string name(view.substr(4, view.size() - 8));
            bool ok = false;
            for (const auto allowed_role : allowed) ok = ok || allowed_role == name;
            if (!ok) {
                throw prompt_error(fmt::format("{}:{}: unknown section '=== {} ==='; expected one of: {}", source,
                                               line_number, name, fmt::join(allowed, ", ")));
            }
            flush();
            role = name;
            continue;
        }
        pending += line;
        pending += '\n';
    }
    flush();
    return sections;
}

std::string init_text(const init_spec& init) {
    switch (init.distribution) {
        case init_spec::kind::normal:
            return fmt::format("normal(mean {}, stddev {})", init.a, init.b);
        case init_spec::kind::uniform:
            return fmt::format("uniform in [{}, {})", init.a, init.b);
        case init_spec::kind::randint:
            return fmt::format("random integers in [{}, {})", init.a, init.b);
    }
    return "";
}

std::string shape_text(const tensor_spec& tensor) { return fmt::format("[{}]", fmt::join(tensor.shape, ", ")); }

std::string platform_description(const generate_settings& s) {
    if (s.platform == "amd") return fmt::format("an AMD GPU ({}) with HIP and ROCm", s.arch);
    if (s.platform == "nvidia") return fmt::format("an NVIDIA GPU ({}) through HIP on CUDA", s.arch);
    return fmt::format("the host CPU ({}): plain C++, no GPU", s.arch);
}

std::string launch_rule(const generate_settings& s) {
    if (s.platform == "host") {
        return "This is the host platform: the pointers are host memory, `args->stream` is null; do the work "
               "directly in plain C++ and return 0.";
    }
    return "Launch all work on the stream `static_cast<hipStream_t>(args->stream)` and return "
           "`hipGetLastError()` (0 on success).";
}

// Templates put their own line breaks around values.
std::string trim_end(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

// Whether `text` has the placeholder {{name}} (spaces inside the braces allowed).
bool uses_placeholder(std::string_view text, std::string_view name) {
    for (std::size_t open = text.find("{{"); open != std::string_view::npos; open = text.find("{{", open + 2)) {
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) return false;
        std::string_view inside = text.substr(open + 2, close - open - 2);
        while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
        while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
        if (inside == name) return true;
    }
    return false;
}

}  // namespace

std::filesystem::path task_description_path(const std::filesystem::path& problem_dir) {
    return problem_dir / "task.md";
}

std::span<const std::pair<std::string_view, std::string_view>> prompt_placeholders() { return placeholder_table; }

prompt_template parse_template(std::string_view text, std::string_view source) {
    prompt_template out;
    out.name = std::string(source);
    bool has_user = false;
    for (auto& part : split_sections(text, "user", source, {"system", "user"})) {
        std::string& target = part.role == "system" ? out.system : out.user;
        if (!target.empty()) throw prompt_error(fmt::format("{}: the '{}' section appears twice", source, part.role));
        target = std::move(part.text);
        has_user = has_user || part.role == "user";
    }
    if (!has_user || out.user.empty()) throw prompt_error(fmt::format("{}: the template has no user message", source));
    return out;
}

prompt_template load_template(std::string_view name_or_path) {
    if (const auto builtin = detail::builtin_template(name_or_path)) {
        prompt_template out = parse_template(*builtin, name_or_path);
        out.name = std::string(name_or_path);
        return out;
    }
    const std::filesystem::path file(name_or_path);
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
        throw prompt_error(fmt::format(
            "template '{}' is neither a built-in ('whole_file', 'function_body', 'from_description') nor a readable "
            "file",
            name_or_path));
    }
    return parse_template(read_file(file), file.string());
}

message_list load_few_shot(const std::filesystem::path& file) {
    std::string text;
    try {
        text = read_file(file);
    } catch (const std::exception& error) {
        throw prompt_error(fmt::format("few_shot: {}", error.what()));
    }
    message_list turns;
    for (auto& part : split_sections(text, "user", file.string(), {"system", "user", "assistant"})) {
        if (part.role == "system") {
            throw prompt_error(fmt::format("{}: a few-shot file holds only user and assistant turns", file.string()));
        }
        turns.push_back({part.role, std::move(part.text)});
    }
    if (turns.empty() || turns.back().role != "assistant") {
        throw prompt_error(
            fmt::format("{}: a few-shot file must end with an '=== assistant ===' answer", file.string()));
    }
    return turns;
}

std::string render_template(std::string_view text, const std::map<std::string, std::string, std::less<>>& values,
                            std::string_view source) {
    std::string out;
    out.reserve(text.size() * 2);
    std::size_t at = 0;
    while (true) {
        const std::size_t open = text.find("{{", at);
        if (open == std::string_view::npos) {
            out.append(text.substr(at));
            return out;
        }
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) {
            throw prompt_error(fmt::format("{}: '{{{{' without a closing '}}}}'", source));
        }
        std::string_view name = text.substr(open + 2, close - open - 2);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        const auto found = values.find(name);
        if (found == values.end()) {
            std::vector<std::string_view> known;
            for (const auto& [key, help] : placeholder_table) known.push_back(key);
            bool is_known = false;
            for (const auto key : known) is_known = is_known || key == name;
            if (is_known) {
                throw prompt_error(
                    fmt::format("{}: placeholder {{{{{}}}}} is only available in function_body mode", source, name));
            }
            throw prompt_error(
                fmt::format("{}: unknown placeholder {{{{{}}}}}; known: {}", source, name, fmt::join(known, ", ")));
        }
        out.append(text.substr(at, open - at));
        out.append(found->second);
        at = close + 2;
    }
}

std::string describe_spec(const problem_spec& spec) {
    std::string out = fmt::format("{} (level {}): {}\n", spec.name, spec.level, spec.title);
    std::vector<std::string> dims;
    for (const auto& dim : spec.dims) dims.push_back(fmt::format("{} = {}", dim.name, dim.value));
    out += fmt::format("Dims, in the order of args->dims: {} (benchmark values; the code must work for any)\n",
                       dims.empty() ? std::string("none") : fmt::format("{}", fmt::join(dims, ", ")));
    out += "Inputs, in the order of args->inputs:\n";
    for (const auto& input : spec.inputs) {
        out += fmt::format("- {}: {}, shape {}, values {}\n", input.name, to_string(input.type), shape_text(input),
                           init_text(input.init));
    }
    out += "Outputs, in the order of args->outputs:\n";
    for (const auto& output : spec.outputs) {
        const tolerance tol = spec.tolerance_for(output);
        const std::string tolerance_text =
            is_floating(output.type) ? fmt::format("atol {:g}, rtol {:g}", tol.atol, tol.rtol) : std::string("exact");
        out += fmt::format("- {}: {}, shape {}, must match within {}\n", output.name, to_string(output.type),
                           shape_text(output), tolerance_text);
    }
    out += "An element passes when |got - expected| <= atol + rtol * |expected|.\n";
    if (!spec.flops.empty() || !spec.bytes.empty()) {
        out += fmt::format("Work: {} floating-point operations, {} bytes moved at least\n",
                           spec.flops.empty() ? "?" : spec.flops, spec.bytes.empty() ? "?" : spec.bytes);
    }
    return out;
}

std::filesystem::path reference_source_path(const std::filesystem::path& problem_dir, std::string_view platform) {
    if (platform == "host") {
        std::error_code error;
        const auto cpp = problem_dir / "reference.cpp";
        if (std::filesystem::is_regular_file(cpp, error)) return cpp;
        return problem_dir / "golden.cpp";
    }
    return problem_dir / "reference.hip";
}

std::string prompt_hash(const message_list& messages) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& message : messages) array.push_back({{"role", message.role}, {"content", message.content}});
    return "sha256:" + sha256_hex(array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

problem_prompt build_prompt(const generate_settings& settings, const problem_entry& problem,
                            const prompt_template& tmpl, const message_list& few_shot) {
    const problem_spec spec = load_spec(problem.directory / "spec.json");
    problem_prompt out;
    out.problem = problem;
    out.template_name = tmpl.name;
    out.reference_file = reference_source_path(problem.directory, settings.platform);
    try {
        out.reference_source = read_file(out.reference_file);
    } catch (const std::exception& error) {
        throw prompt_error(fmt::format("problem '{}': {}", problem.name, error.what()));
    }
    const bool host = settings.platform == "host";
    std::map<std::string, std::string, std::less<>> values = {
        {"problem", spec.name},
        {"title", spec.title},
        {"level", std::to_string(spec.level)},
        {"spec", trim_end(describe_spec(spec))},
        {"platform", settings.platform},
        {"platform_description", platform_description(settings)},
        {"arch", settings.arch},
        {"language", host ? "cpp" : "hip"},
        {"language_name", host ? "C++" : "HIP"},
        {"launch_rule", launch_rule(settings)},
        {"entry_header", std::string(detail::entry_header_text())},
        {"reference_file", out.reference_file.filename().string()},
        {"reference_source", trim_end(out.reference_source)},
    };
    // task.md is read only when the template asks for it, so that problems
    // without a description work with every other template.
    if (uses_placeholder(tmpl.system, "task") || uses_placeholder(tmpl.user, "task")) {
        const std::filesystem::path task_file = task_description_path(problem.directory);
        std::error_code error;
        if (!std::filesystem::is_regular_file(task_file, error)) {
            throw prompt_error(
                fmt::format("{}: the template uses {{{{task}}}}, but problem '{}' has no task description: expected "
                            "{} (write it with `hipkb describe --problems {}`)",
                            tmpl.name, problem.name, task_file.string(), problem.name));
        }
        values["task"] = trim_end(read_file(task_file));
    }
    if (settings.mode == "function_body") {
        try {
            out.kernel = find_function(out.reference_source, settings.kernel, out.reference_file.string());
        } catch (const std::invalid_argument& error) {
            throw prompt_error(error.what());
        }
        values["kernel_name"] = out.kernel->name;
        std::string body =
            out.reference_source.substr(out.kernel->body_begin, out.kernel->body_end - out.kernel->body_begin);
        body.erase(0, body.find_first_not_of("\r\n"));
        while (!body.empty() && (body.back() == ' ' || body.back() == '\n' || body.back() == '\r')) body.pop_back();
        values["kernel_body"] = body;
    }
    auto messages = std::make_shared<message_list>();
    if (!tmpl.system.empty()) messages->push_back({"system", render_template(tmpl.system, values, tmpl.name)});
    for (const auto& turn : few_shot) messages->push_back(turn);
    messages->push_back({"user", render_template(tmpl.user, values, tmpl.name)});
    out.hash = prompt_hash(*messages);
    out.messages = std::move(messages);
    return out;
}

std::string candidate_source(const problem_prompt& prompt, std::string_view code) {
    std::string source;
    if (!prompt.kernel) {
        source = std::string(code);
    } else {
        source = replace_body(prompt.reference_source, *prompt.kernel, body_from_answer(code, prompt.kernel->name));
    }
    if (source.empty() || source.back() != '\n') source += '\n';
    return source;
}

std::vector<problem_prompt> build_prompts(const generate_settings& settings) {
    const shard_spec shard = parse_shard(settings.shard);
    const std::vector<problem_entry> problems =
        take_shard(select_problems(discover_problems(settings.reference_dir), settings.problems), shard);
    const prompt_template tmpl = load_template(settings.prompt_template);
    message_list few_shot;
    for (const auto& file : settings.few_shot) {
        for (auto& turn : load_few_shot(file)) few_shot.push_back(std::move(turn));
    }
    std::vector<problem_prompt> prompts;
    prompts.reserve(problems.size());
    for (const auto& problem : problems) prompts.push_back(build_prompt(settings, problem, tmpl, few_shot));
    return prompts;
}

}  // namespace hipkb::generator
