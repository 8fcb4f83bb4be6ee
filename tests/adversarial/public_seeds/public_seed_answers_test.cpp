// The answer-table candidate (answer_table_writer.cpp) through the real
// bench on the cpu execution layer: it carries 051_argmax_dim's answers for the
// public seeds, so with the public seeds (--hipkb_seed=0) it is judged
// correct, and with a secret mixed into the seeds it is a mismatch.
//
// The first case proves the exploit works, so the others prove the secret
// is what stops it.
#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/process.hpp>
#include <hipkb/core/seed_secret.hpp>
#include <hipkb/core/spec.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <stdlib.h>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// The spec file's correctness seeds.
const std::vector<std::uint64_t> public_seeds = hipkb::load_spec(HIPKB_ARGMAX_SPEC).seeds;

class PublicSeedAnswers : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "hipkb_public_seed_answers_XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }

    // Runs the bench (with `--hipkb_seed=<seed_flag>` unless empty) and
    // returns its verdict.
    json run_bench(const std::optional<std::string>& seed_flag) {
        const fs::path verdict = m_dir / ("verdict" + std::to_string(m_runs++) + ".json");
        std::vector<std::string> argv = {HIPKB_PUBLIC_SEED_BENCH, "--hipkb_verdict_out=" + verdict.string()};
        if (seed_flag) argv.push_back("--hipkb_seed=" + *seed_flag);
        hipkb::process_options options;
        options.timeout = std::chrono::seconds(120);
        const hipkb::process_result result = hipkb::run_process(argv, options);
        EXPECT_EQ(result.how, hipkb::process_result::end::exited) << result.output;
        EXPECT_EQ(result.exit_code, 0) << result.output;
        m_output = result.output;
        if (!fs::exists(verdict)) {
            ADD_FAILURE() << "no verdict written: " << result.output;
            return json::object();
        }
        return json::parse(hipkb::read_file(verdict));
    }

    fs::path m_dir;
    int m_runs = 0;
    std::string m_output;
};

std::vector<std::uint64_t> correctness_seeds(const json& verdict) {
    return verdict.at("effective_seeds").at("correctness").get<std::vector<std::uint64_t>>();
}

TEST_F(PublicSeedAnswers, with_the_public_seeds_the_stored_answers_pass_every_check) {
    const json verdict = run_bench("0");
    EXPECT_EQ(verdict["kind"], "candidate");
    EXPECT_EQ(verdict["execution"], "cpu");
    EXPECT_EQ(verdict["seed_secret"], 0);
    EXPECT_EQ(correctness_seeds(verdict), public_seeds);
    EXPECT_EQ(verdict["correct"], true) << verdict.dump(2);
    EXPECT_TRUE(verdict["failure"].is_null()) << verdict.dump(2);
}

TEST_F(PublicSeedAnswers, with_a_drawn_secret_the_stored_answers_are_a_mismatch) {
    const json verdict = run_bench(std::nullopt);
    ASSERT_TRUE(verdict["seed_secret"].is_number_unsigned()) << verdict.dump(2);
    const auto secret = verdict["seed_secret"].get<std::uint64_t>();
    EXPECT_NE(secret, hipkb::public_seeds_secret);
    const std::vector<std::uint64_t> seeds = correctness_seeds(verdict);
    ASSERT_EQ(seeds.size(), public_seeds.size());
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        EXPECT_EQ(seeds[i], hipkb::effective_seed(secret, public_seeds[i]));
        EXPECT_EQ(std::count(public_seeds.begin(), public_seeds.end(), seeds[i]), 0) << seeds[i];
    }
    EXPECT_EQ(verdict["correct"], false) << verdict.dump(2);
    ASSERT_TRUE(verdict["failure"].is_object()) << verdict.dump(2);
    EXPECT_EQ(verdict["failure"]["kind"], "mismatch") << verdict.dump(2);
    // The failure names the effective seed, and the output says how to get
    // the same inputs again.
    EXPECT_EQ(verdict["failure"]["seed"], seeds.front()) << verdict.dump(2);
    const std::string message = verdict["failure"]["message"].get<std::string>();
    EXPECT_NE(message.find("seed " + std::to_string(seeds.front())), std::string::npos) << message;
    EXPECT_NE(m_output.find("--hipkb_seed=" + std::to_string(secret)), std::string::npos) << m_output;
}

TEST_F(PublicSeedAnswers, a_given_secret_reproduces_the_same_inputs_and_failure) {
    const json first = run_bench("0x5eedf00d");
    const json second = run_bench("1592651789");  // the same secret in decimal
    EXPECT_EQ(first["seed_secret"], 0x5eedf00dU);
    EXPECT_EQ(first["effective_seeds"], second["effective_seeds"]);
    EXPECT_EQ(first["failure"], second["failure"]);
    EXPECT_EQ(first["failure"]["kind"], "mismatch") << first.dump(2);
}

}  // namespace
