// Vendor-library baselines in the results (tests/fixtures/report/build_vendor,
// recorded bench output): matmul has a correct cuBLAS baseline at 100 us and
// a wrong, untimed hipBLAS one; relu has none. Candidates: matmul tiled
// (250 us: 4x the reference, 0.4x cuBLAS), matmul tensor (80 us: 1.25x
// cuBLAS) and relu fast.
#include <hipkb/report/compare.hpp>
#include <hipkb/report/input_error.hpp>
#include <hipkb/report/merge.hpp>
#include <hipkb/report/report.hpp>
#include <hipkb/report/results.hpp>
#include <hipkb/report/summary.hpp>
#include <hipkb/report/vendor_baselines.hpp>

#include "report_test_support.hpp"

#include <gtest/gtest.h>

namespace hipkb::report {
namespace {

using json = nlohmann::json;
using test::candidate;
using test::fixtures;

std::filesystem::path vendor_build() { return fixtures() / "build_vendor/results"; }

const json& problem_entry(const json& results, const std::string& name) {
    for (const json& p : results["problems"]) {
        if (p["problem"] == name) return p;
    }
    ADD_FAILURE() << "no problem " << name;
    static const json none = json::object();
    return none;
}

const json& per_problem_row(const json& results, const std::string& name) {
    for (const json& row : results["summary"]["per_problem"]) {
        if (row["problem"] == name) return row;
    }
    ADD_FAILURE() << "no per_problem row " << name;
    static const json none = json::object();
    return none;
}

class VendorBuild : public ::testing::Test {
protected:
    void SetUp() override { m_results = collect_results_from_dir(vendor_build()); }
    json m_results;
};

TEST_F(VendorBuild, VendorBenchesAreListedApartFromCandidates) {
    EXPECT_NO_THROW(validate_results(m_results, "collected"));
    EXPECT_EQ(m_results["schema_version"], results_schema_version);
    ASSERT_EQ(m_results["vendors"].size(), 2U);
    EXPECT_EQ(m_results["vendors"][0]["id"], "matmul/vendor/cublas");
    EXPECT_EQ(m_results["vendors"][0]["library"], "cublas");
    EXPECT_EQ(m_results["vendors"][1]["id"], "matmul/vendor/hipblas");
    EXPECT_EQ(m_results["candidates"].size(), 3U);
    for (const json& c : m_results["candidates"]) EXPECT_NE(c["run"], "vendor") << c["id"];
}

TEST_F(VendorBuild, VendorIsTimedAndJudgedLikeACandidate) {
    const json& cublas = m_results["vendors"][0];
    EXPECT_EQ(cublas["correct"], true);
    EXPECT_DOUBLE_EQ(cublas["vendor"]["median_ns"].get<double>(), 100000.0);
    EXPECT_DOUBLE_EQ(cublas["speedup"].get<double>(), 10.0);
    EXPECT_DOUBLE_EQ(cublas["flops_percent_of_measured"].get<double>(), 80.0);
    const json& hipblas = m_results["vendors"][1];
    EXPECT_EQ(hipblas["correct"], false);
    EXPECT_EQ(hipblas["failure"]["kind"], "mismatch");
}

TEST_F(VendorBuild, ProblemWithVendorHasItsFastestCorrectOne) {
    const json& baseline = problem_entry(m_results, "matmul")["vendor_baseline"];
    ASSERT_TRUE(baseline.is_object());
    EXPECT_EQ(baseline["library"], "cublas");
    EXPECT_EQ(baseline["id"], "matmul/vendor/cublas");
    EXPECT_DOUBLE_EQ(baseline["median_ns"].get<double>(), 100000.0);
    EXPECT_DOUBLE_EQ(baseline["bandwidth_percent_of_measured"].get<double>(), 25.0);
}

TEST_F(VendorBuild, ProblemWithoutVendorHasNone) {
    EXPECT_TRUE(problem_entry(m_results, "relu")["vendor_baseline"].is_null());
    const json& fast = candidate(m_results, "relu/examples/fast");
    EXPECT_DOUBLE_EQ(fast["speedup"].get<double>(), 2.0);
    EXPECT_TRUE(fast["vendor_speedup"].is_null());
    EXPECT_TRUE(fast["vendor_library"].is_null());
}

TEST_F(VendorBuild, CandidateFasterThanReferenceCanBeSlowerThanVendor) {
    const json& tiled = candidate(m_results, "matmul/examples/tiled");
    EXPECT_DOUBLE_EQ(tiled["speedup"].get<double>(), 4.0);
    EXPECT_DOUBLE_EQ(tiled["vendor_speedup"].get<double>(), 0.4);
    EXPECT_EQ(tiled["vendor_library"], "cublas");
    EXPECT_DOUBLE_EQ(candidate(m_results, "matmul/examples/tensor")["vendor_speedup"].get<double>(), 1.25);
}

TEST_F(VendorBuild, FastPOverVendorCountsOnlyProblemsWithAVendor) {
    const json& overall = m_results["summary"]["overall"];
    // Over the reference every candidate is faster: fast_1 = 1 on both problems.
    EXPECT_DOUBLE_EQ(overall["fast_p"]["1"].get<double>(), 1.0);
    // Over the vendor only matmul counts, and one of its two samples beats cuBLAS.
    EXPECT_EQ(overall["vendor_problems"], 1);
    EXPECT_EQ(overall["faster_than_vendor"], 1);
    EXPECT_DOUBLE_EQ(overall["fast_p_over_vendor"]["1"].get<double>(), 0.5);
    EXPECT_DOUBLE_EQ(overall["fast_p_over_vendor"]["0.5"].get<double>(), 0.5);
    EXPECT_DOUBLE_EQ(overall["fast_p_over_vendor"]["0"].get<double>(), 1.0);
    EXPECT_TRUE(m_results["summary"]["by_level"]["1"].contains("fast_p_over_vendor"));
    EXPECT_TRUE(m_results["summary"]["by_model"]["unknown"].contains("fast_p_over_vendor"));
}

TEST_F(VendorBuild, PerProblemRowsCarryTheVendorTimeAndRoofline) {
    const json& matmul = per_problem_row(m_results, "matmul");
    EXPECT_EQ(matmul["vendor_library"], "cublas");
    EXPECT_DOUBLE_EQ(matmul["vendor_median_ns"].get<double>(), 100000.0);
    EXPECT_DOUBLE_EQ(matmul["vendor_flops_percent_of_measured"].get<double>(), 80.0);
    EXPECT_DOUBLE_EQ(matmul["best_vendor_speedup"].get<double>(), 1.25);
    const json& relu = per_problem_row(m_results, "relu");
    EXPECT_TRUE(relu["vendor_library"].is_null());
    EXPECT_TRUE(relu["best_vendor_speedup"].is_null());
}

TEST_F(VendorBuild, ReportsShowTheVendorColumns) {
    const std::string markdown = render_markdown(m_results);
    EXPECT_NE(markdown.find("## Over the vendor baseline"), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("fast_1 vs vendor"), std::string::npos);
    EXPECT_NE(markdown.find("cublas"), std::string::npos);
    EXPECT_NE(markdown.find("80%"), std::string::npos);  // cuBLAS's roofline share
    const std::string terminal = terminal_summary(m_results);
    EXPECT_NE(terminal.find("Over the vendor baseline (1 problems with one): fast_1 50.0%, geomean 0.71x."),
              std::string::npos)
        << terminal;
}

TEST(VendorReports, NoVendorSectionWithoutVendors) {
    const json results = collect_results_from_dir(fixtures() / "build_basic/results");
    EXPECT_EQ(results["summary"]["overall"]["vendor_problems"], 0);
    EXPECT_EQ(render_markdown(results).find("Over the vendor baseline"), std::string::npos);
}

TEST_F(VendorBuild, MergeFindsTheVendorOfAnotherShard) {
    // Shard a: references and candidates; shard b: the vendor benches alone.
    json a = m_results;
    a["vendors"] = json::array();
    apply_vendor_baselines(a);
    json b = m_results;
    b["problems"] = json::array();
    b["candidates"] = json::array();
    apply_vendor_baselines(b);
    ASSERT_TRUE(candidate(a, "matmul/examples/tiled")["vendor_speedup"].is_null());
    const json merged = merge_results({{a, "a.json"}, {b, "b.json"}});
    EXPECT_NO_THROW(validate_results(merged, "merged"));
    EXPECT_EQ(merged["vendors"].size(), 2U);
    EXPECT_DOUBLE_EQ(candidate(merged, "matmul/examples/tiled")["vendor_speedup"].get<double>(), 0.4);
    EXPECT_EQ(problem_entry(merged, "matmul")["vendor_baseline"]["library"], "cublas");
    EXPECT_DOUBLE_EQ(merged["summary"]["overall"]["fast_p_over_vendor"]["1"].get<double>(), 0.5);
}

TEST_F(VendorBuild, MergeRejectsOneVendorBenchFromTwoShards) {
    EXPECT_THROW((void)merge_results({{m_results, "a.json"}, {m_results, "b.json"}}), input_error);
}

TEST_F(VendorBuild, CompareCarriesVendorSeries) {
    test::scratch_dir dir;
    test::write_text(dir.path() / "old.json", m_results.dump());
    json newer = m_results;
    newer["vendors"][0]["vendor"]["median_ns"] = 50000.0;
    newer["vendors"][0]["vendor"]["samples_ns"] = {50000.0, 50500.0, 49500.0};
    test::write_text(dir.path() / "new.json", newer.dump());
    const comparison result = compare_paths({dir.path() / "old.json"}, {dir.path() / "new.json"});
    bool found = false;
    for (const benchmark_delta& delta : result.deltas) {
        if (delta.name != "matmul/vendor/cublas") continue;
        found = true;
        ASSERT_TRUE(delta.change.has_value());
        EXPECT_NEAR(*delta.change, -0.5, 1e-9);
    }
    EXPECT_TRUE(found) << "no matmul/vendor/cublas row";
}

TEST_F(VendorBuild, SchemaV1ResultsAreMigratedOnReading) {
    // What hipkb wrote before vendor baselines: no "vendors", no vendor fields.
    json old = m_results;
    old["schema_version"] = 1;
    old.erase("vendors");
    old.erase("summary");
    for (json& p : old["problems"]) p.erase("vendor_baseline");
    for (json& c : old["candidates"]) {
        c.erase("vendor_speedup");
        c.erase("vendor_library");
    }
    test::scratch_dir dir;
    test::write_text(dir.path() / "v1.json", old.dump());
    const json read = load_results(dir.path() / "v1.json");
    EXPECT_EQ(read["schema_version"], results_schema_version);
    EXPECT_TRUE(read["vendors"].empty());
    EXPECT_TRUE(candidate(read, "matmul/examples/tiled")["vendor_speedup"].is_null());
    EXPECT_DOUBLE_EQ(candidate(read, "matmul/examples/tiled")["speedup"].get<double>(), 4.0);
    EXPECT_TRUE(problem_entry(read, "matmul")["vendor_baseline"].is_null());
    // Unmigrated, the same document is refused with the field named.
    try {
        validate_results(old, "v1.json");
        FAIL();
    } catch (const input_error& error) {
        EXPECT_NE(std::string(error.what()).find("schema_version 1 is not supported"), std::string::npos)
            << error.what();
    }
}

TEST_F(VendorBuild, VendorIdMustMatchItsFields) {
    json bad = m_results;
    bad["vendors"][0]["library"] = "cudnn";
    EXPECT_THROW(validate_results(bad, "bad.json"), input_error);
}

}  // namespace
}  // namespace hipkb::report
