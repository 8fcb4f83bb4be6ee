#pragma once
// Which problems a run works on: discovery under the reference folder, the
// --problems selection and the --shard split.

#include <hipkb/core/shard.hpp>

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

// The split of `--shard i/n` (hipkb/core/shard.hpp): an item belongs to a
// shard by a hash of its stable name.
using shard_spec = hipkb::shard_part;

// Parses "i/n" with 1-based i (1 <= i <= n, as `hipkb run --shard` takes
// it); empty text is the whole set. Throws selection_error.
[[nodiscard]] shard_spec parse_shard(std::string_view text);

// The problems whose name hashes to this shard, in name order: a problem
// stays in its shard when others are added or removed. (`hipkb generate`
// splits finer, by problem and sample: generate_run.cpp.)
[[nodiscard]] std::vector<problem_entry> take_shard(const std::vector<problem_entry>& problems, shard_spec shard);

}  // namespace hipkb::generator
