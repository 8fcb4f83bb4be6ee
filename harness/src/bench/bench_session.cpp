// bench_session: setup, the verdict, running the implementations and
// comparing their outputs.
#include "bench_session.hpp"

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/compile_log.hpp>
#include <hipkb/core/failure_kinds.hpp>
#include <hipkb/core/inputs.hpp>
#include <hipkb/core/process_probes.hpp>

#include <fmt/core.h>

#include <cctype>
#include <cmath>
#include <sstream>

namespace hipkb::detail {

namespace {

json finite_or_null(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

}  // namespace

json comparison_details(const comparison& result, const tensor_spec& output, const tolerance& tol, std::uint64_t seed,
                        const std::vector<std::int64_t>& shape) {
    json details = {{"output", output.name},
                    {"seed", seed},
                    {"mismatches", result.mismatches},
                    {"elements", result.elements},
                    {"atol", tol.atol},
                    {"rtol", tol.rtol},
                    {"max_abs_error", finite_or_null(result.max_abs_error)},
                    {"max_rel_error", finite_or_null(result.max_rel_error)}};
    if (result.first_mismatch) {
        details["first_index"] = *result.first_mismatch;
        details["first_position"] = format_index(shape, *result.first_mismatch);
        details["got"] = finite_or_null(result.first_got);
        details["expected"] = finite_or_null(result.first_expected);
    }
    return details;
}

// The first `max_lines` lines of a compile log.
std::string head_of_log(const std::filesystem::path& log, std::size_t max_lines) {
    std::error_code ignored;
    if (!std::filesystem::exists(log, ignored)) {
        return "(no compile log at " + log.string() + ")";
    }
    std::istringstream in(read_file(log));
    std::string line;
    std::string head;
    for (std::size_t n = 0; n < max_lines && std::getline(in, line); ++n) {
        head += line + "\n";
    }
    return head;
}

std::string first_error_line(const std::string& log) {
    const std::vector<std::string> first = first_compile_errors(log, 1);
    return first.empty() ? std::string() : first.front();
}

// Everything one executable measures, alive for the whole run.

bench_session::bench_session(const bench_config& config, device_info device, std::uint64_t seed_secret)
    : m_config(config),
      m_spec(load_spec(config.spec_file)),
      m_seeds(seeds_for_run(m_spec, seed_secret)),
      m_device(std::move(device)),
      m_reference(config.reference_module),
      m_flusher(m_device.l2_bytes),
      m_sizes(benchmark_sizes()) {
    m_verdict = {{"schema_version", 1},
                 {"test", config.test_name},
                 {"problem", config.problem},
                 {"kind", is_candidate() ? "candidate" : "reference"},
                 {"compiled", true},
                 {"compile_errors", ""},
                 {"correct", false},
                 {"failure", nullptr},
                 {"timed", false},
                 {"sizes", m_sizes == size_set::test ? "test" : "benchmark"},
                 {"execution", m_device.platform == "cpu" || m_device.platform == "host" ? m_device.platform : "gpu"},
                 {"seed_secret", m_seeds.secret},
                 {"effective_seeds", {{"correctness", m_seeds.correctness}, {"timing", m_seeds.timing}}}};
    m_spec.seeds = m_seeds.correctness;
    if (*m_config.input_generator_module != '\0') m_input_generator.emplace(m_config.input_generator_module);
    if (m_device.platform == "cpu") {
        m_verdict["thread_orders"] = json::array();
        m_verdict["warp_size"] = m_device.warp_size;
    }
}

std::string bench_session::compile_status_text() const {
    if (*m_config.compile_log == '\0') return "compiled";
    return read_status(m_config.compile_log);
}

// The compile guard's word on a log: compiled, failed, or unknown.
std::string bench_session::read_status(const std::string& log) { return read_compile_status(log); }

void bench_session::record_compile_failure() {
    const std::string log = head_of_log(m_config.compile_log, 20);
    m_verdict["compiled"] = false;
    m_verdict["compile_errors"] = log;
    fail("compile_error", "compile_error: " + first_error_line(log));
}

void bench_session::fail(std::string kind, std::string message, json details) {
    if (find_failure_kind(kind) == nullptr) {
        throw harness_failure(fmt::format("failure kind '{}' is not in hipkb/core/failure_kinds.hpp", kind));
    }
    m_failure = failure{std::move(kind), std::move(message), std::move(details)};
    json record = m_failure->details;
    record["kind"] = m_failure->kind;
    record["message"] = m_failure->message;
    m_verdict["failure"] = record;
    m_verdict["correct"] = false;
}

std::vector<host_tensor> bench_session::run_reference(const device_inputs& inputs, size_set sizes) {
    device_outputs outputs(m_spec, sizes);
    outputs.poison(m_stream);
    const int rc = m_reference.run(make_args(inputs, outputs, m_stream));
    if (rc != 0) {
        throw harness_failure(fmt::format("the reference of {} failed to launch: {}", m_spec.name, error_string(rc)));
    }
    synchronize_device();
    std::vector<host_tensor> result = outputs.download();
    // Freed memory keeps its bytes, and a candidate's own allocation may
    // be handed this block: leave no answer in it.
    outputs.poison(m_stream);
    m_stream.synchronize();
    return result;
}

// nullopt (with the failure recorded) when the launch itself failed.
std::optional<std::vector<host_tensor>> bench_session::run_candidate(const device_inputs& inputs) {
    device_outputs outputs(m_spec, m_sizes);
    outputs.poison(m_stream);
    m_stream.synchronize();
    const std::optional<std::size_t> threads_before = count_threads();
    const int rc = m_candidate->run(make_args(inputs, outputs, m_stream));
    const std::optional<std::size_t> threads_after = count_threads();
    synchronize_device();
    if (rc != 0) {
        fail("launch_error", fmt::format("launch_error: hipkb_run returned {}", error_string(rc)));
        return std::nullopt;
    }
    if (!no_thread_left(threads_before, threads_after, fmt::format("on seed {}", inputs.seed()))) return std::nullopt;
    if (!buffers_intact(outputs, inputs, "", "")) return std::nullopt;
    return outputs.download();
}

bool bench_session::no_thread_left(std::optional<std::size_t> before, std::optional<std::size_t> after,
                                   std::string_view when) {
    if (!before || !after || *after <= *before) return true;
    fail("thread_left_running",
         fmt::format("thread_left_running: {}, the process had {} threads when hipkb_run returned and {} when it was "
                     "called: the candidate left a thread running, so work can go on after the call, off the clock "
                     "and after the checks (host threads are not allowed in a candidate)",
                     when, *after, *before),
         {{"threads_before", *before}, {"threads_after", *after}});
    return false;
}

bool bench_session::buffers_intact(const device_outputs& outputs, const device_inputs& inputs,
                                   std::string_view guard_context, std::string_view input_context) {
    if (const std::string guard = outputs.check_guards(); !guard.empty()) {
        fail("out_of_bounds_write", fmt::format("out_of_bounds_write: {}{}", guard_context, guard));
        return false;
    }
    if (const std::string changed = inputs.find_changes(); !changed.empty()) {
        fail("input_modified", fmt::format("input_modified: {}{} (inputs are read-only)", input_context, changed));
        return false;
    }
    return true;
}

// Compares every output; records the first failure. `kind_override`
// replaces the kind (a recheck after timing is its own kind of failure).
bool bench_session::outputs_match(const std::vector<host_tensor>& got, const sealed_answer& expected,
                                  std::uint64_t seed, const std::string& kind_override) {
    for (std::size_t i = 0; i < m_spec.outputs.size(); ++i) {
        const host_tensor& truth = expected.shape_of(i);
        if (const decoy_match decoy = expected.match_decoy(i, got[i]); decoy.copied_all()) {
            fail("read_reference_output",
                 fmt::format("read_reference_output: output {}, seed {}: the output reproduces all {} marked "
                             "elements of a decoy of the reference's answer the harness kept in memory (first "
                             "at {}): the candidate copied a result it found instead of computing it",
                             truth.name, seed, decoy.marks, format_index(truth.shape, decoy.first)),
                 {{"output", truth.name}, {"seed", seed}, {"decoy_marks", decoy.marks}});
            return false;
        }
        const tolerance tol = m_spec.tolerance_for(m_spec.outputs[i]);
        const comparison result = expected.compare(i, got[i], tol);
        if (result.passed()) continue;
        if (result.non_finite_expected > 0) {
            throw harness_failure(describe(result, truth, tol, seed) +
                                  " (the problem is broken: its reference produced NaN/Inf)");
        }
        std::string message = describe(result, truth, tol, seed);
        std::string kind = failure_kind(result);
        if (!kind_override.empty()) {
            message = kind_override +
                      (is_cpu() ? ": on a repeated call, inputs changed in place: "
                                : ": on the timing inputs, after timing: ") +
                      message;
            kind = kind_override;
        }
        fail(kind, message, comparison_details(result, m_spec.outputs[i], tol, seed, truth.shape));
        return false;
    }
    return true;
}

device_inputs bench_session::make_inputs(size_set sizes, std::uint64_t seed) const {
    return device_inputs(m_spec, sizes, seed, m_input_generator ? &*m_input_generator : nullptr);
}

void bench_session::prepare_timing() {
    if (m_timing_inputs) return;
    m_timing_inputs.emplace(make_inputs(m_sizes, m_seeds.timing));
    m_reference_timing_outputs.emplace(m_spec, m_sizes);
    if (is_candidate()) m_candidate_timing_outputs.emplace(m_spec, m_sizes);
}

// Goldens stand in for references on the host platform and are written
// for clarity, not speed, so the host platform measures at test sizes.
// cpu execution gives correctness only, at the test sizes too.
size_set bench_session::benchmark_sizes() {
    return platform_name() == "host" || platform_name() == "cpu" ? size_set::test : size_set::benchmark;
}

}  // namespace hipkb::detail
