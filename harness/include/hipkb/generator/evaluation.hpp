#pragma once
// Building and running one candidate through a configured hipkb build, as
// a refinement turn needs: build its bench target, run it, read the verdict
// and the timings it wrote (formats in docs/build-outputs.md).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hipkb::generator {

struct evaluation {
    enum class status {
        evaluated,     // the bench ran: see compiled/correct/timings
        no_gpu,        // the bench exited 77: no device to run on
        build_failed,  // `cmake --build` itself failed (not a candidate compile error)
        bench_failed,  // the bench crashed, timed out, or left no verdict
    };
    status what = status::evaluated;
    std::string test;  // hipkb.bench.<problem>.<run>.<sample>
    bool compiled = false;
    bool correct = false;
    std::string compile_errors;
    std::string failure_kind;            // the verdict's failure.kind
    std::string failure_message;         // the verdict's failure.message, or what went wrong
    std::optional<double> reference_ns;  // median over repetitions
    std::optional<double> candidate_ns;
    std::optional<double> speedup;  // reference / candidate, when both were timed
    std::string output_tail;        // the build's or bench's output when it failed
    // "gpu", or "cpu" when no GPU was usable and the verdict came from the
    // candidate's cpu-execution twin (correctness only, never a time).
    std::string execution = "gpu";
    // The device the bench ran on (its hipkb.device context), "" when it
    // wrote no timings: speedup targets are per device.
    std::string device;
};

[[nodiscard]] std::string_view to_string(evaluation::status what);

// The bench target CMake makes for a candidate (cmake/HipkbBench.cmake).
[[nodiscard]] std::string bench_target_name(std::string_view problem, std::string_view run, std::string_view sample);

// The folders the build discovers problems and candidates in, from its
// CMakeCache.txt (HIPKB_REFERENCE_DIR, HIPKB_GENERATED_DIR). Throws
// std::runtime_error naming the file when the build is not a configured hipkb build.
struct build_dirs {
    std::filesystem::path reference_dir;
    std::filesystem::path generated_dir;
};
[[nodiscard]] build_dirs read_build_dirs(const std::filesystem::path& build_dir);

// Builds the candidate's bench (the build re-runs configure, whose globs
// pick up the new file), runs it with results in the build's results folder,
// and reads what it wrote. Each step may take `timeout_s`.
[[nodiscard]] evaluation evaluate_candidate(const std::filesystem::path& build_dir, std::string_view problem,
                                            std::string_view run, std::string_view sample, double timeout_s);

}  // namespace hipkb::generator
