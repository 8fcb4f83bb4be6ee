#include <hipkb/core/statistics.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace hipkb {

double median(std::span<const double> values) {
    if (values.empty()) {
        throw std::invalid_argument("median of an empty sample");
    }
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    const std::size_t mid = sorted.size() / 2;
    return sorted.size() % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

double quantile(std::span<const double> values, double fraction) {
    if (values.empty()) {
        throw std::invalid_argument("quantile of an empty sample");
    }
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    const double clamped = std::clamp(fraction, 0.0, 1.0);
    const auto rank = static_cast<std::size_t>(std::ceil(clamped * static_cast<double>(sorted.size())));
    return sorted[rank == 0 ? 0 : rank - 1];
}

double unsynchronized_slack(std::span<const double> reference_gaps, double floor_seconds) {
    if (reference_gaps.size() < 2) return floor_seconds;
    const double spread = quantile(reference_gaps, 0.9) - quantile(reference_gaps, 0.1);
    return std::max(floor_seconds, 3.0 * spread);
}

summary summarize(std::span<const double> values) {
    if (values.empty()) {
        throw std::invalid_argument("summary of an empty sample");
    }
    summary s;
    s.count = values.size();
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(s.count);
    s.median = median(values);
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    s.min = *lo;
    s.max = *hi;
    if (s.count > 1) {
        double sum_sq = 0.0;
        for (const double v : values) {
            sum_sq += (v - s.mean) * (v - s.mean);
        }
        s.stddev = std::sqrt(sum_sq / static_cast<double>(s.count - 1));
    }
    s.cv = s.mean != 0.0 ? s.stddev / s.mean : 0.0;
    return s;
}

}  // namespace hipkb
