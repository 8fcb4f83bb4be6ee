#include <hipkb/core/seed_secret.hpp>

#include <hipkb/core/inputs.hpp>

#include <cctype>
#include <charconv>
#include <random>

namespace hipkb {

namespace {

// splitmix64 (Steele, Lea, Flood 2014): a golden-ratio step, then its
// finaliser. Each step is invertible, so the whole is a bijection.
std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

}  // namespace

std::uint64_t effective_seed(std::uint64_t secret, std::uint64_t public_seed) {
    if (secret == public_seeds_secret) return public_seed;
    return splitmix64(public_seed ^ splitmix64(secret));
}

std::optional<std::uint64_t> parse_seed_secret(std::string_view text) {
    int base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        text.remove_prefix(2);
        base = 16;
    }
    // from_chars would take a leading '-' for signed types only, but check
    // the first character anyway: "+1" and " 1" are not numbers here.
    if (text.empty() || !std::isxdigit(static_cast<unsigned char>(text.front()))) return std::nullopt;
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::uint64_t draw_seed_secret() {
    std::random_device source;  // getrandom(2) on Linux with libstdc++ and libc++
    for (;;) {
        const std::uint64_t secret = (static_cast<std::uint64_t>(source()) << 32) ^ source();
        if (secret != public_seeds_secret) return secret;
    }
}

run_seeds seeds_for_run(const problem_spec& spec, std::uint64_t secret) {
    run_seeds seeds;
    seeds.secret = secret;
    for (const std::uint64_t seed : spec.seeds) seeds.correctness.push_back(effective_seed(secret, seed));
    seeds.timing = effective_seed(secret, timing_seed(spec));
    return seeds;
}

}  // namespace hipkb
