#include <hipkb/report/metrics.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace hipkb::report {

namespace {

struct problem_counts {
    std::size_t samples = 0;
    std::size_t good = 0;
};

std::map<std::string, problem_counts, std::less<>> count_by_problem(std::span<const sample_outcome> samples,
                                                                    std::span<const std::string> problems, double p) {
    std::map<std::string, problem_counts, std::less<>> counts;
    for (const std::string& problem : problems) counts.try_emplace(problem);
    for (const sample_outcome& sample : samples) {
        const auto found = counts.find(sample.problem);
        if (found == counts.end()) continue;
        ++found->second.samples;
        if (is_fast(sample, p)) ++found->second.good;
    }
    return counts;
}

}  // namespace

bool is_fast(const sample_outcome& sample, double p) {
    if (!sample.correct) return false;
    if (p <= 0.0) return true;
    return sample.speedup.has_value() && *sample.speedup > p;
}

double pass_at_k(std::size_t n, std::size_t c, std::size_t k) {
    if (k == 0) throw std::invalid_argument("pass@k needs k >= 1");
    if (c > n) throw std::invalid_argument("pass@k needs c <= n");
    if (c == 0) return 0.0;
    if (n < k) return 1.0;      // every sample is drawn, and one is good
    if (n - c < k) return 1.0;  // any k samples include a good one
    // C(n-c, k) / C(n, k) = prod_{i=n-c+1}^{n} (1 - k / i).
    double log_miss = 0.0;
    for (std::size_t i = n - c + 1; i <= n; ++i) {
        log_miss += std::log1p(-static_cast<double>(k) / static_cast<double>(i));
    }
    return 1.0 - std::exp(log_miss);
}

double fast_p_at_k(std::span<const sample_outcome> samples, std::span<const std::string> problems, double p,
                   std::size_t k) {
    const auto counts = count_by_problem(samples, problems, p);
    if (counts.empty()) return 0.0;
    double total = 0.0;
    for (const auto& [problem, count] : counts) {
        if (count.samples > 0) total += pass_at_k(count.samples, count.good, k);
    }
    return total / static_cast<double>(counts.size());
}

double fast_p(std::span<const sample_outcome> samples, std::span<const std::string> problems, double p) {
    return fast_p_at_k(samples, problems, p, 1);
}

double pass_at_k(std::span<const sample_outcome> samples, std::span<const std::string> problems, std::size_t k) {
    return fast_p_at_k(samples, problems, 0.0, k);
}

std::vector<std::pair<double, double>> fast_p_curve(std::span<const sample_outcome> samples,
                                                    std::span<const std::string> problems, double p_end) {
    std::vector<double> speedups;
    for (const sample_outcome& sample : samples) {
        if (sample.correct && sample.speedup && std::isfinite(*sample.speedup) && *sample.speedup > 0.0) {
            speedups.push_back(*sample.speedup);
        }
    }
    std::sort(speedups.begin(), speedups.end());
    speedups.erase(std::unique(speedups.begin(), speedups.end()), speedups.end());

    std::vector<std::pair<double, double>> curve;
    curve.emplace_back(0.0, fast_p(samples, problems, 0.0));
    // Just above 0 only timed samples count; differs from fast_0 when some
    // correct candidates have no speedup (e.g. their timing failed).
    const double timed = fast_p(samples, problems, std::nextafter(0.0, 1.0));
    if (timed != curve.back().second) curve.emplace_back(0.0, timed);
    for (const double s : speedups) {
        curve.emplace_back(s, fast_p(samples, problems, s));
    }
    const double end = std::max(p_end, speedups.empty() ? 0.0 : speedups.back());
    if (end > curve.back().first) curve.emplace_back(end, curve.back().second);
    return curve;
}

std::optional<double> geometric_mean(std::span<const double> values) {
    double log_sum = 0.0;
    std::size_t count = 0;
    for (const double v : values) {
        if (std::isfinite(v) && v > 0.0) {
            log_sum += std::log(v);
            ++count;
        }
    }
    if (count == 0) return std::nullopt;
    return std::exp(log_sum / static_cast<double>(count));
}

}  // namespace hipkb::report
