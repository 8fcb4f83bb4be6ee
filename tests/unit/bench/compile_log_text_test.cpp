#include "bench_session.hpp"

#include <hipkb/core/atomic_file.hpp>

#include "temp_spec.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using hipkb::detail::first_error_line;
using hipkb::detail::head_of_log;

TEST(CompileLogText, the_head_of_a_log_is_its_first_lines) {
    const hipkb::testing::temp_spec folder(hipkb::testing::two_by_two_spec());
    const auto log = folder.folder() / "candidate.log";
    hipkb::write_file_atomically(log, "one\ntwo\nthree\nfour\n");
    EXPECT_EQ(head_of_log(log, 2), "one\ntwo\n");
    EXPECT_EQ(head_of_log(log, 20), "one\ntwo\nthree\nfour\n");
}

TEST(CompileLogText, a_missing_log_says_where_it_was_looked_for) {
    const hipkb::testing::temp_spec folder(hipkb::testing::two_by_two_spec());
    const auto log = folder.folder() / "absent.log";
    EXPECT_EQ(head_of_log(log, 20), "(no compile log at " + log.string() + ")");
}

TEST(CompileLogText, the_first_line_naming_an_error_is_quoted) {
    const std::string log =
        "In file included from x.hip:1:\n"
        "x.hip:7:5: warning: unused variable 'k'\n"
        "x.hip:9:3: error: use of undeclared identifier 'tid'\n"
        "x.hip:12:1: error: expected '}'\n";
    EXPECT_EQ(first_error_line(log), "x.hip:9:3: error: use of undeclared identifier 'tid'");
}

TEST(CompileLogText, a_log_without_an_error_gives_its_first_line) {
    EXPECT_EQ(first_error_line("clang: killed\nsecond\n"), "clang: killed");
    EXPECT_EQ(first_error_line(""), "");
}

TEST(CompileLogText, mismatch_details_carry_the_first_wrong_element) {
    hipkb::comparison result;
    result.mismatches = 2;
    result.elements = 15;
    result.max_abs_error = 0.5;
    result.max_rel_error = 0.25;
    result.first_mismatch = 7;
    result.first_got = 2.5;
    result.first_expected = 2.0;
    hipkb::tensor_spec output;
    output.name = "y";
    const hipkb::tolerance tol{1e-4, 1e-4, ""};
    const nlohmann::json details = hipkb::detail::comparison_details(result, output, tol, 2, {3, 5});
    EXPECT_EQ(details["output"], "y");
    EXPECT_EQ(details["seed"], 2);
    EXPECT_EQ(details["mismatches"], 2);
    EXPECT_EQ(details["elements"], 15);
    EXPECT_EQ(details["first_index"], 7);
    EXPECT_EQ(details["first_position"], hipkb::format_index({3, 5}, 7));
    EXPECT_EQ(details["got"], 2.5);
    EXPECT_EQ(details["expected"], 2.0);
    EXPECT_EQ(details["max_abs_error"], 0.5);
}

TEST(CompileLogText, nan_errors_are_written_as_null) {
    hipkb::comparison result;
    result.mismatches = 15;
    result.elements = 15;
    result.max_abs_error = std::numeric_limits<double>::quiet_NaN();
    result.max_rel_error = std::numeric_limits<double>::infinity();
    hipkb::tensor_spec output;
    output.name = "y";
    const nlohmann::json details = hipkb::detail::comparison_details(result, output, hipkb::tolerance{}, 1, {3, 5});
    EXPECT_TRUE(details["max_abs_error"].is_null());
    EXPECT_TRUE(details["max_rel_error"].is_null());
    EXPECT_FALSE(details.contains("first_index")) << "no first mismatch was recorded";
}

}  // namespace
