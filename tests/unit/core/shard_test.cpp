// --shard i/n: every item in exactly one shard, chosen by its name alone.
#include <hipkb/core/shard.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using hipkb::in_shard_part;
using hipkb::parse_shard_part;
using hipkb::shard_error;

std::vector<std::string> bench_names(int count, const std::string& prefix = "hipkb.gpu.problem") {
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) names.push_back(prefix + std::to_string(i) + ".examples.sample");
    return names;
}

// The shard (0-based) each name is in, checking it is in exactly one.
std::vector<std::size_t> owners(const std::vector<std::string>& names, std::size_t count) {
    std::vector<std::size_t> out;
    for (const std::string& name : names) {
        int hits = 0;
        std::size_t owner = 0;
        for (std::size_t i = 1; i <= count; ++i) {
            if (in_shard_part(name, parse_shard_part(std::to_string(i) + "/" + std::to_string(count)))) {
                ++hits;
                owner = i - 1;
            }
        }
        EXPECT_EQ(hits, 1) << name << " in " << hits << " of " << count << " shards";
        out.push_back(owner);
    }
    return out;
}

TEST(Shard, every_item_is_in_exactly_one_shard_for_one_to_seven_shards) {
    const std::vector<std::string> names = bench_names(200);
    for (std::size_t count = 1; count <= 7; ++count) {
        const std::vector<std::size_t> owner = owners(names, count);
        // With 200 names no shard is left empty (a hash that ignored the
        // name would put everything into one).
        std::vector<int> sizes(count, 0);
        for (const std::size_t o : owner) ++sizes[o];
        for (std::size_t i = 0; i < count; ++i) EXPECT_GT(sizes[i], 0) << "shard " << i + 1 << "/" << count;
    }
}

TEST(Shard, an_item_keeps_its_shard_when_items_are_added_or_removed) {
    const std::vector<std::string> before = bench_names(50);
    std::vector<std::string> after = bench_names(30, "hipkb.gpu.newproblem");
    after.insert(after.end(), before.begin() + 10, before.end());  // ten removed, thirty added in front
    const std::vector<std::size_t> old_owner = owners(before, 4);
    const std::vector<std::size_t> new_owner = owners(after, 4);
    for (std::size_t i = 10; i < before.size(); ++i) EXPECT_EQ(old_owner[i], new_owner[30 + i - 10]) << before[i];
}

TEST(Shard, the_split_is_fixed_by_the_name_hash_definition) {
    // FNV-1a 64 of "a" is a published constant: another machine or compiler
    // must agree, or shards run on different machines would overlap.
    EXPECT_EQ(hipkb::stable_name_hash("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(hipkb::stable_name_hash(""), 14695981039346656037ULL);
}

TEST(Shard, parses_one_based_index_and_count) {
    const auto part = parse_shard_part("2/4");
    EXPECT_EQ(part.index, 1U);
    EXPECT_EQ(part.count, 4U);
    EXPECT_EQ(parse_shard_part("").count, 1U);
    EXPECT_EQ(parse_shard_part(" 3/3 ").index, 2U);
}

TEST(Shard, rejects_bad_values_naming_the_text_and_the_expected_form) {
    for (const std::string bad : {"0/3", "4/3", "a/b", "1/0", "1", "1/3/4", "-1/3", "/3", "2/"}) {
        try {
            (void)parse_shard_part(bad);
            ADD_FAILURE() << bad << " was accepted";
        } catch (const shard_error& error) {
            const std::string message = error.what();
            EXPECT_NE(message.find("'" + bad + "'"), std::string::npos) << message;
            EXPECT_TRUE(message.find("i/n") != std::string::npos || message.find("between 1 and") != std::string::npos)
                << message;
        }
    }
}

}  // namespace
