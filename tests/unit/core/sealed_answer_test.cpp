#include <hipkb/core/sealed_answer.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <set>

namespace {

using hipkb::dtype;
using hipkb::host_tensor;
using hipkb::sealed_answer;

host_tensor ramp(std::int64_t count, dtype type = dtype::fp32) {
    auto t = hipkb::make_poisoned("y", type, {count});
    for (std::int64_t i = 0; i < count; ++i) t.set(i, 0.25 * static_cast<double>(i % 101) - 3.0);
    return t;
}

const hipkb::tolerance fp32{1e-4, 1e-4, {}};

// Whether `needle`'s first `bytes` bytes occur anywhere in `haystack`.
bool contains(const std::vector<std::byte>& haystack, const std::vector<std::byte>& needle, std::size_t bytes) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.begin() + static_cast<long>(bytes)) !=
           haystack.end();
}

TEST(SealedAnswer, the_truth_is_not_stored_in_plain_bytes) {
    const host_tensor truth = ramp(1000);
    const sealed_answer answer({truth});
    // A searching candidate looks for the first elements of the answer.
    EXPECT_FALSE(contains(answer.shape_of(0).bytes, truth.bytes, 64));
    EXPECT_EQ(answer.shape_of(0).name, "y");
    EXPECT_EQ(answer.shape_of(0).shape, truth.shape);
}

TEST(SealedAnswer, compares_against_the_unsealed_truth) {
    const host_tensor truth = ramp(1000);
    const sealed_answer answer({truth});
    EXPECT_TRUE(answer.compare(0, truth, fp32).passed());
    host_tensor wrong = truth;
    wrong.set(500, 99.0);
    const auto result = answer.compare(0, wrong, fp32);
    EXPECT_EQ(result.mismatches, 1);
    EXPECT_EQ(result.first_mismatch, 500);
}

TEST(SealedAnswer, an_honest_output_matches_no_decoy_mark) {
    const host_tensor truth = ramp(100003);
    const sealed_answer answer({truth});
    const auto match = answer.match_decoy(0, truth);
    EXPECT_EQ(match.marks, 8u);
    EXPECT_EQ(match.copied, 0u);
    EXPECT_FALSE(match.copied_all());
}

// The decoy is found the way a candidate would find it: by the answer's
// first elements, in plain memory that is not the truth.
TEST(SealedAnswer, a_copy_of_the_decoy_is_recognised_and_fails_the_comparison) {
    for (const dtype type : {dtype::fp32, dtype::fp16, dtype::bf16, dtype::int32, dtype::int64}) {
        const host_tensor truth = ramp(100003, type);
        const sealed_answer answer({truth});
        host_tensor copied = truth;
        // Rebuild the decoy from what sealed_answer promises: the truth with
        // its mark positions altered.
        const std::size_t size = hipkb::size_of(type);
        for (const auto position : sealed_answer::mark_positions(truth.count())) {
            copied.bytes[static_cast<std::size_t>(position) * size + size - 1] ^= std::byte{0x01};
        }
        const auto match = answer.match_decoy(0, copied);
        EXPECT_TRUE(match.copied_all()) << hipkb::to_string(type);
        EXPECT_FALSE(answer.compare(0, copied, hipkb::tolerance{1e-2, 1e-2, {}}).passed())
            << hipkb::to_string(type) << ": the decoy must also be wrong";
    }
}

TEST(SealedAnswer, marks_avoid_the_ends_and_fit_small_outputs) {
    for (const std::int64_t count : {1, 2, 7, 100, 257, 1000, 100003, 67108864}) {
        const auto positions = sealed_answer::mark_positions(count);
        EXPECT_FALSE(positions.empty());
        EXPECT_EQ(std::set<std::int64_t>(positions.begin(), positions.end()).size(), positions.size());
        for (const auto p : positions) {
            EXPECT_GE(p, 0);
            EXPECT_LT(p, count);
            if (count > 256) {
                EXPECT_GE(p, 64) << count;
                EXPECT_LT(p, count - 64) << count;
            }
        }
    }
}

}  // namespace
