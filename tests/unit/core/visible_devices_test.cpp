// Visible GPUs from made-up driver counts and environments, and the
// binding of a child process to one GPU.
#include <hipkb/core/visible_devices.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace {

using hipkb::visible_gpus;

hipkb::environment_lookup fake(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
        const auto found = variables.find(std::string(name));
        if (found == variables.end()) return std::nullopt;
        return found->second;
    };
}

// The environment a child sees: the parent's, with the binding's entries
// replacing variables of the same name (as run_process does).
hipkb::environment_lookup with_entries(std::map<std::string, std::string> parent,
                                       const std::vector<std::string>& entries) {
    for (const std::string& entry : entries) {
        const std::size_t equals = entry.find('=');
        parent[entry.substr(0, equals)] = entry.substr(equals + 1);
    }
    return fake(std::move(parent));
}

using list = std::vector<int>;

TEST(VisibleDevices, without_variables_every_driver_gpu_is_visible) {
    EXPECT_EQ(visible_gpus("amd", 4, fake({})), (list{0, 1, 2, 3}));
    EXPECT_EQ(visible_gpus("nvidia", 2, fake({})), (list{0, 1}));
    EXPECT_EQ(visible_gpus("amd", 0, fake({})), list{});
}

TEST(VisibleDevices, host_and_unknown_platforms_have_no_gpu) {
    EXPECT_EQ(visible_gpus("host", 4, fake({})), list{});
    EXPECT_EQ(visible_gpus("", 4, fake({})), list{});
}

TEST(VisibleDevices, a_list_narrows_and_renumbers) {
    EXPECT_EQ(visible_gpus("amd", 8, fake({{"HIP_VISIBLE_DEVICES", "5,2"}})), (list{5, 2}));
    EXPECT_EQ(visible_gpus("nvidia", 8, fake({{"CUDA_VISIBLE_DEVICES", " 3 , 1 "}})), (list{3, 1}));
    // ROCR first, then HIP indexes what ROCR left.
    EXPECT_EQ(visible_gpus("amd", 8, fake({{"ROCR_VISIBLE_DEVICES", "4,5,6"}, {"HIP_VISIBLE_DEVICES", "2,0"}})),
              (list{6, 4}));
    // On NVIDIA, HIP_VISIBLE_DEVICES indexes what CUDA_VISIBLE_DEVICES left.
    EXPECT_EQ(visible_gpus("nvidia", 8, fake({{"CUDA_VISIBLE_DEVICES", "7,6"}, {"HIP_VISIBLE_DEVICES", "1"}})),
              (list{6}));
}

TEST(VisibleDevices, cuda_visible_devices_counts_on_amd_only_without_hip_visible_devices) {
    EXPECT_EQ(visible_gpus("amd", 4, fake({{"CUDA_VISIBLE_DEVICES", "3"}})), (list{3}));
    EXPECT_EQ(visible_gpus("amd", 4, fake({{"CUDA_VISIBLE_DEVICES", "3"}, {"HIP_VISIBLE_DEVICES", "1"}})), (list{1}));
}

TEST(VisibleDevices, an_empty_value_leaves_none) {
    EXPECT_EQ(visible_gpus("amd", 4, fake({{"HIP_VISIBLE_DEVICES", ""}})), list{});
    EXPECT_EQ(visible_gpus("amd", 4, fake({{"ROCR_VISIBLE_DEVICES", ""}})), list{});
    EXPECT_EQ(visible_gpus("nvidia", 4, fake({{"CUDA_VISIBLE_DEVICES", ""}})), list{});
}

TEST(VisibleDevices, an_invalid_or_out_of_range_entry_ends_the_list) {
    EXPECT_EQ(visible_gpus("amd", 4, fake({{"HIP_VISIBLE_DEVICES", "1,9,2"}})), (list{1}));
    EXPECT_EQ(visible_gpus("amd", 4, fake({{"HIP_VISIBLE_DEVICES", "2,x,3"}})), (list{2}));
    EXPECT_EQ(visible_gpus("amd", 4, fake({{"HIP_VISIBLE_DEVICES", "-1"}})), list{});
    EXPECT_EQ(visible_gpus("amd", 4, fake({{"HIP_VISIBLE_DEVICES", "1,1,3"}})), (list{1, 3}));
}

TEST(VisibleDevices, a_bound_child_sees_exactly_its_gpu_whatever_the_parent_set) {
    const std::vector<std::map<std::string, std::string>> parents = {
        {},
        {{"HIP_VISIBLE_DEVICES", "3,1"}},
        {{"ROCR_VISIBLE_DEVICES", "2,3"}, {"HIP_VISIBLE_DEVICES", "1"}},
        {{"CUDA_VISIBLE_DEVICES", "1,2"}},
    };
    for (const std::string platform : {"amd", "nvidia"}) {
        for (const auto& parent : parents) {
            for (const int gpu : {0, 2, 3}) {
                EXPECT_EQ(
                    visible_gpus(platform, 4, with_entries(parent, hipkb::bind_to_gpu_environment(platform, gpu))),
                    list{gpu})
                    << platform << " gpu " << gpu;
            }
        }
    }
    EXPECT_TRUE(hipkb::bind_to_gpu_environment("host", 0).empty());
}

}  // namespace
