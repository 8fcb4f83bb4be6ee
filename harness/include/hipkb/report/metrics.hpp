#pragma once
// KernelBench's metrics over a set of problems: fast_p, pass@k, fast_p@k,
// the fast_p curve, and the geometric-mean speedup. Definitions and worked
// examples in docs/reports.md.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace hipkb::report {

// One candidate, reduced to what the metrics need.
struct sample_outcome {
    std::string problem;
    bool correct = false;
    std::optional<double> speedup;  // reference time / candidate time, when both were measured
};

// The thresholds of KernelBench's table.
inline constexpr double kernelbench_thresholds[] = {0.0, 0.5, 0.8, 1.0, 1.5, 2.0};

// Whether a sample counts for fast_p: for p = 0 it must be correct (fast_0
// is the correctness rate, timed or not); for p > 0 correct AND speedup > p,
// strictly, so a speedup of exactly 1.0 is not fast_1.
[[nodiscard]] bool is_fast(const sample_outcome& sample, double p);

// The unbiased estimator of Chen et al. (2021): the chance that at least one
// of k samples drawn without replacement from n, of which c are good, is
// good: 1 - C(n-c, k) / C(n, k), computed as 1 - prod_{i=n-c+1..n} (1 - k/i)
// in log space, so n may be in the millions. With n < k all n samples are
// drawn: 1 if c > 0, else 0. Throws std::invalid_argument if c > n or k = 0.
[[nodiscard]] double pass_at_k(std::size_t n, std::size_t c, std::size_t k);

// fast_p@k over a problem set: the mean over `problems` of
// pass_at_k(n_problem, fast samples of the problem, k). A problem with no
// sample counts 0. Samples of problems outside the set are ignored.
[[nodiscard]] double fast_p_at_k(std::span<const sample_outcome> samples, std::span<const std::string> problems,
                                 double p, std::size_t k);

// fast_p = fast_p@1: with one sample per problem, KernelBench's fraction of
// problems solved correctly with speedup > p; with several, its expectation
// over a random choice of one sample per problem.
[[nodiscard]] double fast_p(std::span<const sample_outcome> samples, std::span<const std::string> problems, double p);

// pass@k (correctness): fast_0@k.
[[nodiscard]] double pass_at_k(std::span<const sample_outcome> samples, std::span<const std::string> problems,
                               std::size_t k);

// The fast_p curve as (p, fast_p) steps: fast_p holds from each p to the
// next. Starts at (0, fast_0); drops just after every distinct speedup
// (strict "> p"); ends at `p_end` (at least every speedup).
[[nodiscard]] std::vector<std::pair<double, double>> fast_p_curve(std::span<const sample_outcome> samples,
                                                                  std::span<const std::string> problems, double p_end);

// exp(mean(log v)) over the positive finite values; nullopt if there are none.
[[nodiscard]] std::optional<double> geometric_mean(std::span<const double> values);

}  // namespace hipkb::report
