#pragma once
// Which problems a run works on: discovery under the reference folder, the
// --problems selection and the --shard split.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb::generator {

struct problem_entry {
    std::string name;  // the folder name, which is the spec's name
    int level = 0;     // from the level<N> folder
    std::filesystem::path directory;
};

class selection_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Every <reference_dir>/level<N>/<name>/ holding a spec.json, sorted by name.
// Throws selection_error when the folder is missing or a name repeats.
[[nodiscard]] std::vector<problem_entry> discover_problems(const std::filesystem::path& reference_dir);

// The problems named by `items` (all when empty), in discovery order, each
// once. An item is "all", a level ("level1"), a glob ("*norm*"), "@file"
// (one item per line; '#' starts a comment), or a name. A name or glob that
// matches nothing is an error naming it.
[[nodiscard]] std::vector<problem_entry> select_problems(const std::vector<problem_entry>& all,
                                                         const std::vector<std::string>& items);

struct shard_spec {
    std::size_t index = 0;  // 0-based
    std::size_t count = 1;
};

// Parses "i/n" with 1-based i (1 <= i <= n, as `hipkb run --shard` takes
// it); empty text is the whole set.
[[nodiscard]] shard_spec parse_shard(std::string_view text);

// Problem k (0-based, in name order) belongs to shard index k mod n: every
// shard gets an even share, and the split depends only on the selected names.
[[nodiscard]] std::vector<problem_entry> take_shard(const std::vector<problem_entry>& problems, shard_spec shard);

}  // namespace hipkb::generator
