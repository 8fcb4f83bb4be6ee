#include <hipkb/correctness.hpp>

#include <fmt/core.h>

#include <cmath>
#include <stdexcept>

namespace hipkb {

comparison compare(const host_tensor& got, const host_tensor& expected, const tolerance& tol) {
    if (got.type != expected.type || got.shape != expected.shape) {
        throw std::invalid_argument(fmt::format("cannot compare output '{}': type or shape differs from the truth",
                                                expected.name));
    }
    comparison result;
    result.elements = expected.count();
    for (std::int64_t i = 0; i < result.elements; ++i) {
        const double e = expected.at(i);
        const double g = got.at(i);
        if (!std::isfinite(e)) {
            ++result.non_finite_expected;
            continue;
        }
        bool ok = false;
        if (std::isfinite(g)) {
            const double abs_error = std::abs(g - e);
            ok = abs_error <= tol.atol + tol.rtol * std::abs(e);
            result.max_abs_error = std::max(result.max_abs_error, abs_error);
            if (e != 0.0) {
                result.max_rel_error = std::max(result.max_rel_error, abs_error / std::abs(e));
            }
        }
        if (!ok) {
            if (result.mismatches == 0) {
                result.first_mismatch = i;
                result.first_got = g;
                result.first_expected = e;
            }
            ++result.mismatches;
        }
    }
    return result;
}

std::string failure_kind(const comparison& result) {
    if (result.non_finite_expected > 0) {
        return "reference_invalid";
    }
    if (result.first_mismatch && !std::isfinite(result.first_got)) {
        return "nan_output";
    }
    return "mismatch";
}

std::string describe(const comparison& result, const host_tensor& expected, const tolerance& tol,
                     std::uint64_t seed) {
    if (result.non_finite_expected > 0) {
        return fmt::format("reference_invalid: output {}, seed {}: the truth has {} NaN/Inf of {} elements",
                           expected.name, seed, result.non_finite_expected, result.elements);
    }
    if (!result.first_mismatch) {
        return fmt::format("output {}, seed {}: all {} elements within atol={:g} rtol={:g}", expected.name, seed,
                           result.elements, tol.atol, tol.rtol);
    }
    return fmt::format(
        "{}: output {}, seed {}: {} of {} elements outside atol={:g} rtol={:g}; first at {}: got {:g}, expected "
        "{:g}; max abs error {:g}, max rel error {:g}",
        failure_kind(result), expected.name, seed, result.mismatches, result.elements, tol.atol, tol.rtol,
        format_index(expected.shape, *result.first_mismatch), result.first_got, result.first_expected,
        result.max_abs_error, result.max_rel_error);
}

}  // namespace hipkb
