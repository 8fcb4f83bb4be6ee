// hipkb check's rules: references must run and match their goldens; a
// candidate with an expected_verdict must get it; "faster" needs correct and
// only notes a slow timing; a bench that never started is unexpected.
#include <hipkb/report/expectations.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

using hipkb::report::check_expectations;
using nlohmann::json;

json reference(const std::string& problem, const std::string& status, json golden_correct = true) {
    return {{"test", "hipkb.bench." + problem + ".reference"},
            {"problem", problem},
            {"status", status},
            {"golden_correct", golden_correct},
            {"status_message", status == "ok" ? "" : "it broke"}};
}

json candidate(const std::string& sample, json compiled, json correct, json speedup = nullptr,
               const std::string& status = "ok") {
    return {{"test", "hipkb.bench.relu.examples." + sample},
            {"status", status},
            {"compiled", compiled},
            {"correct", correct},
            {"speedup", speedup},
            {"failure", correct == true ? json(nullptr) : json{{"kind", "mismatch"}, {"message", "mismatch: off"}}}};
}

std::string test_of(const std::string& sample) { return "hipkb.bench.relu.examples." + sample; }

TEST(Expectations, EveryPromiseKeptGivesNoFindings) {
    const json results = {{"problems", {reference("relu", "ok")}},
                          {"candidates",
                           {candidate("fast", true, true, 1.4), candidate("wrong", true, false),
                            candidate("broken", false, false), candidate("generated", true, false)}}};
    const auto report = check_expectations(
        results, {{test_of("fast"), "faster"}, {test_of("wrong"), "incorrect"}, {test_of("broken"), "compile_error"}});
    EXPECT_EQ(report.references, 1);
    EXPECT_EQ(report.candidates_checked, 3);  // the generated one promises nothing
    EXPECT_TRUE(report.findings.empty());
    EXPECT_EQ(report.unexpected(), 0);
}

TEST(Expectations, AWrongVerdictIsUnexpectedAndNamesWhatHappened) {
    const json results = {
        {"problems", json::array()},
        {"candidates", {candidate("should_pass", true, false), candidate("should_fail", true, true)}}};
    const auto report =
        check_expectations(results, {{test_of("should_pass"), "correct"}, {test_of("should_fail"), "incorrect"}});
    ASSERT_EQ(report.findings.size(), 2u);
    EXPECT_EQ(report.unexpected(), 2);
    EXPECT_EQ(report.findings[0].observed, "incorrect");
    EXPECT_EQ(report.findings[0].detail, "mismatch: off");
    EXPECT_EQ(report.findings[1].observed, "correct");
}

TEST(Expectations, FasterNeedsCorrectAndASlowTimingIsOnlyANote) {
    const json results = {
        {"problems", json::array()},
        {"candidates", {candidate("slow", true, true, 0.8), candidate("crashes", true, nullptr, nullptr, "crashed")}}};
    const auto report = check_expectations(results, {{test_of("slow"), "faster"}, {test_of("crashes"), "faster"}});
    ASSERT_EQ(report.findings.size(), 2u);
    EXPECT_FALSE(report.findings[0].unexpected);
    EXPECT_NE(report.findings[0].detail.find("0.8x"), std::string::npos);
    EXPECT_TRUE(report.findings[1].unexpected);
    EXPECT_EQ(report.findings[1].observed, "crashed");
    EXPECT_EQ(report.unexpected(), 1);
}

TEST(Expectations, ReferencesThatFailSkipOrDisagreeWithTheirGoldenAreUnexpected) {
    const json results = {
        {"problems",
         {reference("a", "ok"), reference("b", "skipped"), reference("c", "ok", false), reference("d", "not_run")}},
        {"candidates", json::array()}};
    const auto report = check_expectations(results, {});
    EXPECT_EQ(report.references, 4);
    EXPECT_EQ(report.unexpected(), 3);
    EXPECT_EQ(report.not_run, 1);
    EXPECT_EQ(report.findings[1].observed, "golden_mismatch");
}

TEST(Expectations, AnUnknownExpectedVerdictIsAnErrorNamingTheTest) {
    try {
        (void)check_expectations(json::object(), {{test_of("x"), "quick"}});
        FAIL() << "no error";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find(test_of("x")), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("'quick'"), std::string::npos) << error.what();
    }
}

}  // namespace
