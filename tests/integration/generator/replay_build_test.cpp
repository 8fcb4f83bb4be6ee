// The replay provider from `hipkb generate` to a built candidate: a recorded
// answer becomes generated/<run>/saxpy/s000.cpp, which compiles as a module
// against the harness header and computes the right thing.
#include <hipkb/entry.h>
#include <hipkb/core/process.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <vector>

#include <dlfcn.h>

namespace {

using namespace hipkb::generator::testing;
using json = nlohmann::json;

TEST(ReplayBuild, a_replayed_answer_becomes_a_candidate_that_builds_and_runs) {
    temp_dir dir;
    const fs::path out = dir.path() / "generated";
    const hipkb::process_result generated = hipkb::run_process(
        {HIPKB_CLI, "generate", "--provider", "replay", "--replay-dir", (fixtures() / "replay_host").string(),
         "--platform", "host", "--reference-dir", std::string(HIPKB_SOURCE_DIR) + "/tests/fixtures/host/reference",
         "--generated-dir", out.string(), "--run", "demo_replay", "--problems", "saxpy", "--progress", "off"});
    ASSERT_EQ(generated.exit_code, 0) << generated.output;
    const fs::path source = out / "demo_replay/saxpy/s000.cpp";
    ASSERT_TRUE(fs::exists(source));
    const json meta = json::parse(slurp(out / "demo_replay/saxpy/s000.json"));
    EXPECT_EQ(meta["provider"], "replay");
    EXPECT_EQ(meta["platform"], "host");
    EXPECT_EQ(meta["code_language"], "cpp");
    EXPECT_NE(meta["answer"].get<std::string>().find("vectorise"), std::string::npos);
    // The host prompt shows the golden, which is the host platform's reference.
    EXPECT_NE(meta["prompt"][1]["content"].get<std::string>().find("golden.cpp"), std::string::npos);

    const fs::path module = dir.path() / "candidate.so";
    const hipkb::process_result built = hipkb::run_process({HIPKB_HOST_CXX, "-std=c++17", "-O2", "-shared", "-fPIC",
                                                            "-I", std::string(HIPKB_SOURCE_DIR) + "/harness/include",
                                                            source.string(), "-o", module.string()});
    ASSERT_EQ(built.exit_code, 0) << built.output;

    void* handle = ::dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(handle, nullptr) << ::dlerror();
    using entry = int (*)(const hipkb_args*);
    const auto run = reinterpret_cast<entry>(::dlsym(handle, "hipkb_run"));
    ASSERT_NE(run, nullptr);
    const std::int64_t n = 1003;
    std::vector<float> x(n), w(n), y(n, std::nanf(""));
    for (std::int64_t i = 0; i < n; ++i) {
        x[static_cast<std::size_t>(i)] = static_cast<float>(i % 17) - 8.0f;
        w[static_cast<std::size_t>(i)] = 0.25f * static_cast<float>(i % 5);
    }
    const void* inputs[] = {x.data(), w.data()};
    void* outputs[] = {y.data()};
    const hipkb_args args{inputs, 2, outputs, 1, &n, 1, nullptr};
    EXPECT_EQ(run(&args), 0);
    for (std::size_t i = 0; i < y.size(); ++i) ASSERT_FLOAT_EQ(y[i], 2.0f * x[i] + w[i]) << i;
    ::dlclose(handle);
}

}  // namespace
