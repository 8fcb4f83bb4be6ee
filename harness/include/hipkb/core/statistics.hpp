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
// The value below which `fraction` (0..1) of the sample lies (nearest rank).
[[nodiscard]] double quantile(std::span<const double> values, double fraction);

// How much more the wall clock may exceed the device events for a candidate
// than for its reference before the excess counts as hidden work
// (unsynchronized_work): 3x the spread (90th minus 10th percentile) of the
// reference's own per-launch gaps, which is host scheduling noise on that
// machine, and never less than `floor_seconds`. Empty gaps give the floor.
[[nodiscard]] double unsynchronized_slack(std::span<const double> reference_gaps, double floor_seconds = 10e-6);

}  // namespace hipkb
