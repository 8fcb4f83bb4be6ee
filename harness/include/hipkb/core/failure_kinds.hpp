#pragma once
// Every named failure a verdict, a run record or a report can carry: its
// name, what it means in one line, and who is at fault. The bench, the
// results builder, the adversarial tests and docs/trust.md's table all use
// this one list (a unit test checks the table against it).

#include <span>
#include <string_view>

namespace hipkb {

enum class at_fault {
    candidate,  // the candidate did something wrong
    harness,    // hipkb could not judge it (a limitation, not the candidate's fault)
};

struct failure_kind_info {
    std::string_view name;
    std::string_view meaning;
    at_fault fault;
};

[[nodiscard]] std::span<const failure_kind_info> failure_kinds();
// nullptr when `name` is not a failure kind.
[[nodiscard]] const failure_kind_info* find_failure_kind(std::string_view name);
[[nodiscard]] std::string_view to_string(at_fault fault);

}  // namespace hipkb
