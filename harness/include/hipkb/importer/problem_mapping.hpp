#pragma once
// One hip2hip-style program (a complete HIP program: kernels, a host function
// that allocates and launches, often a main()) turned into a hipkb problem:
// reference.hip keeps the kernels and device functions as written and
// launches the kernel the way the host code did from a hipkb_run entry; the
// spec skeleton names what is certain and notes every guess.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace hipkb::importer {

struct mapping_request {
    std::string name;  // the problem's name (and folder)
    std::string from;  // where it came from, for the spec's "imported" block
    int level = 1;
};

struct mapped_problem {
    std::string reference_hip;
    nlohmann::json spec;
};

// Either a problem or the reason the program could not be mapped.
struct mapping_result {
    std::optional<mapped_problem> problem;
    std::string skip_reason;
};

[[nodiscard]] mapping_result map_hip_program(std::string_view source, const mapping_request& request);

}  // namespace hipkb::importer
