#pragma once
// The limits a problem's benchmark sizes must keep: what one bench holds in
// device memory at once, and the largest tensor a kernel can index with int.

#include <hipkb/core/spec.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace hipkb {

// The device memory a benchmark-size run may use: a 24 GiB GPU's worth, so
// that the corpus runs on every GPU hipkb targets.
inline constexpr std::int64_t device_memory_budget_bytes = std::int64_t{24} << 30;

// What the harness holds beside the tensors for the whole run: the L2 flush
// buffer (twice the L2: 8 MiB on an MI300X, 120 MiB on an H200) and the
// bandwidth and FMA probes (at most 2 x 512 MiB, freed before timing), with
// room to spare.
inline constexpr std::int64_t harness_reserve_bytes = std::int64_t{1} << 30;

// The guard bytes around each output buffer on the device (device_outputs in
// hipkb/bench/workload.hpp: 256 in front, 4096 behind).
inline constexpr std::int64_t output_guard_bytes = 256 + 4096;

// Kernels index tensors with int: every tensor has fewer elements than this.
inline constexpr std::int64_t tensor_element_limit = std::int64_t{1} << 31;

// The most device memory a bench holds at once at `sizes`. The peak is the
// recheck after a candidate's timing: the timing inputs, the reference's and
// the candidate's timing outputs and a third set of outputs for the
// reference's rerun, each output with its guards, plus harness_reserve_bytes.
// (The correctness seeds hold one set of inputs and one of outputs at a
// time, which is less.) A candidate's or reference's own scratch memory is
// not counted: the spec does not know it.
[[nodiscard]] std::int64_t device_footprint_bytes(const problem_spec& spec, size_set sizes);

// The spec with every dim at KernelBench's value where it has one.
[[nodiscard]] problem_spec at_kernelbench_values(const problem_spec& spec);

struct size_limit_findings {
    std::vector<std::string> errors;    // benchmark sizes over a limit
    std::vector<std::string> warnings;  // scaled down although KernelBench's sizes fit
};

// The benchmark sizes against device_memory_budget_bytes and
// tensor_element_limit; each finding names the spec file and the field.
[[nodiscard]] size_limit_findings check_benchmark_size_limits(const problem_spec& spec);

}  // namespace hipkb
