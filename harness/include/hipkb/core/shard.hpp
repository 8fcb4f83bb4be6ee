#pragma once
// Splitting a set of named items (benchmarks, problems, samples) over n
// machines: `--shard i/n` of `hipkb run`, `./build/bench` and `hipkb generate`.
//
// An item goes to the shard picked by a hash of its stable name, never by its
// position in a list: adding or removing an item moves no other item, so a
// shard that is re-run (a retried Slurm array task, a resumed Kubernetes
// index) does the same work as before, on any machine.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace hipkb {

struct shard_part {
    std::size_t index = 0;  // 0-based
    std::size_t count = 1;
};

class shard_error : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// Parses "i/n" (1-based i, 1 <= i <= n, as users and Slurm array ids count);
// empty text is the whole set (1/1). Throws shard_error naming the text and
// the expected form.
[[nodiscard]] shard_part parse_shard_part(std::string_view text);

// FNV-1a (64 bit) of the name: fixed by this definition, the same on every
// machine and compiler (std::hash is not).
[[nodiscard]] std::uint64_t stable_name_hash(std::string_view name);

// Whether the item of this stable name belongs to `part`.
[[nodiscard]] bool in_shard_part(std::string_view name, const shard_part& part);

}  // namespace hipkb
