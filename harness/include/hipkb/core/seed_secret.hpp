#pragma once
// A per-run secret mixed into every seed a bench uses. The spec's seeds and
// the timing seed are public, so without it a candidate could carry the
// answers for the known inputs at the known sizes (docs/trust.md,
// "Predictable inputs: secret seeds").

#include <hipkb/core/spec.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace hipkb {

// The secret that reproduces the public seeds: every effective seed is the
// public seed itself.
inline constexpr std::uint64_t public_seeds_secret = 0;

// The seed a bench uses for `public_seed` in a run with `secret`: the public
// seed itself for secret 0, else a splitmix64 mix of both. For one secret,
// different public seeds give different effective seeds (every step is a
// bijection of 64-bit words), so the timing seed stays apart from the
// correctness seeds.
[[nodiscard]] std::uint64_t effective_seed(std::uint64_t secret, std::uint64_t public_seed);

// The whole of `text` as a secret: decimal or 0x-prefixed hexadecimal, at
// most 64 bits; nullopt for anything else (a sign, spaces, a suffix).
[[nodiscard]] std::optional<std::uint64_t> parse_seed_secret(std::string_view text);

// A fresh secret from the OS random source, never 0 (which would mean the
// public seeds).
[[nodiscard]] std::uint64_t draw_seed_secret();

// Every seed one bench uses in a run.
struct run_seeds {
    std::uint64_t secret = public_seeds_secret;
    std::vector<std::uint64_t> correctness;  // in the order of the spec's seeds
    std::uint64_t timing = 0;                // the timing inputs and the recheck after timing
};

[[nodiscard]] run_seeds seeds_for_run(const problem_spec& spec, std::uint64_t secret);

}  // namespace hipkb
