// `hipkb refine` on a build whose bench finds no GPU (exit 77): it must stop
// at once and say so, not ask the model for turns it cannot evaluate.
#include <hipkb/core/process.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace hipkb::generator::testing;
using json = nlohmann::json;

const fs::path source_dir = HIPKB_SOURCE_DIR;

TEST(Refine, a_bench_without_a_gpu_stops_refinement_and_says_so) {
    temp_dir dir;
    const fs::path build = dir.path() / "build";
    const fs::path generated = dir.path() / "generated";
    fs::create_directories(generated);
    const auto configured = run_command(
        {HIPKB_CMAKE, "-S", (fixtures() / "no_gpu_build").string(), "-B", build.string(), "-G", HIPKB_CMAKE_GENERATOR,
         "-DHIPKB_REFERENCE_DIR=" + (source_dir / "tests/fixtures/host/reference").string(),
         "-DHIPKB_GENERATED_DIR=" + generated.string()});
    ASSERT_EQ(configured.exit_code, 0) << configured.output;
    const auto refined =
        run_command({HIPKB_CLI, "refine", "--build-dir", build.string(), "--provider", "replay", "--replay-dir",
                     (fixtures() / "replay_host").string(), "--run", "nogpu", "--problems", "saxpy"});
    EXPECT_EQ(refined.exit_code, 77) << refined.output;
    EXPECT_NE(refined.output.find("no GPU"), std::string::npos) << refined.output;
    EXPECT_TRUE(fs::exists(generated / "nogpu/saxpy/s000.cpp"));
    EXPECT_FALSE(fs::exists(generated / "nogpu/saxpy/s000_t1.json"));  // nothing asked after the stop
    const json manifest = read_json(generated / "nogpu/refine.json");
    EXPECT_EQ(manifest["problems"][0]["outcome"]["stop_reason"], "no_gpu");
}

}  // namespace
