#pragma once
// `hipkb generate`: N samples per selected problem, written as they arrive.
// A rerun skips finished samples, so an interrupted run resumes where it
// stopped; only requests in flight at the interruption are lost.

#include <hipkb/generator/provider.hpp>
#include <hipkb/generator/run_manifest.hpp>
#include <hipkb/generator/settings.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>

namespace hipkb::generator {

struct generate_options {
    std::FILE* log = stderr;            // progress lines and the closing failure list; null for silence
    std::function<bool()> should_stop;  // polled often; true ends the run early (Ctrl-C)
    std::uint64_t jitter_seed = 0;      // 0: random
};

struct generate_result {
    run_summary summary;
    std::filesystem::path manifest;
    std::size_t peak_in_flight = 0;

    // 0 when every sample is finished, 1 when some failed, 130 when interrupted.
    [[nodiscard]] int exit_code() const;
};

// Runs with the provider the settings name.
[[nodiscard]] generate_result generate_run(generate_settings settings, const generate_options& options = {});
// Runs with a given provider (tests, benchmarks).
[[nodiscard]] generate_result generate_run(generate_settings settings, provider& source,
                                           const generate_options& options = {});

// The candidate file extension for a platform: "cpp" on host, else "hip".
[[nodiscard]] std::string candidate_extension(std::string_view platform);

}  // namespace hipkb::generator
