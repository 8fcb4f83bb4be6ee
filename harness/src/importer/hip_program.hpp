#pragma once
// A HIP program read the way the importer needs it: its top-level items
// (kept as written or dropped as host code), its kernels and device
// functions with their parameters, the statements of its host functions and
// the kernel launches in them. Built on the HIP-on-CPU rewriter's tokenizer,
// so comments, strings and "<<<"/">>>" are read the way a compiler reads them.

#include "scan.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb::importer::detail {

using cpu_rewrite::detail::token;
using cpu_rewrite::detail::token_kind;

// [first, last) token indexes.
struct token_range {
    std::size_t first = 0;
    std::size_t last = 0;
};

struct parameter {
    std::string name;
    std::string base_type;  // the type without const/restrict/'*': "float", "int64_t", "unsigned int"
    bool pointer = false;
    bool pointee_const = false;
};

struct function_item {
    std::string name;
    bool kernel = false;  // __global__
    bool device = false;  // __device__ (and not __global__)
    bool templated = false;
    std::vector<parameter> params;
    token_range body;                     // the tokens between its braces
    std::vector<token_range> statements;  // the body's top-level statements
};

struct launch_site {
    std::string kernel;
    std::size_t function = 0;         // index of the host function it is in
    std::size_t statement = 0;        // index of its statement there
    std::vector<token_range> config;  // grid, block[, shared bytes[, stream]]
    std::vector<token_range> args;
};

// A top-level item kept in reference.hip: its byte range, comments included.
struct kept_item {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool include = false;  // an #include: goes before the anonymous namespace
};

struct hip_program {
    std::string source;
    std::vector<token> tokens;
    std::vector<function_item> functions;  // kernels, device and host functions
    std::vector<launch_site> launches;
    std::vector<kept_item> kept;
    std::vector<std::string> top_level_names;  // #define names and names declared by kept items
    // Object-like #define bodies and top-level initializers, by name: where
    // a program's constants (a size, a block size) are found.
    std::map<std::string, std::string, std::less<>> constants;

    [[nodiscard]] std::string text(token_range range) const;
    [[nodiscard]] const function_item* function_named(std::string_view name) const;
};

[[nodiscard]] hip_program read_hip_program(std::string source);

}  // namespace hipkb::importer::detail
