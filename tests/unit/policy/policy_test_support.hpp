#pragma once
// Parsing a test's own source the way the build step parses a candidate.
#include <hipkb/policy/host_code_policy.hpp>

#include <string>

namespace hipkb::policy::test {

inline check_options candidate_options(bool allow_exceptions = false) {
    check_options options;
    options.parse_args = {"-isystem", HIPKB_SOURCE_DIR "/harness/hip_on_cpu/include", "-isystem",
                          HIPKB_SOURCE_DIR "/harness/include"};
    options.allow_exceptions = allow_exceptions;
    return options;
}

// Every candidate starts with these two lines, so line 3 is a test's first.
inline const std::string preamble = "#include <hip/hip_runtime.h>\n#include <hipkb/entry.h>\n";

inline check_result check(const std::string& body, bool allow_exceptions = false) {
    return check_host_code(preamble + body, "candidate.hip", candidate_options(allow_exceptions));
}

}  // namespace hipkb::policy::test
