#include <hipkb/run/repetition_target.hpp>

#include <hipkb/report/gbench_series.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hipkb {

namespace {

// Standard error of a median over that of a mean, for normal samples.
const double median_error_factor = std::sqrt(std::numbers::pi / 2.0);

}  // namespace

double median_cv(double repetition_cv, int repetitions) {
    if (repetitions <= 0) return INFINITY;
    return median_error_factor * repetition_cv / std::sqrt(static_cast<double>(repetitions));
}

std::optional<repetition_spread> least_precise(const report::gbench_file& file) {
    std::optional<repetition_spread> worst;
    for (const report::gbench_series& series : report::group_series(file)) {
        if (series.error_occurred || series.skipped || series.real_ns.size() < 2) continue;
        const std::optional<double> cv = series.cv();
        if (!cv || !std::isfinite(*cv)) continue;
        const int repetitions = static_cast<int>(series.real_ns.size());
        const repetition_spread spread{series.name, *cv, repetitions, median_cv(*cv, repetitions)};
        if (!worst || spread.median_cv > worst->median_cv) worst = spread;
    }
    return worst;
}

int repetitions_for(double repetition_cv, double target, int minimum, int maximum) {
    if (!(target > 0) || !std::isfinite(repetition_cv)) return maximum;
    const double ratio = median_error_factor * repetition_cv / target;
    const double needed = std::ceil(ratio * ratio);
    return static_cast<int>(std::clamp(needed, static_cast<double>(minimum), static_cast<double>(maximum)));
}

bool sets_repetitions(const std::vector<std::string>& benchmark_args) {
    return std::any_of(benchmark_args.begin(), benchmark_args.end(),
                       [](const std::string& arg) { return arg.rfind("--benchmark_repetitions", 0) == 0; });
}

}  // namespace hipkb
