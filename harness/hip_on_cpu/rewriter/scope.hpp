// Which kind of braces enclose each token: what decides how an
// `extern __shared__` declaration is rewritten.
#ifndef HIPKB_CPU_REWRITE_SCOPE_HPP
#define HIPKB_CPU_REWRITE_SCOPE_HPP

#include "scan.hpp"

#include <vector>

namespace hipkb::cpu_rewrite::detail {

enum class scope_kind {
    namespace_scope,  // file level, `namespace X { }`, `extern "C" { }`
    class_body,       // class, struct, union or enum body (outside member functions)
    function_body,    // a function or lambda body, or any braces nested inside one
    macro_body,       // the replacement list of a #define, outside any braces in it
    other_directive,  // any other preprocessor directive
};

// One entry per token of `scan`. Braces inside directives do not count for
// the code around them; braces inside a #define body make function_body.
std::vector<scope_kind> compute_scopes(const scan_result& scan);

}  // namespace hipkb::cpu_rewrite::detail

#endif  // HIPKB_CPU_REWRITE_SCOPE_HPP
