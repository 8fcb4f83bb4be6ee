#pragma once
// Summary statistics over repeated measurements.

#include <span>

namespace hipkb {

struct summary {
    double mean = 0.0;
    double median = 0.0;
    double stddev = 0.0;  // sample standard deviation (n - 1)
    double cv = 0.0;      // stddev / mean; 0 when the mean is 0
    double min = 0.0;
    double max = 0.0;
    std::size_t count = 0;
};

// Throws std::invalid_argument on an empty sample.
[[nodiscard]] summary summarize(std::span<const double> values);
[[nodiscard]] double median(std::span<const double> values);

}  // namespace hipkb
