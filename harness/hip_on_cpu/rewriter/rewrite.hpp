// hipkb's HIP-on-CPU source rewriter: turns the two HIP constructs that are
// not C++ into code for the HIP-on-CPU runtime, keeping every line where it
// was so that diagnostics point at the user's .hip file and line.
//
//   KERNEL<<<CONFIG>>>(ARGS)
//     -> ::hipkb::cpu::launch(CONFIG, [&](auto... hipkb_launch_args_) { KERNEL(hipkb_launch_args_...); }, ARGS)
//   __shared__ T x[N];                 -> static thread_local T x[N];
//   extern __shared__ T s[];           -> T* s = ::hipkb::cpu::dynamic_shared<T>();       (in a function)
//                                      -> #define s (::hipkb::cpu::dynamic_shared<T>())  (at namespace scope)
//
// Comments, string and character literals are never rewritten.
#ifndef HIPKB_CPU_REWRITE_REWRITE_HPP
#define HIPKB_CPU_REWRITE_REWRITE_HPP

#include <string>
#include <string_view>
#include <vector>

namespace hipkb::cpu_rewrite {

struct rewrite_result {
    // The rewritten source. It starts with `#line 1 "<file_name>"`; each
    // error is also in it as an #error line, so compiling it fails.
    std::string text;
    // "file:line: message", one per construct that could not be rewritten.
    std::vector<std::string> errors;
};

rewrite_result rewrite_hip_source(std::string_view source, const std::string& file_name);

}  // namespace hipkb::cpu_rewrite

#endif  // HIPKB_CPU_REWRITE_REWRITE_HPP
