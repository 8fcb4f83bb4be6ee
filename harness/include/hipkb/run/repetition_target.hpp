#pragma once
// How many repetitions a benchmark needs before its median can be trusted
// to a given precision.
//
// The spread of single repetitions (their CV) is a property of the kernel
// and the machine; more repetitions do not shrink it. What they shrink is
// the uncertainty of the median hipkb reports: for roughly normal
// repetitions its standard error is sqrt(pi/2) ~ 1.2533 times that of the
// mean, so the median's own CV is about 1.2533 * cv / sqrt(repetitions).
// The driver runs the default repetitions first and, when the worst
// benchmark in the file misses the target, runs the executable again with
// enough repetitions for it (up to a maximum).

#include <hipkb/report/gbench.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hipkb {

struct repetition_spread {
    std::string benchmark;  // the Google Benchmark run name
    double cv = 0.0;        // of its repetitions (sample stddev / mean)
    int repetitions = 0;
    double median_cv = 0.0;  // the estimated CV of its median
};

// The median's CV estimated from the repetitions' CV.
[[nodiscard]] double median_cv(double repetition_cv, int repetitions);

// The error-free benchmark of a Google Benchmark file whose median is least
// precise; nullopt when none has two or more timed repetitions.
[[nodiscard]] std::optional<repetition_spread> least_precise(const report::gbench_file& file);

// Repetitions that bring a median's CV to `target` given the repetitions'
// CV: at least `minimum`, at most `maximum`.
[[nodiscard]] int repetitions_for(double repetition_cv, double target, int minimum, int maximum);

// Whether benchmark flags already fix the repetition count.
[[nodiscard]] bool sets_repetitions(const std::vector<std::string>& benchmark_args);

}  // namespace hipkb
