#include <hipkb/generator/selection.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace {

using namespace hipkb::generator;
using hipkb::generator::testing::fixtures;
using hipkb::generator::testing::temp_dir;

std::vector<std::string> names(const std::vector<problem_entry>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.name);
    return out;
}

TEST(Selection, discovers_problems_sorted_with_their_levels) {
    const auto all = discover_problems(fixtures() / "reference");
    EXPECT_EQ(names(all), (std::vector<std::string>{"bias_relu", "vadd", "vscale"}));
    EXPECT_EQ(all[0].level, 2);
    EXPECT_EQ(all[1].level, 1);
    EXPECT_THROW((void)discover_problems(fixtures() / "missing"), selection_error);
}

TEST(Selection, names_globs_levels_and_files) {
    const auto all = discover_problems(fixtures() / "reference");
    EXPECT_EQ(names(select_problems(all, {})), names(all));
    EXPECT_EQ(names(select_problems(all, {"vadd"})), (std::vector<std::string>{"vadd"}));
    EXPECT_EQ(names(select_problems(all, {"v*"})), (std::vector<std::string>{"vadd", "vscale"}));
    EXPECT_EQ(names(select_problems(all, {"level2"})), (std::vector<std::string>{"bias_relu"}));
    EXPECT_EQ(names(select_problems(all, {"vscale", "level2", "vscale"})),
              (std::vector<std::string>{"bias_relu", "vscale"}));
    temp_dir dir;
    std::ofstream(dir.path() / "list.txt") << "# chosen problems\nvadd  # the first\n\nbias_*, vscale\n";
    EXPECT_EQ(names(select_problems(all, {"@" + (dir.path() / "list.txt").string()})),
              (std::vector<std::string>{"bias_relu", "vadd", "vscale"}));
}

TEST(Selection, a_selection_that_matches_nothing_is_an_error_naming_it) {
    const auto all = discover_problems(fixtures() / "reference");
    for (const std::string item : {"relux", "zz*", "level9", "@/nonexistent/list.txt"}) {
        try {
            (void)select_problems(all, {item});
            ADD_FAILURE() << item;
        } catch (const selection_error& error) {
            const std::string shown = item.front() == '@' ? item.substr(1) : item;
            EXPECT_NE(std::string(error.what()).find(shown), std::string::npos) << error.what();
        }
    }
}

TEST(Selection, shards_are_disjoint_cover_everything_and_are_deterministic) {
    std::vector<problem_entry> many;
    for (int i = 0; i < 10; ++i) many.push_back({"p" + std::to_string(i), 1, {}});
    std::vector<std::string> seen;
    for (std::size_t i = 1; i <= 3; ++i) {
        const auto shard = take_shard(many, parse_shard(std::to_string(i) + "/3"));
        EXPECT_EQ(names(shard), names(take_shard(many, parse_shard(std::to_string(i) + "/3"))));
        for (const auto& p : shard) seen.push_back(p.name);
    }
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen, names(take_shard(many, parse_shard(""))));
    // By name, not position: a problem added in front moves no other.
    std::vector<problem_entry> more = many;
    more.insert(more.begin(), {"a_new_problem", 1, {}});
    for (std::size_t i = 1; i <= 3; ++i) {
        const auto before = names(take_shard(many, parse_shard(std::to_string(i) + "/3")));
        auto after = names(take_shard(more, parse_shard(std::to_string(i) + "/3")));
        std::erase(after, "a_new_problem");
        EXPECT_EQ(before, after);
    }
    for (const char* bad : {"0/3", "4/3", "1/0", "a/b", "1", "1/3/4", "-1/3"}) {
        EXPECT_THROW((void)parse_shard(bad), selection_error) << bad;
    }
}

}  // namespace
