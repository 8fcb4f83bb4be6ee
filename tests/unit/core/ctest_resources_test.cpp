// The CTest resource spec and the binding of a test to the GPU CTest gave it.
#include <hipkb/core/ctest_resources.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>
#include <string>

namespace {

hipkb::environment_lookup fake(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
        const auto found = variables.find(std::string(name));
        if (found == variables.end()) return std::nullopt;
        return found->second;
    };
}

TEST(CtestResources, the_spec_has_one_gpu_per_visible_device_with_one_slot) {
    const nlohmann::json spec = nlohmann::json::parse(hipkb::ctest_resource_spec({5, 2, 7}));
    EXPECT_EQ(spec["version"]["major"], 1);
    EXPECT_EQ(spec["version"]["minor"], 0);
    ASSERT_EQ(spec["local"].size(), 1U);
    const nlohmann::json& gpus = spec["local"][0]["gpus"];
    ASSERT_EQ(gpus.size(), 3U);
    for (std::size_t i = 0; i < gpus.size(); ++i) {
        // Ids are device indices in this environment, not driver ordinals.
        EXPECT_EQ(gpus[i]["id"], std::to_string(i));
        EXPECT_EQ(gpus[i]["slots"], 1);
    }
    EXPECT_TRUE(nlohmann::json::parse(hipkb::ctest_resource_spec({}))["local"][0]["gpus"].empty());
}

TEST(CtestResources, reads_the_gpu_id_ctest_allocated) {
    EXPECT_EQ(hipkb::ctest_gpu_id(fake({})), std::nullopt);
    EXPECT_EQ(hipkb::ctest_gpu_id(fake({{"CTEST_RESOURCE_GROUP_0_GPUS", "id:3,slots:1"}})), 3);
    EXPECT_EQ(hipkb::ctest_gpu_id(fake({{"CTEST_RESOURCE_GROUP_0_GPUS", "id:12"}})), 12);
    for (const std::string bad : {"", "3", "id:,slots:1", "id:x,slots:1", "slots:1,id:2"}) {
        EXPECT_THROW((void)hipkb::ctest_gpu_id(fake({{"CTEST_RESOURCE_GROUP_0_GPUS", bad}})), std::invalid_argument)
            << bad;
    }
}

TEST(CtestResources, binds_to_the_driver_gpu_at_the_allocated_position) {
    // HIP_VISIBLE_DEVICES=6,4 when the spec was written: CTest's id 1 is driver GPU 4.
    const auto environment = fake({{"HIP_VISIBLE_DEVICES", "6,4"}, {"CTEST_RESOURCE_GROUP_0_GPUS", "id:1,slots:1"}});
    EXPECT_EQ(hipkb::ctest_gpu_binding("amd", 8, environment), hipkb::bind_to_gpu_environment("amd", 4));
    EXPECT_TRUE(hipkb::ctest_gpu_binding("amd", 8, fake({})).empty());
    EXPECT_TRUE(hipkb::ctest_gpu_binding("host", 0, environment).empty());
}

TEST(CtestResources, an_id_beyond_the_visible_gpus_is_an_error_that_says_why) {
    const auto environment = fake({{"HIP_VISIBLE_DEVICES", "0"}, {"CTEST_RESOURCE_GROUP_0_GPUS", "id:1,slots:1"}});
    try {
        (void)hipkb::ctest_gpu_binding("amd", 2, environment);
        FAIL() << "id 1 of 1 visible GPU was accepted";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("1 GPU(s) are visible"), std::string::npos) << error.what();
    }
}

}  // namespace
