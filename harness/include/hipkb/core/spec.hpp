#pragma once
// A problem's spec.json, parsed and validated.

#include <hipkb/core/counter_draw.hpp>
#include <hipkb/core/dtype.hpp>
#include <hipkb/core/expression.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipkb {

struct dim_spec {
    std::string name;
    std::int64_t value = 0;  // benchmark size
    std::int64_t test = 0;   // small size for the CPU golden check
    // KernelBench's value for this dim, so that a scaled-down benchmark size
    // is recorded as data; nullopt when the dim has no KernelBench
    // counterpart (`"kernelbench": null`) or the problem has none.
    std::optional<std::int64_t> kernelbench{};
};

struct init_spec {
    // The same enumeration the draws use, so a spec's init is a draw's
    // parameters without translation.
    using kind = draws::distribution;
    kind distribution = kind::normal;
    double a = 0.0;  // mean or low
    double b = 1.0;  // stddev or high
};

struct tensor_spec {
    std::string name;
    dtype type = dtype::fp32;
    std::vector<std::string> shape;  // each entry an expression over the dims
    init_spec init;                  // inputs only
    // Further distributions for the correctness seeds (inputs only): seed
    // number i of the spec's list (0-based) draws from
    // [init, also_init...][i mod (1 + also_init.size())], so a candidate
    // that only holds for the main distribution (an assumed value range, a
    // shortcut for small magnitudes) fails on another. Timing uses `init`.
    std::vector<init_spec> also_init;

    // The distribution of this input for correctness seed `seed` of `seeds`
    // (any other seed, such as the timing seed, gets `init`).
    [[nodiscard]] const init_spec& init_for(std::uint64_t seed, const std::vector<std::uint64_t>& seeds) const;
};

struct tolerance {
    double atol = 1e-4;
    double rtol = 1e-4;
    std::string reason;  // empty for the per-dtype default
};

// Where a problem made by `hipkb import` came from and what the importer
// guessed: such a problem has no golden, and its reference is the truth.
struct import_origin {
    std::string from;                // the dataset entry it was made from
    std::string status;              // "needs_review" until a person has checked it
    std::vector<std::string> notes;  // each guess the importer made
};

// Which set of dim values to use.
enum class size_set { benchmark, test };

struct problem_spec {
    std::filesystem::path directory;
    std::string name;
    int level = 1;
    std::string title;
    // KernelBench's name for the same operator ("21_Sigmoid"); empty when the
    // problem has no KernelBench counterpart.
    std::string kernelbench;
    std::vector<std::string> tags;
    std::vector<dim_spec> dims;
    // Why the benchmark sizes are not KernelBench's (a dim's value differs
    // from its kernelbench value, or a dim has none); empty when they are.
    std::string size_reason;
    std::vector<tensor_spec> inputs;
    std::vector<tensor_spec> outputs;
    std::optional<tolerance> tolerance_override;
    std::string flops;  // expression; empty when not given
    std::string bytes;  // expression; empty when not given
    std::vector<std::uint64_t> seeds{1, 2, 3};
    std::optional<import_origin> imported;  // set for problems made by `hipkb import`

    // True when a KernelBench problem runs at KernelBench's size: every dim
    // with a kernelbench value has it as its benchmark value (a dim
    // KernelBench does not have cannot differ from it).
    [[nodiscard]] bool at_kernelbench_sizes() const;
    [[nodiscard]] dim_values dim_map(size_set sizes) const;
    [[nodiscard]] std::vector<std::int64_t> dim_vector(size_set sizes) const;
    [[nodiscard]] std::vector<std::int64_t> shape_of(const tensor_spec& tensor, size_set sizes) const;
    [[nodiscard]] std::int64_t element_count(const tensor_spec& tensor, size_set sizes) const;
    [[nodiscard]] double flop_count(size_set sizes) const;  // 0 when not given
    [[nodiscard]] double byte_count(size_set sizes) const;  // 0 when not given
    // The tolerance for an output: the override, else the dtype default.
    [[nodiscard]] tolerance tolerance_for(const tensor_spec& output) const;
};

// The KernelBench default for a dtype: 1e-4 for fp32, 1e-2 for fp16/bf16,
// exact for integers.
[[nodiscard]] tolerance default_tolerance(dtype type);

// Reads and validates `<directory>/spec.json`. Throws spec_error naming the
// file, the field and what was expected.
[[nodiscard]] problem_spec load_spec(const std::filesystem::path& spec_file);

class spec_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace hipkb
