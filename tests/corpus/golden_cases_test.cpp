// The reader and runner of golden_cases.json (tests/corpus/golden_cases.hpp)
// against 019_relu's real golden module: a file that is wrong is named with its
// place, and a hand value the golden does not give is reported with the
// element, so hipkb.test.corpus.golden_hand_values can fail.

#include "golden_cases.hpp"

#include <hipkb/core/json_fields.hpp>
#include <hipkb/core/spec.hpp>

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

const std::filesystem::path relu_folder = std::filesystem::path(HIPKB_REFERENCE_DIR) / "level1" / "019_relu";

class GoldenCases : public testing::Test {
protected:
    // Writes `text` as a golden_cases.json of its own and returns its path.
    std::filesystem::path write_cases(const std::string& text) {
        const std::filesystem::path file = m_dir / "golden_cases.json";
        std::ofstream(file) << text;
        return file;
    }

    void SetUp() override {
        m_dir =
            std::filesystem::temp_directory_path() / ("hipkb_golden_cases_test_" + std::to_string(::getpid()) + "_" +
                                                      testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    const hipkb::problem_spec m_relu = hipkb::load_spec(relu_folder / "spec.json");
    std::filesystem::path m_dir;
};

std::string one_case(const std::string& inputs, const std::string& outputs,
                     const std::string& dims = R"({"B": 1, "D": 3})") {
    return R"({"cases": [{"name": "c", "derivation": "max of x and 0", "dims": )" + dims + R"(, "inputs": )" + inputs +
           R"(, "outputs": )" + outputs + "}]}";
}

std::string load_error(const std::filesystem::path& file, const hipkb::problem_spec& spec) {
    try {
        (void)hipkb::test::load_golden_cases(file, spec);
    } catch (const hipkb::json_input_error& error) {
        return error.what();
    }
    return "";
}

TEST_F(GoldenCases, golden_matching_hand_values_passes) {
    const auto cases =
        hipkb::test::load_golden_cases(write_cases(one_case(R"({"x": [-1, 0, 2]})", R"({"y": [0, 0, 2]})")), m_relu);
    ASSERT_EQ(cases.size(), 1u);
    EXPECT_FALSE(hipkb::test::golden_disagreement(HIPKB_RELU_GOLDEN, m_relu, cases[0]).has_value());
}

TEST_F(GoldenCases, wrong_hand_value_is_reported_with_its_element) {
    const auto cases =
        hipkb::test::load_golden_cases(write_cases(one_case(R"({"x": [-1, 0, 2]})", R"({"y": [0, 0, 3]})")), m_relu);
    const auto disagreement = hipkb::test::golden_disagreement(HIPKB_RELU_GOLDEN, m_relu, cases[0]);
    ASSERT_TRUE(disagreement.has_value());
    EXPECT_NE(disagreement->find("first at [0, 2]: golden gives 2, hand value 3"), std::string::npos) << *disagreement;
}

TEST_F(GoldenCases, value_count_must_fill_the_shape) {
    const std::string error = load_error(write_cases(one_case(R"({"x": [-1, 0]})", R"({"y": [0, 0, 2]})")), m_relu);
    EXPECT_NE(error.find("cases[0].inputs.x: 2 values, but its shape [1, 3] at these dims holds 3"), std::string::npos)
        << error;
}

TEST_F(GoldenCases, unknown_tensor_name_is_rejected) {
    const std::string error =
        load_error(write_cases(one_case(R"({"x": [-1, 0, 2], "z": [1]})", R"({"y": [0, 0, 2]})")), m_relu);
    EXPECT_NE(error.find("'z' is not an input of the spec"), std::string::npos) << error;
}

TEST_F(GoldenCases, every_dim_must_be_given) {
    const std::string error =
        load_error(write_cases(one_case(R"({"x": [-1, 0, 2]})", R"({"y": [0, 0, 2]})", R"({"B": 1})")), m_relu);
    EXPECT_NE(error.find("cases[0].dims: missing field \"D\""), std::string::npos) << error;
}

TEST_F(GoldenCases, derivation_is_required) {
    const std::string error = load_error(
        write_cases(
            R"({"cases": [{"name": "c", "dims": {"B": 1, "D": 1}, "inputs": {"x": [1]}, "outputs": {"y": [1]}}]})"),
        m_relu);
    EXPECT_NE(error.find("cases[0]: missing field \"derivation\""), std::string::npos) << error;
}

TEST_F(GoldenCases, non_finite_expected_values_are_refused) {
    const std::string error =
        load_error(write_cases(one_case(R"({"x": [-1, 0, 2]})", R"({"y": [0, 0, "inf"]})")), m_relu);
    EXPECT_NE(error.find("cases[0].outputs.y[2]: expected a finite number"), std::string::npos) << error;
}

}  // namespace
