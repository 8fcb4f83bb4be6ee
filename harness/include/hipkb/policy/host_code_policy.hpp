#pragma once
// The source policy check for candidates' host code (docs/trust.md, "The
// source policy"). It parses a candidate with libclang the way the CPU twin
// compiles it (C++ against harness/hip_on_cpu/include, launches rewritten),
// so macros are expanded by the real preprocessor and comments and strings
// are never code. Functions marked __global__ or __device__ are device code
// and are not checked; everything else is host code, checked against the
// table in forbidden_constructs.hpp.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hipkb::policy {

struct finding {
    std::string file;
    unsigned line = 0;
    unsigned column = 0;
    std::string construct;  // what was found, e.g. "fopen" or "hipMemcpy (hipMemcpyDeviceToHost)"
    std::string category;   // the table's category, e.g. "file_io"
    std::string why;
    std::string reason;  // for an excused finding: the exception's reason
};

struct check_options {
    // Arguments for the parse after the source's own: include dirs, defines.
    std::vector<std::string> parse_args;
    // Whether `// hipkb-policy-allow:` lines are honoured (hand-written examples only).
    bool allow_exceptions = false;
    // .hip sources go through the CPU twin's launch rewriter first; host-platform .cpp do not.
    bool rewrite_launches = true;
};

struct check_result {
    std::string source;
    std::vector<finding> findings;                // forbidden constructs not excused
    std::vector<finding> excused;                 // found, and covered by an honoured exception
    std::vector<std::string> refused_exceptions;  // "line N: why", for exceptions not honoured
    std::vector<std::string> parse_errors;        // the parser's errors (the compile guard reports them)
    [[nodiscard]] bool ok() const { return findings.empty(); }
};

// Checks `source_text`, named `file_name` in every finding. Throws
// std::runtime_error when libclang cannot parse at all.
[[nodiscard]] check_result check_host_code(const std::string& source_text, const std::string& file_name,
                                           const check_options& options);

// Exceptions are honoured for hand-written examples, <generated_dir>/examples/,
// and never for generated candidates (<generated_dir>/<run>/).
[[nodiscard]] bool exceptions_allowed_for(const std::filesystem::path& source,
                                          const std::filesystem::path& generated_dir);

// <module>.policy.json: {"schema_version", "source", "ok", "findings": [{file, line, column, construct,
// category, why}], "excused", "refused_exceptions", "parse_errors"}.
[[nodiscard]] nlohmann::json to_json(const check_result& result);

}  // namespace hipkb::policy
