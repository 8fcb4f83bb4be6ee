#include <hipkb/statistics.hpp>

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
