#include <hipkb/report/mann_whitney.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace hipkb::report {

namespace {

// P(U >= u) for sizes (m, n) under H0, where U counts pairs x > y. The
// largest of the m + n values is an x with probability m / (m + n), and
// then it beats all n values of y; otherwise it is a y and adds nothing:
//   P_{m,n}(u) = m/(m+n) P_{m-1,n}(u - n) + n/(m+n) P_{m,n-1}(u).
// Working with probabilities rather than counts keeps every number in
// [0, 1], so nothing overflows however large C(m+n, m) is.
double exact_upper_tail(std::size_t m, std::size_t n, std::size_t u) {
    // row[j] is the distribution for sizes (i, j), as a vector over U.
    std::vector<std::vector<double>> previous(n + 1);
    std::vector<std::vector<double>> current(n + 1);
    for (std::size_t j = 0; j <= n; ++j) previous[j] = {1.0};  // i = 0: U is 0
    for (std::size_t i = 1; i <= m; ++i) {
        current[0] = {1.0};  // j = 0: U is 0
        for (std::size_t j = 1; j <= n; ++j) {
            std::vector<double>& out = current[j];
            out.assign(i * j + 1, 0.0);
            const double take_x = static_cast<double>(i) / static_cast<double>(i + j);
            const double take_y = 1.0 - take_x;
            const std::vector<double>& from_x = previous[j];     // sizes (i-1, j), shifted by j
            const std::vector<double>& from_y = current[j - 1];  // sizes (i, j-1)
            for (std::size_t v = 0; v < from_x.size(); ++v) out[v + j] += take_x * from_x[v];
            for (std::size_t v = 0; v < from_y.size(); ++v) out[v] += take_y * from_y[v];
        }
        std::swap(previous, current);
    }
    const std::vector<double>& distribution = previous[n];
    double tail = 0.0;
    for (std::size_t v = u; v < distribution.size(); ++v) tail += distribution[v];
    return tail;
}

}  // namespace

u_test_result mann_whitney_u(std::span<const double> x, std::span<const double> y) {
    if (x.empty() || y.empty()) {
        throw std::invalid_argument("mann_whitney_u needs at least one value on each side");
    }
    const std::size_t m = x.size();
    const std::size_t n = y.size();
    const std::size_t total = m + n;

    // Mid-ranks over the pooled sample; tie groups feed the variance correction.
    std::vector<std::pair<double, bool>> pooled;  // (value, from x)
    pooled.reserve(total);
    for (const double v : x) pooled.emplace_back(v, true);
    for (const double v : y) pooled.emplace_back(v, false);
    std::sort(pooled.begin(), pooled.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    double rank_sum_x = 0.0;
    double tie_term = 0.0;  // sum over tie groups of t^3 - t
    for (std::size_t start = 0; start < total;) {
        std::size_t end = start + 1;
        while (end < total && pooled[end].first == pooled[start].first) ++end;
        const double t = static_cast<double>(end - start);
        const double mid_rank = 0.5 * static_cast<double>(start + 1 + end);  // average of ranks start+1 .. end
        for (std::size_t k = start; k < end; ++k) {
            if (pooled[k].second) rank_sum_x += mid_rank;
        }
        tie_term += t * t * t - t;
        start = end;
    }

    u_test_result result;
    result.n_x = m;
    result.n_y = n;
    const double md = static_cast<double>(m);
    const double nd = static_cast<double>(n);
    result.u_x = rank_sum_x - md * (md + 1.0) / 2.0;
    result.u_y = md * nd - result.u_x;
    const double u_big = std::max(result.u_x, result.u_y);

    if (tie_term == 0.0 && m <= u_test_exact_limit && n <= u_test_exact_limit) {
        result.exact = true;
        // Without ties U is an integer.
        const auto u = static_cast<std::size_t>(std::llround(u_big));
        result.p_value = std::min(1.0, 2.0 * exact_upper_tail(m, n, u));
        return result;
    }
    const double nt = static_cast<double>(total);
    const double mean = md * nd / 2.0;
    const double variance = md * nd / 12.0 * ((nt + 1.0) - tie_term / (nt * (nt - 1.0)));
    if (variance <= 0.0) {
        result.p_value = 1.0;  // every value equal: no evidence of any difference
        return result;
    }
    const double z = (u_big - mean - 0.5) / std::sqrt(variance);
    // Two-sided: 2 * (1 - Phi(z)) = erfc(z / sqrt(2)).
    result.p_value = std::clamp(std::erfc(z / std::sqrt(2.0)), 0.0, 1.0);
    return result;
}

double u_test_smallest_p(std::size_t n_x, std::size_t n_y) {
    // 2 / C(n_x + n_y, n_x), as a product of ratios so that it cannot overflow.
    const std::size_t k = std::min(n_x, n_y);
    const std::size_t total = n_x + n_y;
    double inverse_binomial = 1.0;
    for (std::size_t i = 1; i <= k; ++i) {
        inverse_binomial *= static_cast<double>(i) / static_cast<double>(total - k + i);
    }
    return std::min(1.0, 2.0 * inverse_binomial);
}

}  // namespace hipkb::report
