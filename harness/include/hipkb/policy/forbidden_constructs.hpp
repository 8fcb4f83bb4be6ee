#pragma once
// What a candidate's host code may not do, in one table: each construct's
// name as the source policy check matches it, its category and why it is
// forbidden. Host code may compute launch parameters, allocate scratch and
// launch kernels on args->stream; anything that could reach outside that
// (the bench process, its files, its timing, its verdict) is here.

#include <span>
#include <string_view>

namespace hipkb::policy {

enum class construct_match {
    call,            // a call of (or reference to) a function with this name
    type,            // constructing an object of a class with this (qualified) name
    host_kind_copy,  // a copy function, forbidden when its hipMemcpyKind is not device to device
    launch_stream,   // a kernel launch: forbidden when its stream is not args->stream's (a null stream)
    inline_asm,      // an asm statement in host code
    global_init,     // a global or static object initialised or destroyed by code at load or exit
    load_hook,       // a function marked __attribute__((constructor)) or ((destructor))
};

struct forbidden_construct {
    std::string_view name;      // as matched: a function or class name (qualified for std::), or a label
    std::string_view category;  // file_io, network, threads, ...
    std::string_view why;
    construct_match match;
};

[[nodiscard]] std::span<const forbidden_construct> forbidden_constructs();
// The call or type entry for a (qualified) name; nullptr when it is allowed.
[[nodiscard]] const forbidden_construct* find_forbidden_name(std::string_view qualified_name, construct_match match);
// The one entry of a structural kind (inline_asm, global_init, load_hook, launch_stream).
[[nodiscard]] const forbidden_construct& structural_construct(construct_match match);

}  // namespace hipkb::policy
