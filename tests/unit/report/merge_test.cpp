// merge: shards combine; duplicates and mixed schema versions are errors.
#include <hipkb/report/input_error.hpp>
#include <hipkb/report/inputs.hpp>
#include <hipkb/report/merge.hpp>
#include <hipkb/report/results.hpp>

#include <hipkb/core/process.hpp>

#include "report_test_support.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

namespace hipkb::report {
namespace {

using json = nlohmann::json;

class Shards : public ::testing::Test {
protected:
    void SetUp() override {
        m_full = collect_results(test::write_basic_manifest(m_dir.path()), test::fixtures() / "build_basic/results");
    }
    // The results restricted to some candidates and problems, as a shard
    // that ran only those would report them (others "not_run").
    json shard(const std::set<std::string>& candidates, const std::set<std::string>& problems) const {
        json out = m_full;
        for (json& c : out["candidates"]) {
            if (candidates.count(c["id"]) != 0) continue;
            c["status"] = "not_run";
            c["correct"] = nullptr;
            c["candidate"] = nullptr;
            c["reference"] = nullptr;
            c["speedup"] = nullptr;
        }
        for (json& p : out["problems"]) {
            if (problems.count(p["problem"]) != 0) continue;
            p["status"] = "not_run";
            p["reference"] = nullptr;
        }
        return out;
    }
    test::scratch_dir m_dir;
    json m_full;
};

TEST_F(Shards, CombineIntoTheWhole) {
    json a = shard({"relu/examples/fast", "relu/examples/same", "relu/examples/wrong"}, {"relu"});
    json b = shard({"gelu/examples/broken", "gelu/examples/crashy", "softmax/examples/badjson"}, {"matmul", "gelu"});
    // Shard b's machine is another one.
    b["machines"][0]["host_name"] = "gpu-box-2";
    const json merged = merge_results({{a, "a.json"}, {b, "b.json"}});
    EXPECT_NO_THROW(validate_results(merged, "merged"));
    EXPECT_EQ(merged["candidates"].size(), 7U);
    EXPECT_EQ(merged["problems"].size(), 4U);
    EXPECT_EQ(merged["machines"].size(), 2U);
    EXPECT_EQ(merged["sources"].size(), 2U);
    EXPECT_EQ(test::candidate(merged, "relu/examples/fast")["speedup"], 2.0);
    EXPECT_EQ(test::candidate(merged, "gelu/examples/crashy")["status"], "crashed");
    EXPECT_EQ(test::candidate(merged, "gelu/examples/crashy")["machine"], "m2");
    // The summary is that of the whole.
    EXPECT_EQ(merged["summary"]["overall"], m_full["summary"]["overall"]);
}

TEST_F(Shards, ReferenceTimeFromAnotherShard) {
    json a = shard({"relu/examples/fast"}, {});
    for (json& c : a["candidates"]) {
        if (c["id"] != "relu/examples/fast") continue;
        c["reference"] = nullptr;  // as if its executable had not timed the reference
        c["speedup"] = nullptr;
    }
    json b = shard({}, {"relu"});
    const json merged = merge_results({{a, "a.json"}, {b, "b.json"}});
    const json& fast = test::candidate(merged, "relu/examples/fast");
    EXPECT_EQ(fast["reference_source"], "reference_executable");
    EXPECT_DOUBLE_EQ(fast["speedup"].get<double>(), 2.0);  // 4000 (reference bench) / 2000
}

TEST_F(Shards, DuplicateCandidateIsAnError) {
    json a = shard({"relu/examples/fast"}, {});
    json b = shard({"relu/examples/fast"}, {});
    try {
        (void)merge_results({{a, "shard-a.json"}, {b, "shard-b.json"}});
        FAIL();
    } catch (const input_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("duplicate candidate \"relu/examples/fast\""), std::string::npos) << message;
        EXPECT_NE(message.find("shard-a.json"), std::string::npos) << message;
        EXPECT_NE(message.find("shard-b.json"), std::string::npos) << message;
    }
}

TEST_F(Shards, DuplicateReferenceBenchIsAnError) {
    EXPECT_THROW((void)merge_results({{shard({}, {"relu"}), "a.json"}, {shard({}, {"relu"}), "b.json"}}), input_error);
}

TEST_F(Shards, MismatchedSchemaVersionIsAnError) {
    json newer = m_full;
    newer["schema_version"] = results_schema_version + 1;
    try {
        (void)merge_results({{m_full, "old.json"}, {newer, "new.json"}});
        FAIL();
    } catch (const input_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(fmt::format("old.json has schema_version {} but new.json has {}", results_schema_version,
                                           results_schema_version + 1)),
                  std::string::npos)
            << message;
    }
}

TEST_F(Shards, InputsFromFilesAndFolders) {
    const std::filesystem::path shards = m_dir.path() / "shards";
    std::filesystem::create_directories(shards);
    test::write_text(shards / "a.json", shard({"relu/examples/fast"}, {"relu"}).dump());
    test::write_text(shards / "b.json", shard({"relu/examples/wrong"}, {}).dump());
    const json merged = load_results_merged({shards / "a.json", shards / "b.json"});
    EXPECT_EQ(test::candidate(merged, "relu/examples/wrong")["correct"], false);
    EXPECT_EQ(test::candidate(merged, "relu/examples/fast")["correct"], true);
    // A folder holding results files gives those.
    const json from_folder = load_results_merged({shards});
    EXPECT_EQ(from_folder["candidates"].size(), 7U);
    // A results folder with its manifest beside it.
    input_options options;
    options.manifest = m_dir.path() / "hipkb_manifest.json";
    const json collected = load_results_merged({test::fixtures() / "build_basic/results"}, options);
    EXPECT_EQ(collected["candidates"].size(), 7U);
    EXPECT_THROW((void)load_results_merged({test::fixtures() / "gbench/not_gbench.json"}), input_error);
}

#ifdef HIPKB_CLI
TEST_F(Shards, MergeCommand) {
    test::write_text(m_dir.path() / "a.json", shard({"relu/examples/fast"}, {"relu"}).dump());
    test::write_text(m_dir.path() / "b.json", shard({"relu/examples/wrong"}, {}).dump());
    test::write_text(m_dir.path() / "dup.json", shard({"relu/examples/fast"}, {}).dump());
    const std::string out = (m_dir.path() / "merged.json").string();
    const process_result ok = run_process(
        {HIPKB_CLI, "merge", (m_dir.path() / "a.json").string(), (m_dir.path() / "b.json").string(), "-o", out});
    EXPECT_EQ(ok.exit_code, 0) << ok.output;
    EXPECT_EQ(load_results(out)["candidates"].size(), 7U);
    const process_result dup = run_process(
        {HIPKB_CLI, "merge", (m_dir.path() / "a.json").string(), (m_dir.path() / "dup.json").string(), "-o", out});
    EXPECT_EQ(dup.exit_code, 2);
    EXPECT_NE(dup.output.find("duplicate candidate"), std::string::npos) << dup.output;
}
#endif

}  // namespace
}  // namespace hipkb::report
