#include <hipkb/core/inputs.hpp>

#include <hipkb/core/statistics.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace {

hipkb::problem_spec make_spec(std::int64_t n, hipkb::init_spec init, hipkb::dtype type = hipkb::dtype::fp32) {
    hipkb::problem_spec spec;
    spec.name = "t";
    spec.dims = {{"N", n, 5}};
    hipkb::tensor_spec x{"x", type, {"N"}, init, {}};
    hipkb::tensor_spec w{"w", type, {"N"}, init, {}};
    spec.inputs = {x, w};
    spec.outputs = {{"y", hipkb::dtype::fp32, {"N"}, {}, {}}};
    return spec;
}

TEST(Inputs, same_seed_gives_the_same_values_and_another_seed_does_not) {
    const auto spec = make_spec(1000, {});
    const auto a = hipkb::generate_inputs(spec, hipkb::size_set::benchmark, 1);
    const auto b = hipkb::generate_inputs(spec, hipkb::size_set::benchmark, 1);
    const auto c = hipkb::generate_inputs(spec, hipkb::size_set::benchmark, 2);
    EXPECT_EQ(a[0].bytes, b[0].bytes);
    EXPECT_NE(a[0].bytes, c[0].bytes);
    // Two inputs of the same spec draw different values.
    EXPECT_NE(a[0].bytes, a[1].bytes);
}

TEST(Inputs, values_depend_on_the_index_not_on_the_tensor_size_or_threads) {
    // The large tensor is filled by several threads, the small one by one.
    const auto small = hipkb::generate_input(make_spec(100, {}), 0, hipkb::size_set::benchmark, 9);
    const auto large = hipkb::generate_input(make_spec(4 << 20, {}), 0, hipkb::size_set::benchmark, 9);
    for (std::int64_t i = 0; i < 100; ++i) {
        ASSERT_EQ(small.at(i), large.at(i)) << i;
    }
}

TEST(Inputs, distributions_have_their_moments_and_ranges) {
    const auto normal = hipkb::generate_input(make_spec(200000, {hipkb::init_spec::kind::normal, 2.0, 0.5}), 0,
                                              hipkb::size_set::benchmark, 3);
    std::vector<double> values;
    for (std::int64_t i = 0; i < normal.count(); ++i) values.push_back(normal.at(i));
    const hipkb::summary s = hipkb::summarize(values);
    EXPECT_NEAR(s.mean, 2.0, 0.01);
    EXPECT_NEAR(s.stddev, 0.5, 0.01);

    const auto uniform = hipkb::generate_input(make_spec(100000, {hipkb::init_spec::kind::uniform, -1.0, 3.0}), 0,
                                               hipkb::size_set::benchmark, 3);
    for (std::int64_t i = 0; i < uniform.count(); ++i) {
        ASSERT_GE(uniform.at(i), -1.0);
        ASSERT_LT(uniform.at(i), 3.0);
    }
    const auto ints =
        hipkb::generate_input(make_spec(10000, {hipkb::init_spec::kind::randint, 0.0, 4.0}, hipkb::dtype::int32), 0,
                              hipkb::size_set::benchmark, 3);
    std::vector<int> seen(4, 0);
    for (std::int64_t i = 0; i < ints.count(); ++i) {
        const double v = ints.at(i);
        ASSERT_EQ(v, std::floor(v));
        ASSERT_GE(v, 0.0);
        ASSERT_LT(v, 4.0);
        ++seen[static_cast<int>(v)];
    }
    for (const int n : seen) EXPECT_GT(n, 2000);
}

TEST(Inputs, outputs_start_poisoned_and_timing_seed_differs_from_correctness_seeds) {
    auto spec = make_spec(10, {});
    const auto outputs = hipkb::make_outputs(spec, hipkb::size_set::test);
    ASSERT_EQ(outputs.size(), 1u);
    EXPECT_EQ(outputs[0].count(), 5);
    for (std::int64_t i = 0; i < outputs[0].count(); ++i) EXPECT_TRUE(std::isnan(outputs[0].at(i)));
    spec.seeds = {1000003, 1000004};
    const std::uint64_t seed = hipkb::timing_seed(spec);
    EXPECT_NE(seed, 1000003u);
    EXPECT_NE(seed, 1000004u);
}

}  // namespace

namespace {

TEST(Inputs, a_seed_draws_from_its_own_distribution) {
    auto spec = make_spec(10000, {hipkb::init_spec::kind::uniform, -1.0, 1.0});
    spec.inputs[0].also_init = {{hipkb::init_spec::kind::uniform, 100.0, 200.0}};
    const auto first = hipkb::generate_input(spec, 0, hipkb::size_set::benchmark, spec.seeds[0]);
    const auto second = hipkb::generate_input(spec, 0, hipkb::size_set::benchmark, spec.seeds[1]);
    for (std::int64_t i = 0; i < 10000; ++i) {
        ASSERT_LE(std::abs(first.at(i)), 1.0) << i;
        ASSERT_GE(second.at(i), 100.0) << i;
    }
}

}  // namespace
