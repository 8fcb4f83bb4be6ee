#pragma once
// Reasoned per-file exceptions to the source policy, for hand-written
// examples only: a comment line
//   // hipkb-policy-allow: <construct>: <reason>
// excuses every finding of that construct (as the check names it) in the
// file. A line without a construct or a reason is refused, never honoured.

#include <string>
#include <string_view>
#include <vector>

namespace hipkb::policy {

struct policy_exception {
    unsigned line = 0;
    std::string construct;
    std::string reason;
};

struct parsed_exceptions {
    std::vector<policy_exception> valid;
    std::vector<std::string> malformed;  // "line N: why"
};

[[nodiscard]] parsed_exceptions find_policy_exceptions(std::string_view source_text);

}  // namespace hipkb::policy
