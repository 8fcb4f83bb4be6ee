#include <hipkb/core/benchmark_size_limits.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace {

using hipkb::problem_spec;
using hipkb::size_set;

// One input x[N] and one output y[N]; `kernelbench` set makes it a
// KernelBench problem whose N is `kernelbench_n` there.
problem_spec vector_problem(std::int64_t n, hipkb::dtype input_type, hipkb::dtype output_type,
                            std::optional<std::int64_t> kernelbench_n = std::nullopt) {
    problem_spec spec;
    spec.directory = "reference/level1/999_vector";
    spec.name = "999_vector";
    if (kernelbench_n) spec.kernelbench = "999_Vector";
    spec.dims.push_back({"N", n, 7, kernelbench_n});
    hipkb::tensor_spec x;
    x.name = "x";
    x.type = input_type;
    x.shape = {"N"};
    hipkb::tensor_spec y;
    y.name = "y";
    y.type = output_type;
    y.shape = {"N"};
    spec.inputs.push_back(x);
    spec.outputs.push_back(y);
    return spec;
}

TEST(BenchmarkSizeLimits, footprint_is_inputs_three_guarded_output_sets_and_the_harness_reserve) {
    const problem_spec spec = vector_problem(1000, hipkb::dtype::fp32, hipkb::dtype::fp16);
    EXPECT_EQ(hipkb::device_footprint_bytes(spec, size_set::benchmark),
              4000 + 3 * (2000 + hipkb::output_guard_bytes) + hipkb::harness_reserve_bytes);
    EXPECT_EQ(hipkb::device_footprint_bytes(spec, size_set::test),
              28 + 3 * (14 + hipkb::output_guard_bytes) + hipkb::harness_reserve_bytes);
}

TEST(BenchmarkSizeLimits, sizes_within_both_limits_give_no_finding) {
    const auto findings = hipkb::check_benchmark_size_limits(
        vector_problem(std::int64_t{1} << 30, hipkb::dtype::fp32, hipkb::dtype::fp32, std::int64_t{1} << 30));
    EXPECT_TRUE(findings.errors.empty()) << findings.errors.front();
    EXPECT_TRUE(findings.warnings.empty());
}

TEST(BenchmarkSizeLimits, a_footprint_over_24_gib_is_an_error_naming_the_file) {
    // 6 GiB of input and 3 x 6 GiB of outputs: 24 GiB before the reserve.
    const auto n = std::int64_t{3} << 29;
    const auto findings = hipkb::check_benchmark_size_limits(vector_problem(n, hipkb::dtype::fp32, hipkb::dtype::fp32));
    ASSERT_EQ(findings.errors.size(), 1u);
    EXPECT_NE(findings.errors[0].find("reference/level1/999_vector/spec.json: dims:"), std::string::npos)
        << findings.errors[0];
    EXPECT_NE(findings.errors[0].find("24 GiB"), std::string::npos) << findings.errors[0];
}

TEST(BenchmarkSizeLimits, a_tensor_of_2_pow_31_elements_is_an_error_and_one_fewer_is_not) {
    // fp16 in, a 1-element output: 4 GiB, well within the memory budget.
    problem_spec spec = vector_problem(std::int64_t{1} << 31, hipkb::dtype::fp16, hipkb::dtype::fp32);
    spec.outputs[0].shape = {"1"};
    const auto over = hipkb::check_benchmark_size_limits(spec);
    ASSERT_EQ(over.errors.size(), 1u);
    EXPECT_NE(over.errors[0].find("inputs[0] ('x') has 2147483648 elements"), std::string::npos) << over.errors[0];
    spec.dims[0].value = (std::int64_t{1} << 31) - 1;
    EXPECT_TRUE(hipkb::check_benchmark_size_limits(spec).errors.empty());
}

TEST(BenchmarkSizeLimits, scaling_down_kernelbench_sizes_that_fit_is_a_warning) {
    const auto findings = hipkb::check_benchmark_size_limits(
        vector_problem(1 << 20, hipkb::dtype::fp32, hipkb::dtype::fp32, std::int64_t{1} << 24));
    EXPECT_TRUE(findings.errors.empty());
    ASSERT_EQ(findings.warnings.size(), 1u);
    EXPECT_NE(findings.warnings[0].find("999_vector/spec.json: dims:"), std::string::npos) << findings.warnings[0];
}

TEST(BenchmarkSizeLimits, scaling_down_kernelbench_sizes_that_do_not_fit_is_not_a_warning) {
    // KernelBench's N would be a tensor of 2^32 elements.
    const auto over_elements = hipkb::check_benchmark_size_limits(
        vector_problem(1 << 20, hipkb::dtype::fp16, hipkb::dtype::fp16, std::int64_t{1} << 32));
    EXPECT_TRUE(over_elements.warnings.empty()) << over_elements.warnings.front();
    // KernelBench's N would need 4 x 8 GiB.
    const auto over_memory = hipkb::check_benchmark_size_limits(
        vector_problem(1 << 20, hipkb::dtype::fp32, hipkb::dtype::fp32, (std::int64_t{1} << 31) - 1));
    EXPECT_TRUE(over_memory.warnings.empty()) << over_memory.warnings.front();
}

TEST(BenchmarkSizeLimits, kernelbench_values_replace_only_the_dims_that_have_one) {
    problem_spec spec = vector_problem(1000, hipkb::dtype::fp32, hipkb::dtype::fp32, 4096);
    spec.dims.push_back({"K", 3, 3, std::nullopt});
    const problem_spec kernelbench = hipkb::at_kernelbench_values(spec);
    EXPECT_EQ(kernelbench.dims[0].value, 4096);
    EXPECT_EQ(kernelbench.dims[1].value, 3);
    EXPECT_FALSE(spec.at_kernelbench_sizes());
    EXPECT_TRUE(kernelbench.at_kernelbench_sizes());
}

}  // namespace
