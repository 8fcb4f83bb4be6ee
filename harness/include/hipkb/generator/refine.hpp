#pragma once
// `hipkb refine`: per problem, build and evaluate a candidate through a
// configured hipkb build, tell the model what happened (compiler errors,
// the mismatch, or the timings) and ask for a better one, up to max_turns
// times, stopping once a correct candidate beats the reference by min_gain.
// Turn k of sample s is sample "s_t<k>", whose metadata links its parent.

#include <hipkb/generator/provider.hpp>
#include <hipkb/generator/run_manifest.hpp>
#include <hipkb/generator/settings.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>

namespace hipkb::generator {

struct refine_options {
    std::FILE* log = stderr;            // one line per turn, and the closing summary
    std::function<bool()> should_stop;  // Ctrl-C
    std::uint64_t jitter_seed = 0;
};

struct refine_result {
    run_summary summary;
    std::filesystem::path manifest;
    bool no_gpu = false;  // a bench exited 77: refinement stopped
    std::string no_gpu_message;

    // 0 when every turn ran, 1 when a request, build or bench failed, 77 when
    // there is no GPU to evaluate on, 130 when interrupted.
    [[nodiscard]] int exit_code() const;
};

// The sample name of refinement turn `turn` (>= 1) of `start`.
[[nodiscard]] std::string turn_sample_name(std::string_view start, int turn);

[[nodiscard]] refine_result refine_run(generate_settings settings, const refine_options& options = {});
[[nodiscard]] refine_result refine_run(generate_settings settings, provider& source,
                                       const refine_options& options = {});

}  // namespace hipkb::generator
