#pragma once
// Two-sided Mann-Whitney U test, the test Google Benchmark's compare.py runs
// over the repetitions of two runs of a benchmark.

#include <cstddef>
#include <span>
#include <string>

namespace hipkb::report {

struct u_test_result {
    std::size_t n_x = 0;
    std::size_t n_y = 0;
    double u_x = 0.0;  // pairs (x, y) with x > y, ties counting one half
    double u_y = 0.0;  // n_x * n_y - u_x
    double p_value = 1.0;
    bool exact = false;  // exact null distribution (no ties, small samples) or normal approximation
};

// Below this many repetitions on either side no test is run (as compare.py).
inline constexpr std::size_t u_test_min_repetitions = 2;
// compare.py warns below this many: the p-value is unreliable.
inline constexpr std::size_t u_test_recommended_repetitions = 9;

// The test of H0 "x and y come from the same distribution" against "one
// tends to be larger". Both samples must be non-empty (std::invalid_argument).
// Without ties and with at most `exact_limit` values per side, p is exact:
// 2 * P(U >= max(u_x, u_y)) under H0, capped at 1. Otherwise the normal
// approximation with the tie correction of the variance and a continuity
// correction of 0.5, as scipy.stats.mannwhitneyu(method="asymptotic").
[[nodiscard]] u_test_result mann_whitney_u(std::span<const double> x, std::span<const double> y);

inline constexpr std::size_t u_test_exact_limit = 100;

// The smallest two-sided p-value the exact test can give for these sizes,
// 2 / C(n_x + n_y, n_x): with 3 vs 3 repetitions it is 0.1, so no difference
// can be significant at 0.05 however large.
[[nodiscard]] double u_test_smallest_p(std::size_t n_x, std::size_t n_y);

}  // namespace hipkb::report
