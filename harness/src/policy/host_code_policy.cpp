#include <hipkb/policy/forbidden_constructs.hpp>
#include <hipkb/policy/host_code_policy.hpp>
#include <hipkb/policy/policy_exceptions.hpp>

#include "rewrite.hpp"

#include <clang-c/Index.h>
#include <fmt/core.h>

#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>

namespace hipkb::policy {

namespace {

// RAII for libclang's handles and strings.
struct index_deleter {
    void operator()(void* index) const { clang_disposeIndex(index); }
};
struct unit_deleter {
    void operator()(CXTranslationUnitImpl* unit) const { clang_disposeTranslationUnit(unit); }
};
struct eval_deleter {
    void operator()(void* result) const { clang_EvalResult_dispose(result); }
};
using eval_result = std::unique_ptr<void, eval_deleter>;

std::string text_of(CXString text) {
    const char* chars = clang_getCString(text);
    std::string copy = chars == nullptr ? "" : chars;
    clang_disposeString(text);
    return copy;
}

std::string spelling(CXCursor cursor) { return text_of(clang_getCursorSpelling(cursor)); }

bool is_null(CXCursor cursor) { return clang_Cursor_isNull(cursor) != 0; }

bool in_system_header(CXCursor cursor) { return clang_Location_isInSystemHeader(clang_getCursorLocation(cursor)) != 0; }

// The name a table entry uses: namespaces and classes joined by "::",
// without inline or implementation namespaces (std::__cxx11, std::__1).
std::string qualified_name(CXCursor cursor) {
    std::string name = spelling(cursor);
    for (CXCursor parent = clang_getCursorSemanticParent(cursor);
         !is_null(parent) && clang_getCursorKind(parent) != CXCursor_TranslationUnit;
         parent = clang_getCursorSemanticParent(parent)) {
        const CXCursorKind kind = clang_getCursorKind(parent);
        const std::string part = spelling(parent);
        if (kind == CXCursor_Namespace && (clang_Cursor_isInlineNamespace(parent) != 0 || part.starts_with("__"))) {
            continue;
        }
        if (kind == CXCursor_LinkageSpec || part.empty()) continue;
        name = part + "::" + name;
    }
    return name;
}

// A declaration in the candidate itself that has a body names the
// candidate's own function, not the library's: `static void write(...)` is
// allowed. One declared there without a body resolves to the library.
bool names_library_entity(CXCursor declaration) {
    if (in_system_header(declaration)) return true;
    return is_null(clang_getCursorDefinition(declaration));
}

enum class execution_space { host, device };

execution_space space_of(CXCursor function) {
    struct marks {
        bool device = false;
        bool host = false;
    } found;
    clang_visitChildren(
        function,
        [](CXCursor child, CXCursor, CXClientData data) {
            if (clang_getCursorKind(child) == CXCursor_AnnotateAttr) {
                auto& seen = *static_cast<marks*>(data);
                const std::string mark = spelling(child);
                if (mark == "hipkb_global" || mark == "hipkb_device") seen.device = true;
                if (mark == "hipkb_host") seen.host = true;
            }
            return CXChildVisit_Continue;
        },
        &found);
    return found.device && !found.host ? execution_space::device : execution_space::host;
}

bool is_function_like(CXCursorKind kind) {
    return kind == CXCursor_FunctionDecl || kind == CXCursor_CXXMethod || kind == CXCursor_FunctionTemplate ||
           kind == CXCursor_Constructor || kind == CXCursor_Destructor || kind == CXCursor_ConversionFunction;
}

bool is_device_variable(CXCursor variable) { return space_of(variable) == execution_space::device; }

bool constant_initializer(CXCursor expression);
std::string pretty_printed(CXCursor declaration);

// A constructor that runs no code of the candidate's: implicit, defaulted
// or constexpr (then its arguments decide).
bool codeless_constructor(CXCursor constructor) {
    if (clang_CXXMethod_isDefaulted(constructor) != 0) return true;
    return pretty_printed(constructor).find("constexpr ") != std::string::npos;
}

bool all_children_constant(CXCursor expression) {
    bool all_constant = true;
    clang_visitChildren(
        expression,
        [](CXCursor child, CXCursor, CXClientData data) {
            if (clang_isExpression(clang_getCursorKind(child)) != 0 && !constant_initializer(child)) {
                *static_cast<bool*>(data) = false;
                return CXChildVisit_Break;
            }
            return CXChildVisit_Continue;
        },
        &all_constant);
    return all_constant;
}

// Whether an initializer is known at compile time, so no code runs for it
// when the module loads: literals, addresses, and what clang can evaluate.
bool constant_initializer(CXCursor expression) {
    if (clang_isExpression(clang_getCursorKind(expression)) != 0) {
        if (eval_result result{clang_Cursor_Evaluate(expression)}; result) return true;
    }
    switch (clang_getCursorKind(expression)) {
        case CXCursor_IntegerLiteral:
        case CXCursor_FloatingLiteral:
        case CXCursor_CharacterLiteral:
        case CXCursor_StringLiteral:
        case CXCursor_CXXBoolLiteralExpr:
        case CXCursor_CXXNullPtrLiteralExpr:
        case CXCursor_UnaryExpr:  // sizeof, alignof
        case CXCursor_LambdaExpr:
            return true;
        case CXCursor_DeclRefExpr: {
            const CXCursorKind kind = clang_getCursorKind(clang_getCursorReferenced(expression));
            return kind == CXCursor_EnumConstantDecl || is_function_like(kind) || kind == CXCursor_VarDecl;
        }
        case CXCursor_CallExpr: {
            const CXCursor callee = clang_getCursorReferenced(expression);
            return clang_getCursorKind(callee) == CXCursor_Constructor && codeless_constructor(callee) &&
                   all_children_constant(expression);
        }
        case CXCursor_CXXNewExpr:
        case CXCursor_CXXThrowExpr:
            return false;
        default:
            break;
    }
    return all_children_constant(expression);
}

std::string pretty_printed(CXCursor declaration) {
    CXPrintingPolicy policy = clang_getCursorPrintingPolicy(declaration);
    clang_PrintingPolicy_setProperty(policy, CXPrintingPolicy_TerseOutput, 1);
    std::string text = text_of(clang_getCursorPrettyPrinted(declaration, policy));
    clang_PrintingPolicy_dispose(policy);
    return text;
}

// A class whose objects are destroyed without running code and whose
// member initializers are constant: no user-provided destructor, members
// and bases the same. Plain data is. (The constructor an object is made
// with is the initializer's, checked by constant_initializer.)
bool codeless_class(CXType type) {
    type = clang_getCanonicalType(type);
    while (type.kind == CXType_ConstantArray || type.kind == CXType_IncompleteArray) {
        type = clang_getCanonicalType(clang_getArrayElementType(type));
    }
    if (type.kind != CXType_Record || clang_isPODType(type) != 0) return true;
    // A template's instantiation lists no members of its own: read the
    // template's, whose member initializers are dependent (not judged).
    struct state {
        bool ok = true;
        bool judge_initializers = true;
    } codeless;
    CXCursor declaration = clang_getTypeDeclaration(type);
    if (const CXCursor from_template = clang_getSpecializedCursorTemplate(declaration); !is_null(from_template)) {
        declaration = from_template;
        codeless.judge_initializers = false;
    }
    clang_visitChildren(
        declaration,
        [](CXCursor child, CXCursor, CXClientData data) {
            auto& [ok, judge_initializers] = *static_cast<state*>(data);
            switch (clang_getCursorKind(child)) {
                case CXCursor_Destructor:
                    ok = clang_CXXMethod_isDefaulted(child) != 0;
                    break;
                case CXCursor_CXXBaseSpecifier:
                    ok = codeless_class(clang_getCursorType(child));
                    break;
                case CXCursor_FieldDecl:
                    ok = codeless_class(clang_getCursorType(child)) &&
                         (!judge_initializers || all_children_constant(child));
                    break;
                default:
                    break;
            }
            return ok ? CXChildVisit_Continue : CXChildVisit_Break;
        },
        &codeless);
    return codeless.ok;
}

bool dynamically_initialised(CXCursor variable) {
    const std::string declared = pretty_printed(variable);
    if (declared.find("constexpr ") != std::string::npos || declared.find("constinit") != std::string::npos) {
        return false;
    }
    // A constructor or destructor that runs code at load or exit.
    if (!codeless_class(clang_getCursorType(variable))) return true;
    const CXCursor initializer = clang_Cursor_getVarDeclInitializer(variable);
    return !is_null(initializer) && !constant_initializer(initializer);
}

// A function carrying __attribute__((constructor)) or ((destructor)),
// however spelled (a macro, __constructor__): read back from the AST.
bool has_load_hook(CXCursor function) {
    bool has_unexposed_attribute = false;
    clang_visitChildren(
        function,
        [](CXCursor child, CXCursor, CXClientData data) {
            if (clang_getCursorKind(child) == CXCursor_UnexposedAttr) *static_cast<bool*>(data) = true;
            return CXChildVisit_Continue;
        },
        &has_unexposed_attribute);
    if (!has_unexposed_attribute) return false;
    const std::string declared = pretty_printed(function);
    for (std::size_t at = declared.find("__attribute__(("); at != std::string::npos;
         at = declared.find("__attribute__((", at + 1)) {
        const std::size_t end = declared.find("))", at);
        const std::string attribute = declared.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (attribute.find("constructor") != std::string::npos || attribute.find("destructor") != std::string::npos) {
            return true;
        }
    }
    return false;
}

CXCursor without_implicit_wrappers(CXCursor expression) {
    while (clang_getCursorKind(expression) == CXCursor_UnexposedExpr ||
           clang_getCursorKind(expression) == CXCursor_ParenExpr) {
        CXCursor only_child = clang_getNullCursor();
        clang_visitChildren(
            expression,
            [](CXCursor child, CXCursor, CXClientData data) {
                *static_cast<CXCursor*>(data) = child;
                return CXChildVisit_Break;
            },
            &only_child);
        if (is_null(only_child)) break;
        expression = only_child;
    }
    return expression;
}

std::optional<long long> evaluated_integer(CXCursor expression) {
    eval_result result{clang_Cursor_Evaluate(expression)};
    if (!result || clang_EvalResult_getKind(result.get()) != CXEval_Int) return std::nullopt;
    return clang_EvalResult_getAsLongLong(result.get());
}

std::optional<long long> enumerator_value(CXType enum_type, const std::string& name) {
    const CXCursor declaration = clang_getTypeDeclaration(clang_getCanonicalType(enum_type));
    struct search {
        const std::string& name;
        std::optional<long long> value;
    } state{name, std::nullopt};
    clang_visitChildren(
        declaration,
        [](CXCursor child, CXCursor, CXClientData data) {
            auto& s = *static_cast<search*>(data);
            if (clang_getCursorKind(child) == CXCursor_EnumConstantDecl && spelling(child) == s.name) {
                s.value = clang_getEnumConstantDeclValue(child);
                return CXChildVisit_Break;
            }
            return CXChildVisit_Continue;
        },
        &state);
    return state.value;
}

class host_code_walker {
public:
    explicit host_code_walker(std::vector<finding>& findings) : m_findings(findings) {}

    void walk(CXCursor translation_unit) { clang_visitChildren(translation_unit, &host_code_walker::visit_top, this); }

private:
    static CXChildVisitResult visit_top(CXCursor cursor, CXCursor, CXClientData data) {
        // The layer's own headers and the standard library are not the candidate.
        if (in_system_header(cursor)) return CXChildVisit_Continue;
        return visit(cursor, {}, data);
    }

    static CXChildVisitResult visit(CXCursor cursor, CXCursor, CXClientData data) {
        return static_cast<host_code_walker*>(data)->inspect(cursor);
    }

    CXChildVisitResult inspect(CXCursor cursor) {
        const CXCursorKind kind = clang_getCursorKind(cursor);
        if (is_function_like(kind)) {
            if (space_of(cursor) == execution_space::device) return CXChildVisit_Continue;
            if (has_load_hook(cursor)) report(cursor, structural_construct(construct_match::load_hook), "");
        } else if (kind == CXCursor_VarDecl) {
            if (clang_Cursor_hasVarDeclGlobalStorage(cursor) == 1 && !is_device_variable(cursor) &&
                dynamically_initialised(cursor)) {
                report(cursor, structural_construct(construct_match::global_init), spelling(cursor));
            }
        } else if (kind == CXCursor_GCCAsmStmt || kind == CXCursor_MSAsmStmt) {
            report(cursor, structural_construct(construct_match::inline_asm), "");
        } else if (kind == CXCursor_UnexposedDecl && pretty_printed(cursor).starts_with("__asm")) {
            report(cursor, structural_construct(construct_match::inline_asm), "file-scope asm");
        } else if (kind == CXCursor_DeclRefExpr || kind == CXCursor_MemberRefExpr ||
                   kind == CXCursor_OverloadedDeclRef) {
            inspect_name(cursor);
        } else if (kind == CXCursor_TypeRef || kind == CXCursor_TemplateRef) {
            inspect_type(cursor);
        } else if (kind == CXCursor_CallExpr) {
            inspect_call(cursor);
        }
        clang_visitChildren(cursor, &host_code_walker::visit, this);
        return CXChildVisit_Continue;
    }

    void inspect_name(CXCursor reference) {
        CXCursor declaration = clang_getCursorReferenced(reference);
        if (clang_getCursorKind(reference) == CXCursor_OverloadedDeclRef &&
            clang_getNumOverloadedDecls(reference) > 0) {
            declaration = clang_getOverloadedDecl(reference, 0);
        }
        if (is_null(declaration) || !is_function_like(clang_getCursorKind(declaration))) return;
        if (!names_library_entity(declaration)) return;
        const std::string name = qualified_name(declaration);
        if (const forbidden_construct* found = find_forbidden_name(name, construct_match::call)) {
            report(reference, *found, "");
        }
    }

    void inspect_type(CXCursor reference) {
        CXCursor declaration = clang_getCursorReferenced(reference);
        if (is_null(declaration)) return;
        // Through typedefs (std::ofstream) to the class or its template.
        const CXType type = clang_getCanonicalType(clang_getCursorType(declaration));
        if (const CXCursor underlying = clang_getTypeDeclaration(type); !is_null(underlying)) {
            const CXCursor from_template = clang_getSpecializedCursorTemplate(underlying);
            declaration = is_null(from_template) ? underlying : from_template;
        }
        if (!in_system_header(declaration)) return;
        const std::string name = qualified_name(declaration);
        if (const forbidden_construct* found = find_forbidden_name(name, construct_match::type)) {
            report(reference, *found, "");
        }
    }

    void inspect_call(CXCursor call) {
        const CXCursor callee = clang_getCursorReferenced(call);
        if (is_null(callee) || !names_library_entity(callee)) return;
        const std::string name = spelling(callee);
        if (const forbidden_construct* copy = find_forbidden_name(name, construct_match::host_kind_copy)) {
            inspect_copy_kind(call, *copy);
        } else if (name == "make_launch_config") {
            inspect_launch_stream(call);
        }
    }

    // Device-to-device copies on the stream are allowed (scratch to output);
    // any other kind moves data across the host, or cannot be proved not to.
    void inspect_copy_kind(CXCursor call, const forbidden_construct& copy) {
        const int arguments = clang_Cursor_getNumArguments(call);
        for (int n = 0; n < arguments; ++n) {
            const CXCursor argument = clang_Cursor_getArgument(call, static_cast<unsigned>(n));
            const CXType type = clang_getCanonicalType(clang_getCursorType(argument));
            if (text_of(clang_getTypeSpelling(type)) != "hipMemcpyKind") continue;
            const std::optional<long long> kind = evaluated_integer(argument);
            const std::optional<long long> device_to_device = enumerator_value(type, "hipMemcpyDeviceToDevice");
            if (kind && device_to_device && *kind == *device_to_device) return;
            const CXCursor named = without_implicit_wrappers(argument);
            const std::string kind_name =
                clang_getCursorKind(named) == CXCursor_DeclRefExpr
                    ? spelling(named)
                    : (kind ? fmt::format("kind {}", *kind) : "a kind not known at compile time");
            report(call, copy, fmt::format("{} ({})", copy.name, kind_name));
            return;
        }
        report(call, copy, fmt::format("{} (no hipMemcpyKind argument found)", copy.name));
    }

    // make_launch_config(grid, block, shared, stream): every launch (<<<>>>
    // rewritten, or hipLaunchKernelGGL) goes through it. A stream left out
    // or given as null is the null stream, not args->stream.
    void inspect_launch_stream(CXCursor call) {
        const forbidden_construct& construct = structural_construct(construct_match::launch_stream);
        const int arguments = clang_Cursor_getNumArguments(call);
        if (arguments < 4) return;
        const CXCursor stream = clang_Cursor_getArgument(call, 3);
        const CXSourceRange extent = clang_getCursorExtent(stream);
        const bool defaulted = clang_equalLocations(clang_getRangeStart(extent), clang_getRangeEnd(extent)) != 0 ||
                               in_system_header(stream);
        const CXCursor named = without_implicit_wrappers(stream);
        const CXCursorKind kind = clang_getCursorKind(named);
        const bool null_literal = kind == CXCursor_CXXNullPtrLiteralExpr ||
                                  (kind == CXCursor_IntegerLiteral && evaluated_integer(named) == 0) ||
                                  (kind == CXCursor_DeclRefExpr && spelling(named) == "hipStreamPerThread");
        if (defaulted || null_literal) report(call, construct, std::string(construct.name));
    }

    void report(CXCursor cursor, const forbidden_construct& construct, std::string what) {
        CXString file_name;
        unsigned line = 0;
        unsigned column = 0;
        clang_getPresumedLocation(clang_getCursorLocation(cursor), &file_name, &line, &column);
        std::string file = text_of(file_name);
        if (what.empty()) what = std::string(construct.name);
        if (construct.match == construct_match::global_init) what = fmt::format("{} ({})", construct.name, what);
        if (!m_seen.emplace(file, line, column, what).second) return;
        m_findings.push_back({std::move(file), line, column, std::move(what), std::string(construct.category),
                              std::string(construct.why), ""});
    }

    std::vector<finding>& m_findings;
    std::set<std::tuple<std::string, unsigned, unsigned, std::string>> m_seen;
};

// The table entry's name a finding is excused by: its construct up to " (".
std::string construct_key(const finding& found) { return found.construct.substr(0, found.construct.find(" (")); }

}  // namespace

check_result check_host_code(const std::string& source_text, const std::string& file_name,
                             const check_options& options) {
    check_result result;
    result.source = file_name;
    // Either way the text starts with #line 1 "<file_name>", so every
    // location names the candidate, not the parse's own buffer.
    std::string parsed_text;
    if (options.rewrite_launches) {
        parsed_text = hipkb::cpu_rewrite::rewrite_hip_source(source_text, file_name).text;
    } else {
        std::string quoted;
        for (const char c : file_name) {
            if (c == '\\' || c == '"') quoted += '\\';
            quoted += c;
        }
        parsed_text = "#line 1 \"" + quoted + "\"\n" + source_text;
    }
    std::vector<std::string> args = {"-x", "c++", "-std=c++20", "-DHIPKB_POLICY_PARSE"};
    args.insert(args.end(), options.parse_args.begin(), options.parse_args.end());
    std::vector<const char*> argv;
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    // The parse reads the text under a name of its own; #line in the
    // rewritten text points every location back at file_name.
    const std::string parse_name = file_name + ".hipkb-policy.cpp";
    CXUnsavedFile unsaved{parse_name.c_str(), parsed_text.c_str(), static_cast<unsigned long>(parsed_text.size())};

    const std::unique_ptr<void, index_deleter> index{clang_createIndex(0, 0)};
    CXTranslationUnit raw_unit = nullptr;
    const CXErrorCode code =
        clang_parseTranslationUnit2(index.get(), parse_name.c_str(), argv.data(), static_cast<int>(argv.size()),
                                    &unsaved, 1, CXTranslationUnit_KeepGoing, &raw_unit);
    const std::unique_ptr<CXTranslationUnitImpl, unit_deleter> unit{raw_unit};
    if (code != CXError_Success || !unit) {
        throw std::runtime_error(
            fmt::format("{}: libclang could not parse it (error {})", file_name, static_cast<int>(code)));
    }
    const unsigned diagnostics = clang_getNumDiagnostics(unit.get());
    for (unsigned n = 0; n < diagnostics; ++n) {
        const CXDiagnostic diagnostic = clang_getDiagnostic(unit.get(), n);
        if (clang_getDiagnosticSeverity(diagnostic) >= CXDiagnostic_Error) {
            result.parse_errors.push_back(
                text_of(clang_formatDiagnostic(diagnostic, clang_defaultDiagnosticDisplayOptions())));
        }
        clang_disposeDiagnostic(diagnostic);
    }

    std::vector<finding> found;
    host_code_walker(found).walk(clang_getTranslationUnitCursor(unit.get()));

    const parsed_exceptions exceptions = find_policy_exceptions(source_text);
    if (!options.allow_exceptions) {
        for (const policy_exception& exception : exceptions.valid) {
            result.refused_exceptions.push_back(
                fmt::format("line {}: exception for '{}' refused: exceptions are honoured for hand-written examples "
                            "(generated/examples/) only",
                            exception.line, exception.construct));
        }
    } else {
        result.refused_exceptions = exceptions.malformed;
    }
    for (finding& candidate_finding : found) {
        const policy_exception* excuse = nullptr;
        if (options.allow_exceptions) {
            for (const policy_exception& exception : exceptions.valid) {
                if (exception.construct == construct_key(candidate_finding) ||
                    exception.construct == candidate_finding.construct) {
                    excuse = &exception;
                }
            }
        }
        if (excuse != nullptr) {
            candidate_finding.reason = excuse->reason;
            result.excused.push_back(std::move(candidate_finding));
        } else {
            result.findings.push_back(std::move(candidate_finding));
        }
    }
    return result;
}

bool exceptions_allowed_for(const std::filesystem::path& source, const std::filesystem::path& generated_dir) {
    const std::filesystem::path examples = (generated_dir / "examples").lexically_normal();
    const std::filesystem::path file = source.lexically_normal();
    const std::filesystem::path relative = file.lexically_relative(examples);
    return !relative.empty() && *relative.begin() != ".." && relative.is_relative();
}

nlohmann::json to_json(const check_result& result) {
    const auto entries = [](const std::vector<finding>& findings, bool with_reason) {
        nlohmann::json list = nlohmann::json::array();
        for (const finding& found : findings) {
            nlohmann::json entry = {{"file", found.file},         {"line", found.line},
                                    {"column", found.column},     {"construct", found.construct},
                                    {"category", found.category}, {"why", found.why}};
            if (with_reason) entry["reason"] = found.reason;
            list.push_back(std::move(entry));
        }
        return list;
    };
    return {{"schema_version", 1},
            {"source", result.source},
            {"ok", result.ok()},
            {"findings", entries(result.findings, false)},
            {"excused", entries(result.excused, true)},
            {"refused_exceptions", result.refused_exceptions},
            {"parse_errors", result.parse_errors}};
}

}  // namespace hipkb::policy
