// Every golden that has a golden_cases.json, run on its tiny inputs and
// compared with the values computed by hand: one GoogleTest case per problem
// (GoldenHandValues.<problem>), all in the one CTest test
// hipkb.test.corpus.golden_hand_values.
//
// The argument is a file of "<problem folder>\t<golden module>" lines, one
// per problem with a golden_cases.json, written by configure.

#include "golden_cases.hpp"

#include <hipkb/core/json_fields.hpp>
#include <hipkb/core/spec.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

class golden_hand_values : public testing::Test {
public:
    golden_hand_values(std::filesystem::path folder, std::filesystem::path module)
        : m_folder(std::move(folder)), m_module(std::move(module)) {}

    void TestBody() override {
        const hipkb::problem_spec spec = hipkb::load_spec(m_folder / "spec.json");
        std::vector<hipkb::test::golden_case> cases;
        try {
            cases = hipkb::test::load_golden_cases(m_folder / "golden_cases.json", spec);
        } catch (const hipkb::json_input_error& error) {
            FAIL() << error.what();
        }
        for (const hipkb::test::golden_case& item : cases) {
            const auto disagreement = hipkb::test::golden_disagreement(m_module, spec, item);
            EXPECT_FALSE(disagreement.has_value())
                << spec.name << " case '" << item.name << "' (" << item.derivation << "): " << *disagreement;
        }
    }

private:
    std::filesystem::path m_folder;
    std::filesystem::path m_module;
};

}  // namespace

int main(int argc, char** argv) {
    testing::InitGoogleTest(&argc, argv);
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " GOLDENS_FILE (lines of <problem folder>\\t<golden module>)\n";
        return 2;
    }
    std::ifstream list(argv[1]);
    if (!list) {
        std::cerr << argv[1] << ": cannot be read\n";
        return 2;
    }
    std::string line;
    int registered = 0;
    while (std::getline(list, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::filesystem::path folder = line.substr(0, tab);
        const std::filesystem::path module = line.substr(tab + 1);
        testing::RegisterTest("GoldenHandValues", folder.filename().c_str(), nullptr, nullptr, __FILE__, __LINE__,
                              [=]() -> testing::Test* { return new golden_hand_values(folder, module); });
        ++registered;
    }
    if (registered == 0) {
        std::cerr << argv[1] << ": no problem has a golden_cases.json\n";
        return 1;
    }
    return RUN_ALL_TESTS();
}
