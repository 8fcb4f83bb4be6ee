#pragma once
// Whether a run came out as promised: every reference ran and its golden
// check held, and every candidate whose metadata names an expected_verdict
// (hand-written examples, adversarial candidates) got it. What CI and
// CI/gpu-check.sh gate on: a generated candidate may be anything, a
// reference or an example may not.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hipkb::report {

struct expectation_finding {
    std::string test;
    std::string expected;  // "correct", "faster", "incorrect", "compile_error", "ran" (references)
    std::string observed;  // what the results say, in the same words where they apply
    // true: the verdict differs (the run fails the check); false: a note,
    // such as an example promised "faster" that was timed slower.
    bool unexpected = true;
    std::string detail;
};

struct expectation_report {
    int references = 0;          // references in the results
    int candidates_checked = 0;  // candidates with an expected verdict
    int not_run = 0;             // benches the run never started (interrupted, or out of budget)
    std::vector<expectation_finding> findings;

    [[nodiscard]] int unexpected() const;
};

// expected_by_test: hipkb.bench.<...> test name -> expected_verdict, for the
// candidates that promise one. Throws std::invalid_argument naming the test
// for an expected verdict it does not know.
[[nodiscard]] expectation_report check_expectations(const nlohmann::json& results,
                                                    const std::map<std::string, std::string>& expected_by_test);

// The expected_verdict of every bench of a manifest whose metadata has one.
// Throws std::runtime_error naming the metadata file when it cannot be read.
[[nodiscard]] std::map<std::string, std::string> expected_verdicts(const std::filesystem::path& manifest_file);

// One line per finding and a closing count, for the terminal and CI logs.
[[nodiscard]] std::string describe(const expectation_report& report);

}  // namespace hipkb::report
