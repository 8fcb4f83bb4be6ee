#pragma once
// Comparing an output against the truth with a tolerance.

#include <hipkb/core/spec.hpp>
#include <hipkb/core/tensor.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace hipkb {

struct comparison {
    std::int64_t elements = 0;
    std::int64_t mismatches = 0;
    // Elements of the expected tensor that are NaN or Inf: the truth itself
    // is broken, which is the problem's fault, not the candidate's.
    std::int64_t non_finite_expected = 0;
    std::optional<std::int64_t> first_mismatch;  // flat index
    double first_got = 0.0;
    double first_expected = 0.0;
    // Over elements where both sides are finite.
    double max_abs_error = 0.0;
    double max_rel_error = 0.0;

    [[nodiscard]] bool passed() const { return mismatches == 0 && non_finite_expected == 0 && elements > 0; }
};

// An element passes when |got - expected| <= atol + rtol * |expected|. A NaN
// or Inf in `got` fails wherever `expected` is finite; both tensors must have
// the same type and shape (std::invalid_argument otherwise).
[[nodiscard]] comparison compare(const host_tensor& got, const host_tensor& expected, const tolerance& tol);

// The same against an `expected` stored with every byte XOR-ed with `key`
// (see sealed_answer.hpp): no plain copy of it is made.
[[nodiscard]] comparison compare_stored(const host_tensor& got, const host_tensor& expected, const tolerance& tol,
                                        std::byte key);

// "mismatch: output y, seed 1: 3 of 111 elements outside atol=0.0001 rtol=0.0001; first at [110]: got nan,
// expected 0.84; max abs error 0.5, max rel error 0.3"
[[nodiscard]] std::string describe(const comparison& result, const host_tensor& expected, const tolerance& tol,
                                   std::uint64_t seed);

// The failure kind a failed comparison is reported under: "reference_invalid"
// when the truth has non-finite values, "nan_output" when the first mismatch
// is a NaN/Inf written (or left unwritten) by the implementation, else
// "mismatch".
[[nodiscard]] std::string failure_kind(const comparison& result);

}  // namespace hipkb
