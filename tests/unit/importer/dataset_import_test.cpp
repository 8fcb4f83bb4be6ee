#include <hipkb/importer/dataset_import.hpp>

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

namespace {

using hipkb::importer::dataset_error;
using hipkb::importer::import_dataset;

class DatasetImport : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir =
            std::filesystem::temp_directory_path() / ("hipkb_import_test_" + std::to_string(getpid()) + "_" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }
    std::filesystem::path m_dir;
};

TEST_F(DatasetImport, TheFixtureImportsThreeEntriesAndSkipsTheUnmappableAndTheMissingWithReasons) {
    const auto report = import_dataset({HIPKB_IMPORT_FIXTURE, std::nullopt, m_dir / "level1", 1});
    EXPECT_EQ(report.imported, (std::vector<std::string>{"scale_shift", "block_sum", "softplus"}));
    ASSERT_EQ(report.skipped.size(), 2u);
    EXPECT_EQ(report.skipped[0].name, "two_pass_norm");
    EXPECT_NE(report.skipped[0].reason.find("kernel launches"), std::string::npos);
    EXPECT_EQ(report.skipped[1].name, "missing_kernel");
    EXPECT_NE(report.skipped[1].reason.find("is missing"), std::string::npos);
    EXPECT_TRUE(std::filesystem::exists(m_dir / "level1" / "softplus" / "reference.hip"));
    EXPECT_TRUE(std::filesystem::exists(m_dir / "level1" / "softplus" / "spec.json"));
}

TEST_F(DatasetImport, AMissingFolderIsBadInput) {
    EXPECT_THROW((void)import_dataset({m_dir / "nothing", std::nullopt, m_dir / "out", 1}), dataset_error);
}

TEST_F(DatasetImport, MalformedJsonIsBadInputNamingTheFileAndPlace) {
    std::ofstream(m_dir / "list.json") << "[{\"name\": \"a\", \"hip_file\": 3}]";
    try {
        (void)import_dataset({m_dir, std::nullopt, m_dir / "out", 1});
        FAIL() << "expected dataset_error";
    } catch (const dataset_error& error) {
        EXPECT_NE(std::string(error.what()).find("list.json: [0].hip_file: expected a string"), std::string::npos)
            << error.what();
    }
}

TEST_F(DatasetImport, TwoListFilesWithoutListIsBadInput) {
    std::ofstream(m_dir / "a.json") << "[]";
    std::ofstream(m_dir / "b.json") << "[]";
    EXPECT_THROW((void)import_dataset({m_dir, std::nullopt, m_dir / "out", 1}), dataset_error);
    EXPECT_NO_THROW((void)import_dataset({m_dir, std::filesystem::path("a.json"), m_dir / "out", 1}));
}

}  // namespace
