// --jobs: one worker per visible GPU, each bound to its own; plain parallel
// workers on cpu execution.
#include <hipkb/run/worker_slots.hpp>

#include <hipkb/core/visible_devices.hpp>

#include <gtest/gtest.h>

#include <set>

namespace {

using hipkb::plan_worker_slots;

TEST(WorkerSlots, one_worker_per_gpu_each_bound_to_a_different_gpu) {
    const auto slots = plan_worker_slots(8, "auto", "amd", {6, 4, 1});
    ASSERT_EQ(slots.size(), 3U);  // more jobs than GPUs: still one per GPU
    std::set<int> gpus;
    for (const auto& slot : slots) {
        ASSERT_TRUE(slot.gpu);
        gpus.insert(*slot.gpu);
        EXPECT_EQ(slot.environment, hipkb::bind_to_gpu_environment("amd", *slot.gpu));
    }
    EXPECT_EQ(gpus, (std::set<int>{6, 4, 1}));
}

TEST(WorkerSlots, fewer_jobs_than_gpus_use_the_first_gpus) {
    const auto slots = plan_worker_slots(2, "gpu", "nvidia", {3, 5, 7});
    ASSERT_EQ(slots.size(), 2U);
    EXPECT_EQ(*slots[0].gpu, 3);
    EXPECT_EQ(*slots[1].gpu, 5);
}

TEST(WorkerSlots, cpu_execution_and_machines_without_gpus_run_jobs_side_by_side_unbound) {
    for (const auto& slots : {plan_worker_slots(4, "cpu", "amd", {0, 1}), plan_worker_slots(4, "auto", "amd", {})}) {
        ASSERT_EQ(slots.size(), 4U);
        for (const auto& slot : slots) {
            EXPECT_FALSE(slot.gpu);
            EXPECT_TRUE(slot.environment.empty());
        }
    }
}

TEST(WorkerSlots, one_job_is_one_worker) {
    EXPECT_EQ(plan_worker_slots(1, "auto", "amd", {0, 1, 2}).size(), 1U);
    EXPECT_EQ(plan_worker_slots(0, "cpu", "amd", {}).size(), 1U);
}

}  // namespace
