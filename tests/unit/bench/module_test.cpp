#include <hipkb/bench/module.hpp>

#include <hipkb/bench/workload.hpp>
#include <hipkb/device/device.hpp>

#include "temp_spec.hpp"

#include <gtest/gtest.h>
#include <hip/hip_runtime_api.h>

#include <cmath>
#include <string>

namespace {

using hipkb::implementation_module;
using hipkb::size_set;

class Module : public ::testing::Test {
protected:
    void SetUp() override { (void)hipkb::take_pending_error(); }

    // Runs `module` on seed 1's inputs; `outputs` receives what it wrote.
    int run(const implementation_module& module, std::vector<hipkb::host_tensor>& outputs) {
        const hipkb::device_inputs inputs(m_spec, size_set::test, 1);
        hipkb::device_outputs device(m_spec, size_set::test);
        device.poison(m_stream);
        const int status = module.run(hipkb::make_args(inputs, device, m_stream));
        m_stream.synchronize();
        outputs = device.download();
        m_inputs = inputs.host();
        return status;
    }

    // The fake modules copy dims[0] (= ROWS = 3) floats of x into y.
    void expect_first_three_copied(const std::vector<hipkb::host_tensor>& outputs) {
        for (std::int64_t e = 0; e < 3; ++e) EXPECT_EQ(outputs[0].at(e), m_inputs[0].at(e)) << e;
        for (std::int64_t e = 3; e < outputs[0].count(); ++e) EXPECT_TRUE(std::isnan(outputs[0].at(e))) << e;
    }

    hipkb::testing::temp_spec m_file{hipkb::testing::two_by_two_spec()};
    hipkb::problem_spec m_spec = m_file.load();
    hipkb::stream m_stream;
    std::vector<hipkb::host_tensor> m_inputs;
};

TEST_F(Module, runs_the_modules_hipkb_run_on_the_harness_buffers) {
    const implementation_module module(HIPKB_TEST_MODULE_COPIES_INPUT);
    EXPECT_EQ(module.file(), HIPKB_TEST_MODULE_COPIES_INPUT);
    EXPECT_FALSE(module.compile_failed());
    std::vector<hipkb::host_tensor> outputs;
    EXPECT_EQ(run(module, outputs), 0);
    expect_first_three_copied(outputs);
}

// The runtime's error state is shared by every module in the process: an
// error left over from earlier work is not the next module's fault.
TEST_F(Module, an_error_pending_before_the_call_is_not_blamed_on_the_module) {
    ASSERT_EQ(hipSetDevice(5), hipErrorInvalidDevice);
    const implementation_module module(HIPKB_TEST_MODULE_COPIES_INPUT);
    std::vector<hipkb::host_tensor> outputs;
    EXPECT_EQ(run(module, outputs), 0);
    EXPECT_EQ(hipkb::take_pending_error(), 0);
}

TEST_F(Module, an_error_the_module_left_pending_is_its_status) {
    const implementation_module module(HIPKB_TEST_MODULE_LEAVES_ERROR);
    std::vector<hipkb::host_tensor> outputs;
    EXPECT_EQ(run(module, outputs), static_cast<int>(hipErrorInvalidDevice));
    expect_first_three_copied(outputs);
    EXPECT_EQ(hipkb::take_pending_error(), 0) << "run() took the error: nothing is left for the next module";
}

TEST_F(Module, a_module_without_hipkb_run_is_rejected_naming_the_file) {
    try {
        const implementation_module module(HIPKB_TEST_MODULE_NO_ENTRY);
        FAIL() << "loaded a module without hipkb_run";
    } catch (const hipkb::module_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(HIPKB_TEST_MODULE_NO_ENTRY), std::string::npos) << message;
        EXPECT_NE(message.find("does not export hipkb_run"), std::string::npos) << message;
    }
}

TEST_F(Module, a_missing_module_is_a_load_error_naming_the_file) {
    const std::string missing = m_file.folder().string() + "/absent.so";
    try {
        const implementation_module module(missing);
        FAIL() << "loaded " << missing;
    } catch (const hipkb::module_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("cannot load " + missing), std::string::npos) << message;
    }
}

}  // namespace
