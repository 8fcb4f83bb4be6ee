#include <hipkb/bench/workload.hpp>

#include <hipkb/core/inputs.hpp>

#include "temp_spec.hpp"

#include <gtest/gtest.h>
#include <hip/hip_runtime_api.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

using hipkb::device_inputs;
using hipkb::device_outputs;
using hipkb::size_set;

std::vector<std::byte> device_bytes(const void* pointer, std::size_t bytes) {
    std::vector<std::byte> out(bytes);
    EXPECT_EQ(hipMemcpy(out.data(), pointer, bytes, hipMemcpyDeviceToHost), hipSuccess);
    return out;
}

class Workload : public ::testing::Test {
protected:
    hipkb::testing::temp_spec m_file{hipkb::testing::two_by_two_spec()};
    hipkb::problem_spec m_spec = m_file.load();
    hipkb::stream m_stream;
};

TEST_F(Workload, inputs_are_the_seeds_data_uploaded_at_the_chosen_sizes) {
    const device_inputs inputs(m_spec, size_set::test, 2);
    const std::vector<hipkb::host_tensor> expected = hipkb::generate_inputs(m_spec, size_set::test, 2);
    ASSERT_EQ(inputs.host().size(), 2u);
    ASSERT_EQ(inputs.pointers().size(), 2u);
    EXPECT_EQ(inputs.dims(), (std::vector<std::int64_t>{3, 5}));
    EXPECT_EQ(inputs.seed(), 2u);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(inputs.host()[i].name, expected[i].name);
        EXPECT_EQ(inputs.host()[i].shape, expected[i].shape);
        EXPECT_EQ(inputs.host()[i].bytes, expected[i].bytes) << expected[i].name;
        EXPECT_EQ(device_bytes(inputs.pointers()[i], expected[i].bytes.size()), expected[i].bytes) << expected[i].name;
    }
    EXPECT_EQ(inputs.host()[0].count(), 15);
    EXPECT_EQ(inputs.host()[1].count(), 3);
    EXPECT_EQ(inputs.find_changes(), "");
}

TEST_F(Workload, another_seed_draws_other_inputs) {
    const device_inputs one(m_spec, size_set::test, 1);
    const device_inputs again(m_spec, size_set::test, 1);
    const device_inputs other(m_spec, size_set::test, 3);
    EXPECT_EQ(one.host()[0].bytes, again.host()[0].bytes);
    EXPECT_NE(one.host()[0].bytes, other.host()[0].bytes);
}

TEST_F(Workload, benchmark_sizes_come_from_the_dims_values) {
    const device_inputs inputs(m_spec, size_set::benchmark, 1);
    EXPECT_EQ(inputs.dims(), (std::vector<std::int64_t>{64, 128}));
    EXPECT_EQ(inputs.host()[0].count(), 64 * 128);
}

// Each timed launch sees other input bytes; the host copy follows, so the
// after-timing input check stays quiet for the harness's own changes.
TEST_F(Workload, perturb_changes_one_element_per_input_on_device_and_host_alike) {
    device_inputs inputs(m_spec, size_set::test, 1);
    const std::vector<hipkb::host_tensor> before = inputs.host();
    inputs.perturb(1, m_stream);
    m_stream.synchronize();
    EXPECT_EQ(inputs.find_changes(), "");
    // x (15 elements): (1 * 7919 + 0) % 15 = 14; offsets (3): (7919 + 13) % 3 = 0.
    const std::vector<std::int64_t> changed_at = {14, 0};
    for (std::size_t i = 0; i < before.size(); ++i) {
        const hipkb::host_tensor& now = inputs.host()[i];
        std::int64_t differing = 0;
        for (std::int64_t e = 0; e < now.count(); ++e) differing += now.at(e) != before[i].at(e) ? 1 : 0;
        EXPECT_LE(differing, 1) << now.name;
        EXPECT_EQ(device_bytes(inputs.pointers()[i], now.bytes.size()), now.bytes) << now.name;
    }
    EXPECT_FLOAT_EQ(static_cast<float>(inputs.host()[0].at(changed_at[0])), 0.7470588f);  // 0x3F3F3F3F
    EXPECT_EQ(inputs.host()[1].at(changed_at[1]), 0.0);                                   // integers get 0
    EXPECT_NE(before[1].at(changed_at[1]), 0.0);                                          // drawn from [1, 100)
}

TEST_F(Workload, a_write_into_an_input_is_found_with_its_first_element) {
    device_inputs inputs(m_spec, size_set::test, 1);
    // Elements 5 and 6 of x, every byte flipped.
    std::vector<std::byte> flipped(8);
    std::memcpy(flipped.data(), inputs.host()[0].bytes.data() + 5 * sizeof(float), flipped.size());
    for (std::byte& b : flipped) b = ~b;
    auto* x = static_cast<char*>(const_cast<void*>(inputs.pointers()[0]));
    ASSERT_EQ(hipMemcpy(x + 5 * sizeof(float), flipped.data(), flipped.size(), hipMemcpyHostToDevice), hipSuccess);
    EXPECT_EQ(inputs.find_changes(), "input x: 8 bytes changed, the first at element 5");
}

TEST_F(Workload, poisoned_outputs_read_back_as_nan_and_minus_one_with_intact_guards) {
    device_outputs outputs(m_spec, size_set::test);
    outputs.poison(m_stream);
    m_stream.synchronize();
    ASSERT_EQ(outputs.pointers().size(), 2u);
    for (void* pointer : outputs.pointers()) {
        EXPECT_EQ(reinterpret_cast<std::uintptr_t>(pointer) % 256, 0u) << "outputs keep GPU allocation alignment";
    }
    const std::vector<hipkb::host_tensor> got = outputs.download();
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].name, "y");
    EXPECT_EQ(got[0].shape, (std::vector<std::int64_t>{3, 5}));
    for (std::int64_t e = 0; e < got[0].count(); ++e) EXPECT_TRUE(std::isnan(got[0].at(e))) << e;
    EXPECT_EQ(got[1].name, "count");
    EXPECT_EQ(got[1].type, hipkb::dtype::int64);
    for (std::int64_t e = 0; e < got[1].count(); ++e) EXPECT_EQ(got[1].at(e), -1.0) << e;
    EXPECT_EQ(outputs.check_guards(), "");
}

TEST_F(Workload, a_write_past_the_end_of_an_output_is_named) {
    device_outputs outputs(m_spec, size_set::test);
    outputs.poison(m_stream);
    // count holds 3 int64: one more element is written right after it.
    auto* count = static_cast<char*>(outputs.pointers()[1]);
    ASSERT_EQ(hipMemset(count + 3 * sizeof(std::int64_t), 0, sizeof(std::int64_t)), hipSuccess);
    EXPECT_EQ(outputs.check_guards(), "output count: 8 guard bytes changed past the end, the first 0 bytes after it");
    outputs.poison(m_stream);
    m_stream.synchronize();
    EXPECT_EQ(outputs.check_guards(), "") << "poison re-arms the guards";
}

TEST_F(Workload, a_write_before_the_start_of_an_output_is_named) {
    device_outputs outputs(m_spec, size_set::test);
    outputs.poison(m_stream);
    auto* y = static_cast<char*>(outputs.pointers()[0]);
    ASSERT_EQ(hipMemset(y - 4, 0, 1), hipSuccess);
    EXPECT_EQ(outputs.check_guards(), "output y: guard bytes changed before the start, the nearest 4 bytes before it");
}

TEST_F(Workload, entry_arguments_point_at_the_buffers_and_the_stream) {
    const device_inputs inputs(m_spec, size_set::test, 1);
    const device_outputs outputs(m_spec, size_set::test);
    const hipkb_args args = hipkb::make_args(inputs, outputs, m_stream);
    ASSERT_EQ(args.num_inputs, 2);
    ASSERT_EQ(args.num_outputs, 2);
    ASSERT_EQ(args.num_dims, 2);
    EXPECT_EQ(args.inputs[1], inputs.pointers()[1]);
    EXPECT_EQ(args.outputs[0], outputs.pointers()[0]);
    EXPECT_EQ(args.dims[0], 3);
    EXPECT_EQ(args.dims[1], 5);
    EXPECT_EQ(args.stream, m_stream.handle());
    EXPECT_NE(args.stream, nullptr) << "the harness never hands over the default stream";
}

TEST_F(Workload, host_arguments_point_at_host_tensors_with_no_stream) {
    const std::vector<hipkb::host_tensor> inputs = hipkb::generate_inputs(m_spec, size_set::test, 1);
    std::vector<hipkb::host_tensor> outputs = hipkb::make_outputs(m_spec, size_set::test);
    const std::vector<std::int64_t> dims = m_spec.dim_vector(size_set::test);
    std::vector<const void*> input_pointers;
    std::vector<void*> output_pointers;
    const hipkb_args args = hipkb::make_host_args(inputs, outputs, dims, input_pointers, output_pointers);
    ASSERT_EQ(args.num_inputs, 2);
    ASSERT_EQ(args.num_outputs, 2);
    EXPECT_EQ(args.inputs[0], inputs[0].bytes.data());
    EXPECT_EQ(args.outputs[1], outputs[1].bytes.data());
    EXPECT_EQ(args.dims, dims.data());
    EXPECT_EQ(args.stream, nullptr);
}

}  // namespace
