// The device input generator (harness/src/bench/input_generator.hip, here
// compiled for the CPU execution layer: real kernel launches over blocks
// and threads) against the host generator, and the bench's check that
// catches a device whose draws differ.
#include <hipkb/bench/device_input_generator.hpp>
#include <hipkb/bench/workload.hpp>
#include <hipkb/core/inputs.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using hipkb::size_set;

// One input per (type, distribution) pair the specs use, over one dim whose
// benchmark size needs more than the generator's 16384 blocks of 256
// threads, so the grid-stride loop runs, and is not a multiple of 256.
hipkb::problem_spec every_kind_of_input(std::int64_t benchmark, std::int64_t test) {
    hipkb::problem_spec spec;
    spec.name = "generator_test";
    spec.dims = {{"N", benchmark, test}};
    using kind = hipkb::init_spec::kind;
    const auto input = [](std::string name, hipkb::dtype type, hipkb::init_spec init) {
        return hipkb::tensor_spec{std::move(name), type, {"N"}, init, {}};
    };
    spec.inputs = {input("normal32", hipkb::dtype::fp32, {kind::normal, 0.5, 2.0}),
                   input("uniform32", hipkb::dtype::fp32, {kind::uniform, -1.0, 1.0}),
                   input("normal16", hipkb::dtype::fp16, {kind::normal, 0.0, 1.0}),
                   input("uniformbf16", hipkb::dtype::bf16, {kind::uniform, 0.0, 1.0}),
                   input("classes32", hipkb::dtype::int32, {kind::randint, 0.0, 1000.0}),
                   input("classes64", hipkb::dtype::int64, {kind::randint, -5.0, 5.0})};
    spec.outputs = {{"y", hipkb::dtype::fp32, {"N"}, {}, {}}};
    return spec;
}

TEST(DeviceInputGenerator, draws_the_host_generators_bits_for_every_type_and_distribution) {
    const hipkb::device_input_generator generator(HIPKB_TEST_CPU_INPUT_GENERATOR);
    const hipkb::problem_spec spec = every_kind_of_input(16384 * 256 + 1001, 301);
    for (const std::uint64_t seed : {0x9E3779B97F4A7C15ull}) {
        const hipkb::device_inputs drawn(spec, size_set::benchmark, seed, &generator);
        const std::vector<hipkb::host_tensor> host = hipkb::generate_inputs(spec, size_set::benchmark, seed);
        ASSERT_EQ(drawn.host().size(), host.size());
        for (std::size_t i = 0; i < host.size(); ++i) {
            EXPECT_EQ(drawn.host()[i].bytes, host[i].bytes) << host[i].name << ", seed " << seed;
        }
        // The host copy is what the device holds.
        EXPECT_EQ(drawn.find_changes(), "");
    }
}

TEST(DeviceInputGenerator, at_test_sizes_checks_the_device_against_the_host_itself) {
    const hipkb::device_input_generator generator(HIPKB_TEST_CPU_INPUT_GENERATOR);
    const hipkb::problem_spec spec = every_kind_of_input(1000, 301);
    const hipkb::device_inputs drawn(spec, size_set::test, 7, &generator);
    EXPECT_EQ(drawn.host()[0].bytes, hipkb::generate_input(spec, 0, size_set::test, 7).bytes);
}

TEST(DeviceInputGenerator, a_device_that_draws_other_bits_is_an_error_naming_the_input_and_element) {
    const hipkb::device_input_generator zeros(HIPKB_TEST_MODULE_ZERO_GENERATOR);
    const hipkb::problem_spec spec = every_kind_of_input(1000, 301);
    try {
        const hipkb::device_inputs drawn(spec, size_set::test, 7, &zeros);
        FAIL() << "a generator writing zeros was accepted";
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("device_input_mismatch: input normal32 of generator_test (seed 7, test sizes)"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("element 0 is 0 on the device"), std::string::npos) << message;
    }
}

}  // namespace
