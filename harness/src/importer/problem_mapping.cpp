#include <hipkb/importer/problem_mapping.hpp>

#include "constant_value.hpp"
#include "hip_program.hpp"

#include <hipkb/core/expression.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

namespace hipkb::importer {

namespace {

using namespace detail;

// Thrown inside the mapping with the reason the entry is skipped.
struct unmappable {
    std::string reason;
};

std::optional<std::string> dtype_of(std::string_view base_type) {
    if (base_type == "float") return "fp32";
    if (base_type == "__half" || base_type == "half") return "fp16";
    if (base_type == "hip_bfloat16" || base_type == "__hip_bfloat16" || base_type == "__bf16") return "bf16";
    if (base_type == "int" || base_type == "int32_t") return "int32";
    if (base_type == "int64_t" || base_type == "long long" || base_type == "long") return "int64";
    return std::nullopt;
}

std::size_t element_bytes(std::string_view dtype) {
    return dtype == "fp32" || dtype == "int32" ? 4 : dtype == "int64" ? 8 : 2;
}

bool is_integer_type(std::string_view base_type) {
    static const std::set<std::string, std::less<>> names{
        "int",    "unsigned", "unsigned int", "long",     "long long", "unsigned long", "unsigned long long",
        "size_t", "int32_t",  "int64_t",      "uint32_t", "uint64_t",  "short",         "const int"};
    return names.contains(base_type);
}

bool is_identifier_text(std::string_view text) {
    if (text.empty() || (std::isdigit(static_cast<unsigned char>(text[0])) != 0)) return false;
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; });
}

// Names a launch may use without a declaration: types, casts, HIP builtins.
bool is_builtin(std::string_view name) {
    static const std::set<std::string, std::less<>> names{
        "dim3",  "sizeof", "size_t",      "int",     "unsigned", "long",     "float",    "double",      "char",
        "short", "const",  "static_cast", "int64_t", "int32_t",  "uint32_t", "uint64_t", "min",         "max",
        "std",   "true",   "false",       "nullptr", "auto",     "__half",   "half",     "hip_bfloat16"};
    return names.contains(name);
}

// What the importer knows about the launch it reproduces.
class launch_mapping {
public:
    launch_mapping(const hip_program& program, const launch_site& launch) : m_program(program), m_launch(launch) {
        m_host = &program.functions[launch.function];
        find_caller();
    }

    const function_item& host() const { return *m_host; }

    // The declaration of `name` among the host function's statements before
    // the launch: the statement and its initializer.
    struct declaration {
        token_range statement;
        token_range initializer;  // empty when it has none
    };

    std::optional<declaration> declared_in(const function_item& fn, std::size_t before, std::string_view name) const {
        const std::vector<token>& tokens = m_program.tokens;
        for (std::size_t s = std::min(before, fn.statements.size()); s-- > 0;) {
            const token_range st = fn.statements[s];
            for (std::size_t i = st.first; i < st.last; ++i) {
                const token& t = tokens[i];
                if (t.kind != token_kind::identifier) {
                    if (t.spelling == "*" || t.spelling == "::" || t.spelling == "<" || t.spelling == ">") continue;
                    break;
                }
                if (t.spelling != name || i == st.first || i + 1 >= st.last) continue;
                const std::string& next = tokens[i + 1].spelling;
                if (next == "=") return declaration{st, {i + 2, st.last - 1}};
                if (next == "(" || next == "{") return declaration{st, {i + 2, st.last - 2}};
                if (next == ";" || next == "[") return declaration{st, {}};
                break;
            }
        }
        return std::nullopt;
    }

    std::size_t launch_statement() const { return m_launch.statement; }
    const function_item* caller() const { return m_caller; }
    std::size_t caller_statement() const { return m_caller_statement; }

    // The caller's argument for a host-function parameter.
    std::optional<token_range> caller_argument(std::string_view param) const {
        if (m_caller == nullptr) return std::nullopt;
        for (std::size_t p = 0; p < m_host->params.size() && p < m_caller_args.size(); ++p) {
            if (m_host->params[p].name == param) return m_caller_args[p];
        }
        return std::nullopt;
    }

    bool is_host_parameter(std::string_view name) const {
        return std::any_of(m_host->params.begin(), m_host->params.end(),
                           [&](const parameter& p) { return p.name == name; });
    }

    // The value of a name at the launch: a local constant, a constant the
    // caller passes, a #define or a top-level constant.
    std::optional<std::int64_t> value_of(std::string_view name, const function_item* scope, std::size_t before,
                                         int depth = 0) const {
        if (depth > 16) return std::nullopt;
        const constant_lookup lookup_here = [&](std::string_view inner) {
            return value_of(inner, scope, before, depth + 1);
        };
        if (scope != nullptr) {
            if (const auto found = declared_in(*scope, before, name);
                found && found->initializer.first < found->initializer.last) {
                return constant_value(m_program.text(found->initializer), lookup_here);
            }
            if (scope == m_host) {
                if (const auto argument = caller_argument(name)) {
                    const constant_lookup in_caller = [&](std::string_view inner) {
                        return value_of(inner, m_caller, m_caller_statement, depth + 1);
                    };
                    return constant_value(m_program.text(*argument), in_caller);
                }
            }
        }
        if (const auto constant = m_program.constants.find(name); constant != m_program.constants.end()) {
            return constant_value(constant->second,
                                  [&](std::string_view inner) { return value_of(inner, nullptr, 0, depth + 1); });
        }
        return std::nullopt;
    }

private:
    // The function that calls the host function (usually main), and its
    // arguments: where the program's sizes are.
    void find_caller() {
        const std::vector<token>& tokens = m_program.tokens;
        for (const function_item& fn : m_program.functions) {
            if (&fn == m_host || fn.kernel || fn.device) continue;
            for (std::size_t i = fn.body.first; i + 1 < fn.body.last; ++i) {
                if (tokens[i].kind != token_kind::identifier || tokens[i].spelling != m_host->name ||
                    tokens[i + 1].spelling != "(")
                    continue;
                int depth = 0;
                std::size_t close = i + 1;
                for (; close < fn.body.last; ++close) {
                    if (tokens[close].spelling == "(") ++depth;
                    if (tokens[close].spelling == ")" && --depth == 0) break;
                }
                m_caller = &fn;
                for (std::size_t s = 0; s < fn.statements.size(); ++s) {
                    if (fn.statements[s].first <= i && i < fn.statements[s].last) m_caller_statement = s;
                }
                std::size_t start = i + 2;
                depth = 0;
                for (std::size_t k = i + 2; k <= close; ++k) {
                    const std::string& sp = tokens[k].spelling;
                    if (sp == "(" || sp == "[" || sp == "{") ++depth;
                    if ((sp == ")" || sp == "]" || sp == "}") && depth-- > 0) continue;
                    if ((sp == "," && depth == 0) || k == close) {
                        if (k > start) m_caller_args.push_back({start, k});
                        start = k + 1;
                    }
                }
                return;
            }
        }
    }

    const hip_program& m_program;
    const launch_site& m_launch;
    const function_item* m_host = nullptr;
    const function_item* m_caller = nullptr;
    std::size_t m_caller_statement = 0;
    std::vector<token_range> m_caller_args;
};

struct tensor_binding {
    std::string name;      // the kernel's parameter name: the spec's tensor name
    std::string variable;  // the host variable the launch passes
    std::string dtype;
    std::string c_type;
    bool input = false;
    std::vector<std::string> shape;
};

struct dim_binding {
    std::string name;      // the kernel's parameter name: the spec's dim name
    std::string variable;  // the host variable the launch passes
    std::string c_type;
    std::int64_t value = 0;
    bool value_found = false;
};

class mapper {
public:
    mapper(const hip_program& program, const mapping_request& request) : m_program(program), m_request(request) {}

    mapped_problem run() {
        const launch_site& launch = the_launch();
        m_kernel = m_program.function_named(launch.kernel);
        if (m_kernel == nullptr || !m_kernel->kernel) {
            throw unmappable{fmt::format("the host code launches '{}', which is not a __global__ function of the file",
                                         launch.kernel)};
        }
        if (m_kernel->templated) {
            throw unmappable{fmt::format("kernel '{}' is a template; its arguments are not resolved", m_kernel->name)};
        }
        if (launch.args.size() != m_kernel->params.size()) {
            throw unmappable{fmt::format("the launch of '{}' passes {} arguments for {} parameters", m_kernel->name,
                                         launch.args.size(), m_kernel->params.size())};
        }
        m_launch = &launch;
        launch_mapping context(m_program, launch);
        m_context = &context;
        bind_parameters();
        for (tensor_binding& tensor : m_tensors) tensor.shape = shape_of(tensor);
        choose_test_sizes();
        return {reference_hip(), spec()};
    }

private:
    const launch_site& the_launch() const {
        std::vector<std::string> kernels;
        for (const launch_site& launch : m_program.launches) {
            if (std::find(kernels.begin(), kernels.end(), launch.kernel) == kernels.end())
                kernels.push_back(launch.kernel);
        }
        const bool any_kernel = std::any_of(m_program.functions.begin(), m_program.functions.end(),
                                            [](const function_item& f) { return f.kernel; });
        if (!any_kernel) throw unmappable{"no __global__ kernel in the file"};
        if (m_program.launches.empty())
            throw unmappable{"no kernel launch (<<<...>>> or hipLaunchKernelGGL) in the host code"};
        if (kernels.size() > 1 || m_program.launches.size() > 1) {
            std::string names;
            for (const std::string& k : kernels) names += (names.empty() ? "" : ", ") + k;
            throw unmappable{fmt::format("{} kernel launches ({}): the data flow between launches is not followed",
                                         m_program.launches.size(), names)};
        }
        if (m_program.launches.front().kernel == "<template>") {
            throw unmappable{"the launched kernel is a template instance; its arguments are not resolved"};
        }
        return m_program.launches.front();
    }

    void bind_parameters() {
        std::set<std::string> variables;
        for (std::size_t p = 0; p < m_kernel->params.size(); ++p) {
            const parameter& param = m_kernel->params[p];
            const std::string argument = m_program.text(m_launch->args[p]);
            if (param.pointer) {
                const auto dtype = dtype_of(param.base_type);
                if (!dtype) {
                    throw unmappable{fmt::format(
                        "parameter '{}' points to '{}', which has no hipkb dtype (fp32, fp16, bf16, int32, int64)",
                        param.name, param.base_type)};
                }
                if (!is_identifier_text(argument)) {
                    throw unmappable{fmt::format(
                        "the launch passes '{}' for pointer parameter '{}'; only a plain variable is followed",
                        argument, param.name)};
                }
                if (!variables.insert(argument).second) {
                    throw unmappable{fmt::format(
                        "'{}' is passed for two parameters (in place); hipkb's inputs and outputs are separate buffers",
                        argument)};
                }
                m_tensors.push_back({param.name, argument, *dtype, param.base_type, param.pointee_const, {}});
                if (!param.pointee_const)
                    m_notes.push_back(
                        fmt::format("'{}' ({} *) taken as an output, as it is not const", param.name, param.base_type));
            } else if (is_integer_type(param.base_type) && is_identifier_text(argument) &&
                       !m_context->value_of(argument, nullptr, 0)) {
                if (!variables.insert(argument).second) {
                    throw unmappable{fmt::format("'{}' is passed for two size parameters", argument)};
                }
                dim_binding dim{param.name, argument, param.base_type, 4096, false};
                if (const auto value = m_context->value_of(argument, &m_context->host(), m_context->launch_statement());
                    value && *value > 0) {
                    dim.value = *value;
                    dim.value_found = true;
                } else {
                    m_notes.push_back(fmt::format(
                        "dim '{}': no constant found in the program; benchmark value 4096 is a guess", param.name));
                }
                m_dims.push_back(dim);
            } else {
                m_passed_as_written.push_back(m_launch->args[p]);
                m_notes.push_back(fmt::format("'{}' passed as the program wrote it ({}): a fixed value, not a dim",
                                              param.name, argument));
            }
        }
        if (m_tensors.empty())
            throw unmappable{fmt::format("kernel '{}' has no pointer parameter: nothing to check", m_kernel->name)};
        if (std::none_of(m_tensors.begin(), m_tensors.end(), [](const tensor_binding& t) { return !t.input; })) {
            throw unmappable{
                fmt::format("kernel '{}' has no non-const pointer parameter: no output to check", m_kernel->name)};
        }
    }

    std::optional<std::string> dim_named_by(std::string_view variable) const {
        for (const dim_binding& dim : m_dims) {
            if (dim.variable == variable) return dim.name;
        }
        return std::nullopt;
    }

    // A host expression over host names, rewritten over the dims: dim
    // variables become dim names, locals their initializers, constants
    // their values. Nothing when a name cannot be followed.
    std::optional<std::string> over_dims(token_range range, const function_item* scope, std::size_t before,
                                         bool in_caller, int depth) const {
        if (depth > 16) return std::nullopt;
        const std::vector<token>& tokens = m_program.tokens;
        std::string text;
        for (std::size_t i = range.first; i < range.last; ++i) {
            const token& t = tokens[i];
            std::string piece = t.spelling;
            if (t.kind == token_kind::identifier) {
                std::optional<std::string> dim;
                if (!in_caller) {
                    dim = dim_named_by(t.spelling);
                } else {
                    for (const dim_binding& d : m_dims) {
                        const auto argument = m_context->caller_argument(d.variable);
                        if (argument && m_program.text(*argument) == t.spelling) dim = d.name;
                    }
                }
                if (dim) {
                    piece = *dim;
                } else if (const auto found = m_context->declared_in(*scope, before, t.spelling);
                           found && found->initializer.first < found->initializer.last) {
                    const auto inner = over_dims(found->initializer, scope, before, in_caller, depth + 1);
                    if (!inner) return std::nullopt;
                    piece = "(" + *inner + ")";
                } else if (const auto value = m_context->value_of(t.spelling, scope, before)) {
                    piece = std::to_string(*value);
                } else {
                    return std::nullopt;
                }
            } else if (t.kind != token_kind::number && t.spelling != "(" && t.spelling != ")" && t.spelling != "+" &&
                       t.spelling != "-" && t.spelling != "*" && t.spelling != "/") {
                return std::nullopt;
            }
            if (t.kind == token_kind::number) {
                const std::size_t suffix = piece.find_first_of("uUlL");
                if (suffix != std::string::npos) piece.resize(suffix);
            }
            text += piece;
        }
        return text;
    }

    // The element count of a buffer from its hipMalloc: "n * sizeof(float)"
    // gives ["n"]. The allocation is looked for in the host function, then in
    // its caller under the name the caller passes.
    std::optional<std::string> allocated_elements(const tensor_binding& tensor) const {
        const auto in_scope = [&](const function_item& fn, std::string_view variable,
                                  bool in_caller) -> std::optional<std::string> {
            const std::vector<token>& tokens = m_program.tokens;
            for (std::size_t i = fn.body.first; i + 1 < fn.body.last; ++i) {
                if (tokens[i].spelling != "hipMalloc" || tokens[i + 1].spelling != "(") continue;
                std::size_t comma = i + 2;
                int depth = 0;
                bool names_it = false;
                for (; comma < fn.body.last; ++comma) {
                    const std::string& sp = tokens[comma].spelling;
                    if (sp == "(") ++depth;
                    if (sp == ")") --depth;
                    if (depth == 0 && sp == ",") break;
                    if (sp == "&" && comma + 1 < fn.body.last && tokens[comma + 1].spelling == variable)
                        names_it = true;
                }
                if (!names_it) continue;
                std::size_t close = comma + 1;
                depth = 1;
                for (; close < fn.body.last; ++close) {
                    if (tokens[close].spelling == "(") ++depth;
                    if (tokens[close].spelling == ")" && --depth == 0) break;
                }
                std::size_t statement = 0;
                for (std::size_t s = 0; s < fn.statements.size(); ++s) {
                    if (fn.statements[s].first <= i && i < fn.statements[s].last) statement = s;
                }
                return bytes_to_elements({comma + 1, close}, fn, statement, in_caller, element_bytes(tensor.dtype));
            }
            return std::nullopt;
        };
        if (auto found = in_scope(m_context->host(), tensor.variable, false)) return found;
        if (m_context->caller() != nullptr) {
            if (const auto argument = m_context->caller_argument(tensor.variable)) {
                return in_scope(*m_context->caller(), m_program.text(*argument), true);
            }
        }
        return std::nullopt;
    }

    // "n * sizeof(float)" over the dims, divided by the element size.
    std::optional<std::string> bytes_to_elements(token_range bytes, const function_item& fn, std::size_t statement,
                                                 bool in_caller, std::size_t element) const {
        const std::vector<token>& tokens = m_program.tokens;
        // Follow a local `size_t bytes = n * sizeof(float);` first.
        if (bytes.last - bytes.first == 1 && tokens[bytes.first].kind == token_kind::identifier) {
            if (const auto found = m_context->declared_in(fn, statement, tokens[bytes.first].spelling);
                found && found->initializer.first < found->initializer.last) {
                return bytes_to_elements(found->initializer, fn, statement, in_caller, element);
            }
        }
        // Drop "* sizeof(T)" / "sizeof(T) *".
        std::vector<token_range> kept;
        std::size_t start = bytes.first;
        bool dropped = false;
        for (std::size_t i = bytes.first; i + 3 < bytes.last + 1 && i < bytes.last; ++i) {
            if (tokens[i].spelling != "sizeof" || dropped) continue;
            std::size_t close = i + 1;
            while (close < bytes.last && tokens[close].spelling != ")") ++close;
            if (close >= bytes.last) return std::nullopt;
            if (i > bytes.first && tokens[i - 1].spelling == "*") {
                kept.push_back({start, i - 1});
                start = close + 1;
            } else if (close + 1 < bytes.last && tokens[close + 1].spelling == "*") {
                kept.push_back({start, i});
                start = close + 2;
            } else {
                return std::nullopt;
            }
            dropped = true;
        }
        kept.push_back({start, bytes.last});
        std::string text;
        for (const token_range range : kept) {
            if (range.first >= range.last) continue;
            const auto part = over_dims(range, &fn, statement, in_caller, 0);
            if (!part) return std::nullopt;
            text += *part;
        }
        if (text.empty()) return std::nullopt;
        return dropped ? text : fmt::format("({})/{}", text, element);
    }

    dim_values dim_map(bool test) const {
        dim_values values;
        for (const dim_binding& dim : m_dims) values[dim.name] = test ? m_test.at(dim.name) : dim.value;
        return values;
    }

    std::vector<std::string> shape_of(const tensor_binding& tensor) {
        if (auto elements = allocated_elements(tensor)) {
            try {
                if (evaluate(*elements, dim_map(false)) > 0) {
                    if (elements->find('*') != std::string::npos) {
                        m_notes.push_back(fmt::format("'{}' has the one flat dimension it was allocated with, {}",
                                                      tensor.name, *elements));
                    }
                    return {*elements};
                }
            } catch (const std::invalid_argument&) {
            }
        }
        if (m_dims.empty()) {
            throw unmappable{fmt::format(
                "the size of '{}' could not be read from its allocation and the kernel has no size parameter",
                tensor.name)};
        }
        m_notes.push_back(fmt::format("shape of '{}' guessed as [{}]: its allocation could not be followed",
                                      tensor.name, m_dims.front().name));
        return {m_dims.front().name};
    }

    // Small odd sizes, not multiples of a tile, that keep every shape
    // positive; a dim at or below its test size stays a parameter.
    void choose_test_sizes() {
        constexpr std::array<std::int64_t, 5> sizes{301, 37, 23, 13, 11};
        for (std::size_t d = 0; d < m_dims.size(); ++d) {
            const std::int64_t small = sizes[std::min(d, sizes.size() - 1)];
            m_test[m_dims[d].name] = m_dims[d].value > small ? small : m_dims[d].value;
        }
        for (const tensor_binding& tensor : m_tensors) {
            for (const std::string& extent : tensor.shape) {
                bool positive = false;
                try {
                    positive = evaluate(extent, dim_map(true)) > 0;
                } catch (const std::invalid_argument&) {
                }
                if (!positive)
                    throw unmappable{
                        fmt::format("shape '{}' of '{}' is not positive at the test sizes", extent, tensor.name)};
            }
        }
    }

    // Declarations the launch configuration needs, copied from the host
    // code in their order there.
    void collect_declarations(token_range range, std::set<std::string>& known,
                              std::set<std::size_t>& statements) const {
        const std::vector<token>& tokens = m_program.tokens;
        for (std::size_t i = range.first; i < range.last; ++i) {
            const token& t = tokens[i];
            if (t.kind != token_kind::identifier || known.contains(t.spelling)) continue;
            const bool member = i > range.first && (tokens[i - 1].spelling == "." || tokens[i - 1].spelling == "->" ||
                                                    tokens[i - 1].spelling == "::");
            const bool called = i + 1 < range.last && (tokens[i + 1].spelling == "(" || tokens[i + 1].spelling == "::");
            if (member || is_builtin(t.spelling) || cpu_rewrite::detail::is_keyword(t.spelling) ||
                std::find(m_program.top_level_names.begin(), m_program.top_level_names.end(), t.spelling) !=
                    m_program.top_level_names.end()) {
                continue;
            }
            known.insert(t.spelling);
            if (const auto found =
                    m_context->declared_in(m_context->host(), m_context->launch_statement(), t.spelling)) {
                for (std::size_t s = 0; s < m_context->host().statements.size(); ++s) {
                    const token_range st = m_context->host().statements[s];
                    if (st.first == found->statement.first) statements.insert(s);
                }
                collect_declarations(found->initializer, known, statements);
                continue;
            }
            if (called) continue;  // a function of the runtime or the file
            if (m_context->is_host_parameter(t.spelling)) {
                if (const auto value =
                        m_context->value_of(t.spelling, &m_context->host(), m_context->launch_statement())) {
                    m_fixed.push_back(fmt::format("    const auto {} = {};  // as the program's caller passes it\n",
                                                  t.spelling, *value));
                    continue;
                }
            }
            throw unmappable{fmt::format(
                "the launch uses '{}', which could not be traced to a size, a constant or a declaration", t.spelling)};
        }
    }

    std::string reference_hip() {
        std::string includes;
        std::string body;
        for (const kept_item& item : m_program.kept) {
            std::string text = m_program.source.substr(item.begin, item.end - item.begin);
            if (item.include) {
                // reference.hip includes the HIP runtime itself.
                if (text.find("hip/hip_runtime.h") == std::string::npos) includes += text + "\n";
            } else {
                body += text;
            }
        }
        std::set<std::string> known;
        for (const tensor_binding& tensor : m_tensors) known.insert(tensor.variable);
        for (const dim_binding& dim : m_dims) known.insert(dim.variable);
        std::set<std::size_t> statements;
        for (const token_range& config : m_launch->config) {
            if (&config - m_launch->config.data() < 3) collect_declarations(config, known, statements);
        }
        for (const token_range& argument : m_passed_as_written) collect_declarations(argument, known, statements);

        std::string run = "extern \"C\" int hipkb_run(const hipkb_args* args) {\n";
        run += "    const auto stream = static_cast<hipStream_t>(args->stream);\n";
        std::size_t input = 0;
        std::size_t output = 0;
        for (const tensor_binding& tensor : m_tensors) {
            if (tensor.input) {
                run += fmt::format("    const auto* {} = static_cast<const {}*>(args->inputs[{}]);\n", tensor.variable,
                                   tensor.c_type, input++);
            } else {
                run += fmt::format("    auto* {} = static_cast<{}*>(args->outputs[{}]);\n", tensor.variable,
                                   tensor.c_type, output++);
            }
        }
        for (std::size_t d = 0; d < m_dims.size(); ++d) {
            run += fmt::format("    const auto {} = static_cast<{}>(args->dims[{}]);\n", m_dims[d].variable,
                               m_dims[d].c_type, d);
        }
        for (const std::string& fixed : m_fixed) run += fixed;
        for (const std::size_t s : statements) run += "    " + m_program.text(m_context->host().statements[s]) + "\n";
        const std::string shared = m_launch->config.size() > 2 ? m_program.text(m_launch->config[2]) : "0";
        std::string arguments;
        for (const token_range& argument : m_launch->args)
            arguments += (arguments.empty() ? "" : ", ") + m_program.text(argument);
        run += fmt::format("    {}<<<{}, {}, {}, stream>>>({});\n", m_kernel->name, m_program.text(m_launch->config[0]),
                           m_program.text(m_launch->config[1]), shared, arguments);
        run += "    return static_cast<int>(hipGetLastError());\n}\n";

        return fmt::format(
            "// Imported by `hipkb import` from {}:\n"
            "// the kernels and device functions as written, main() and the host code\n"
            "// dropped, and a hipkb_run that launches {} the way {}() did.\n"
            "// Review it with the notes in spec.json.\n"
            "#include <hip/hip_runtime.h>\n#include <hipkb/entry.h>\n{}\nnamespace {{\n{}\n\n}}  // namespace\n\n{}",
            m_request.from, m_kernel->name, m_context->host().name, includes, body, run);
    }

    nlohmann::json spec() const {
        using json = nlohmann::json;
        json dims = json::array();
        for (const dim_binding& dim : m_dims)
            dims.push_back({{"name", dim.name}, {"value", dim.value}, {"test", m_test.at(dim.name)}});
        json inputs = json::array();
        json outputs = json::array();
        std::string bytes;
        for (const tensor_binding& tensor : m_tensors) {
            json node = {{"name", tensor.name}, {"dtype", tensor.dtype}, {"shape", tensor.shape}};
            if (tensor.input) {
                node["init"] = {{"kind", "normal"}, {"mean", 0.0}, {"stddev", 1.0}};
                inputs.push_back(node);
            } else {
                outputs.push_back(node);
            }
            bytes +=
                fmt::format("{}{}*({})", bytes.empty() ? "" : "+", element_bytes(tensor.dtype), tensor.shape.front());
        }
        std::vector<std::string> notes = m_notes;
        notes.push_back("inputs drawn from normal(0, 1): the program's own input values are not followed");
        notes.push_back("bytes counts each input and output once; flops is not given");
        notes.push_back("no golden: the reference's output on the CPU execution layer is the truth");
        return json{{"schema_version", 1},
                    {"name", m_request.name},
                    {"level", m_request.level},
                    {"title", fmt::format("Imported: kernel {} from {}", m_kernel->name, m_request.from)},
                    {"tags", json::array({"imported"})},
                    {"dims", dims},
                    {"inputs", inputs},
                    {"outputs", outputs},
                    {"bytes", bytes},
                    {"imported", {{"from", m_request.from}, {"status", "needs_review"}, {"notes", notes}}}};
    }

    const hip_program& m_program;
    const mapping_request& m_request;
    const function_item* m_kernel = nullptr;
    const launch_site* m_launch = nullptr;
    const launch_mapping* m_context = nullptr;
    std::vector<tensor_binding> m_tensors;
    std::vector<dim_binding> m_dims;
    std::vector<token_range> m_passed_as_written;
    std::map<std::string, std::int64_t> m_test;
    std::vector<std::string> m_notes;
    mutable std::vector<std::string> m_fixed;
};

}  // namespace

mapping_result map_hip_program(std::string_view source, const mapping_request& request) {
    const hip_program program = read_hip_program(std::string(source));
    try {
        return {mapper(program, request).run(), {}};
    } catch (const unmappable& skipped) {
        return {std::nullopt, skipped.reason};
    }
}

}  // namespace hipkb::importer
