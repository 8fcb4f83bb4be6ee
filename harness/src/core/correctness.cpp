#include <hipkb/core/correctness.hpp>

#include "parallel_for.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace hipkb {

namespace {

// Reads element `index` of raw bytes as a double, after XOR-ing every byte
// with `key` (zero for plain tensors). Typed so the loop below has no
// per-element dispatch.
template <dtype Type>
double element(const std::byte* bytes, std::int64_t index, std::byte key) {
    constexpr std::size_t size = Type == dtype::fp32 || Type == dtype::int32 ? 4 : Type == dtype::int64 ? 8 : 2;
    unsigned char raw[size];
    std::memcpy(raw, bytes + static_cast<std::size_t>(index) * size, size);
    for (auto& b : raw) b ^= std::to_integer<unsigned char>(key);
    if constexpr (Type == dtype::fp32) {
        float v;
        std::memcpy(&v, raw, size);
        return v;
    } else if constexpr (Type == dtype::int32) {
        std::int32_t v;
        std::memcpy(&v, raw, size);
        return v;
    } else if constexpr (Type == dtype::int64) {
        std::int64_t v;
        std::memcpy(&v, raw, size);
        return static_cast<double>(v);
    } else {
        unsigned short v;
        std::memcpy(&v, raw, size);
        return Type == dtype::fp16 ? half_to_float(v) : bf16_to_float(v);
    }
}

template <dtype Type>
comparison compare_range(const host_tensor& got, const host_tensor& expected, std::byte key, const tolerance& tol,
                         std::int64_t begin, std::int64_t end) {
    comparison result;
    result.elements = end - begin;
    for (std::int64_t i = begin; i < end; ++i) {
        const double e = element<Type>(expected.bytes.data(), i, key);
        const double g = element<Type>(got.bytes.data(), i, std::byte{0});
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

// Chunk results in chunk order: the first mismatch is the earliest chunk's.
comparison merge(const std::vector<comparison>& parts) {
    comparison total;
    for (const comparison& part : parts) {
        total.elements += part.elements;
        total.non_finite_expected += part.non_finite_expected;
        if (part.first_mismatch && !total.first_mismatch) {
            total.first_mismatch = part.first_mismatch;
            total.first_got = part.first_got;
            total.first_expected = part.first_expected;
        }
        total.mismatches += part.mismatches;
        total.max_abs_error = std::max(total.max_abs_error, part.max_abs_error);
        total.max_rel_error = std::max(total.max_rel_error, part.max_rel_error);
    }
    return total;
}

template <dtype Type>
comparison compare_typed(const host_tensor& got, const host_tensor& expected, std::byte key, const tolerance& tol) {
    const std::int64_t count = expected.count();
    std::vector<comparison> parts(static_cast<std::size_t>(detail::chunk_count(count)));
    detail::parallel_chunks(
        count, static_cast<std::int64_t>(parts.size()), [&](std::int64_t chunk, std::int64_t begin, std::int64_t end) {
            parts[static_cast<std::size_t>(chunk)] = compare_range<Type>(got, expected, key, tol, begin, end);
        });
    return merge(parts);
}

}  // namespace

comparison compare(const host_tensor& got, const host_tensor& expected, const tolerance& tol) {
    return compare_stored(got, expected, tol, std::byte{0});
}

comparison compare_stored(const host_tensor& got, const host_tensor& expected, const tolerance& tol, std::byte key) {
    if (got.type != expected.type || got.shape != expected.shape || got.bytes.size() != expected.bytes.size()) {
        throw std::invalid_argument(
            fmt::format("cannot compare output '{}': type or shape differs from the truth", expected.name));
    }
    switch (expected.type) {
        case dtype::fp32:
            return compare_typed<dtype::fp32>(got, expected, key, tol);
        case dtype::fp16:
            return compare_typed<dtype::fp16>(got, expected, key, tol);
        case dtype::bf16:
            return compare_typed<dtype::bf16>(got, expected, key, tol);
        case dtype::int32:
            return compare_typed<dtype::int32>(got, expected, key, tol);
        case dtype::int64:
            return compare_typed<dtype::int64>(got, expected, key, tol);
    }
    throw std::invalid_argument("unknown dtype");
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

std::string describe(const comparison& result, const host_tensor& expected, const tolerance& tol, std::uint64_t seed) {
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
