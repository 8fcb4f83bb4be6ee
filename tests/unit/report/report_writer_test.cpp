// The report files and the terminal summary, and `hipkb report` itself.
#include <hipkb/report/report.hpp>
#include <hipkb/report/results.hpp>
#include <hipkb/report/summary.hpp>

#include <hipkb/core/process.hpp>

#include "report_test_support.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace hipkb::report {
namespace {

using json = nlohmann::json;

class Reports : public ::testing::Test {
protected:
    void SetUp() override {
        m_manifest = test::write_basic_manifest(m_dir.path());
        m_results = collect_results(m_manifest, test::fixtures() / "build_basic/results");
    }
    test::scratch_dir m_dir;
    std::filesystem::path m_manifest;
    json m_results;
};

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

TEST_F(Reports, WritesThreeFiles) {
    const std::filesystem::path out = m_dir.path() / "report";
    write_report(m_results, out);
    const json report = load_results(out / "report.json");
    EXPECT_EQ(report["candidates"], m_results["candidates"]);
    EXPECT_TRUE(has_summary(report));
    EXPECT_TRUE(std::filesystem::exists(out / "report.md"));
    EXPECT_TRUE(std::filesystem::exists(out / "report.html"));
    // No temporary files left behind.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(out)) ++files;
    EXPECT_EQ(files, 3U);
}

TEST_F(Reports, MarkdownHasTheTablesAndWarnings) {
    const std::string md = render_markdown(m_results);
    EXPECT_EQ(md.rfind("# hipkb report", 0), 0U);
    EXPECT_NE(md.find("| group | problems | candidates | compiled | correct | fast_0 | fast_0.5 | fast_0.8 | fast_1 | "
                      "fast_1.5 | fast_2 | geomean speedup |"),
              std::string::npos)
        << md;
    // fast_1 overall = 1/12 = 8.3%; geomean sqrt(2) = 1.41x over 2.
    EXPECT_NE(md.find("| all | 4 | 7 | 4 | 3 | 41.7% | 16.7% | 16.7% | 8.3% | 8.3% | 0.0% | 1.41x (n=2) |"),
              std::string::npos)
        << md;
    EXPECT_NE(
        md.find("| relu/examples/fast | test-model | 2 | ok | yes | yes | 4.00 us | 2.00 us | 5.0% | 2.00x (floor) |"),
        std::string::npos)
        << md;
    EXPECT_NE(md.find("blockIdxx"), std::string::npos);  // the first compiler error
    EXPECT_NE(md.find("> **Warning:** 1 of 7 candidates have no results"), std::string::npos) << md;
    EXPECT_NE(md.find("> **Warning:** 1 candidate bench(es) missed the CV target even after the most repetitions "
                      "allowed (first: relu/examples/same, median CV 2.1%)"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("could not be read"), std::string::npos);
    // Every table row has as many cells as its header.
    std::istringstream lines(md);
    std::string line;
    std::size_t header_cells = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("| ", 0) != 0) {
            header_cells = 0;
            continue;
        }
        std::string unescaped = std::regex_replace(line, std::regex(R"(\\\|)"), "");
        const std::size_t cells = count_of(unescaped, "|") - 1;
        if (header_cells == 0) header_cells = cells;
        EXPECT_EQ(cells, header_cells) << line;
    }
}

TEST_F(Reports, HtmlIsSelfContained) {
    const std::string html = render_html(m_results);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0U);
    for (const char* id : {"plot-fast-p", "plot-speedup-distribution", "plot-problem-speedups"}) {
        EXPECT_NE(html.find(std::string("<figure id=\"") + id + "\">"), std::string::npos) << id;
    }
    // Nothing fetched from elsewhere (the SVG namespace URIs are names, not fetches).
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
#ifdef HIPKB_GNUPLOT
    EXPECT_EQ(count_of(html, "<svg"), 3U) << "gnuplot is installed, so every plot is drawn";
    EXPECT_EQ(html.find("not drawn"), std::string::npos);
#endif
}

TEST_F(Reports, TerminalSummary) {
    const std::string text = terminal_summary(m_results);
    EXPECT_NE(text.find("4 problems, 7 candidates: compiled 4/7, correct 3/7, faster than the reference 1/7."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("fast_0 (correct) 41.7%, fast_1 8.3%, fast_2 0.0%; geometric-mean speedup 1.41x"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("relu"), std::string::npos);
    EXPECT_NE(text.find("examples/fast"), std::string::npos);
    EXPECT_NE(text.find("1 crashed"), std::string::npos);
    EXPECT_EQ(text.find("GPU runs skipped"), std::string::npos);
}

TEST(SkippedReports, SayWhyGpuRunsWereSkipped) {
    json results = collect_results_from_dir(test::fixtures() / "build_skipped/results");
    results.erase("summary");  // computed on demand
    const std::string text = terminal_summary(results);
    EXPECT_NE(text.find("WARNING: GPU runs skipped for 2 of 2 benches (no GPU: hipGetDeviceCount returned 0 "
                        "(hipErrorNoDevice))"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("unknown, not failures"), std::string::npos);
    EXPECT_NE(render_markdown(results).find("GPU runs skipped"), std::string::npos);
}

#ifdef HIPKB_CLI
TEST_F(Reports, ReportCommand) {
    const std::filesystem::path out = m_dir.path() / "cli-report";
    const process_result run =
        run_process({HIPKB_CLI, "report", (test::fixtures() / "build_basic/results").string(), "--manifest",
                     m_manifest.string(), "-o", out.string(), "--k", "1,2,3", "--fast-p", "1.2"});
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("fast_1 8.3%"), std::string::npos) << run.output;
    const json report = load_results(out / "report.json");
    EXPECT_NEAR(report["summary"]["overall"]["pass_at_k"]["2"].get<double>(), 0.5, 1e-12);
    EXPECT_TRUE(report["summary"]["overall"]["fast_p"].contains("1.2"));
    EXPECT_NE(test::read_text(out / "report.md").find("pass@2"), std::string::npos);

    const process_result bad =
        run_process({HIPKB_CLI, "report", (test::fixtures() / "gbench/not_gbench.json").string(), "-o", out.string()});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.output.find("not_gbench.json"), std::string::npos) << bad.output;
}
#endif

}  // namespace
}  // namespace hipkb::report
