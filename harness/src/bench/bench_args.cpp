#include "bench_args.hpp"

#include <hipkb/core/seed_secret.hpp>

#include <fmt/core.h>

#include <charconv>
#include <stdexcept>
#include <string_view>

namespace hipkb::detail {

namespace {

// Seconds as Google Benchmark writes them: "0.5" or, as newer versions
// also accept, "0.5s". Anything else is refused rather than half-read.
double seconds_flag(const std::string& arg, const std::string& prefix) {
    std::string_view text = std::string_view(arg).substr(prefix.size());
    if (!text.empty() && text.back() == 'x') {
        throw std::invalid_argument(fmt::format(
            "{}: an iteration count is not accepted: hipkb calibrates the launches itself; give seconds", arg));
    }
    if (!text.empty() && text.back() == 's') text.remove_suffix(1);
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty() || !(value > 0)) {
        throw std::invalid_argument(fmt::format("{}: expected a positive number of seconds", arg));
    }
    return value;
}

std::uint64_t seed_flag(const std::string& arg, const std::string& prefix) {
    const std::optional<std::uint64_t> secret = parse_seed_secret(std::string_view(arg).substr(prefix.size()));
    if (!secret) {
        throw std::invalid_argument(fmt::format(
            "{}: expected the run's seed secret, an unsigned 64-bit integer in decimal or 0x hexadecimal (0 "
            "reproduces the public seeds)",
            arg));
    }
    return *secret;
}

}  // namespace

parsed_args parse_args(int argc, char** argv) {
    parsed_args parsed;
    parsed.benchmark_args.emplace_back(argv[0]);
    bool has_repetitions = false;
    bool has_min_time = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--hipkb_verdict_out=", 0) == 0) {
            parsed.verdict_out = arg.substr(std::string("--hipkb_verdict_out=").size());
            continue;
        }
        if (arg.rfind("--hipkb_report_fd=", 0) == 0) {
            const std::string_view text = std::string_view(arg).substr(std::string_view("--hipkb_report_fd=").size());
            int fd = -1;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), fd);
            if (error != std::errc() || end != text.data() + text.size() || fd < 3) {
                throw std::invalid_argument(
                    fmt::format("{}: expected the number of an inherited file descriptor, 3 or above", arg));
            }
            parsed.report_fd = fd;
            continue;
        }
        // Launch counts are chosen by calibrate(); these set its targets.
        for (const std::string prefix : {"--benchmark_min_time=", "--hipkb_min_time="}) {
            if (arg.rfind(prefix, 0) == 0) {
                parsed.min_time = seconds_flag(arg, prefix);
                has_min_time = true;
            }
        }
        if (has_min_time && (arg.rfind("--benchmark_min_time=", 0) == 0 || arg.rfind("--hipkb_min_time=", 0) == 0)) {
            continue;
        }
        if (arg == "--hipkb_seed") {
            throw std::invalid_argument("--hipkb_seed: give the secret in the same argument, as --hipkb_seed=N");
        }
        if (arg.rfind("--hipkb_seed=", 0) == 0) {
            parsed.seed_secret = seed_flag(arg, "--hipkb_seed=");
            continue;
        }
        if (arg.rfind("--hipkb_max_wall=", 0) == 0) {
            parsed.max_wall = seconds_flag(arg, "--hipkb_max_wall=");
            continue;
        }
        has_repetitions = has_repetitions || arg.rfind("--benchmark_repetitions", 0) == 0;
        parsed.benchmark_args.push_back(arg);
    }
    // Five repetitions give the median, the CV and the U test something to
    // work with.
    if (!has_repetitions) parsed.benchmark_args.emplace_back("--benchmark_repetitions=5");
    return parsed;
}

}  // namespace hipkb::detail
