// Correctness: the reference against its golden, the candidate against the
// reference on every seed, and on cpu execution the thread orders and the
// repeated-call recheck.
#include "bench_session.hpp"

#include <hipkb/core/host_code_policy_file.hpp>
#include <hipkb/core/inputs.hpp>
#include <hipkb/core/process_probes.hpp>

#include <fmt/core.h>

#include <algorithm>

namespace hipkb::detail {

// The reference against the CPU golden at the spec's test sizes. On cpu
// execution each seed runs the block's threads in another order, and a
// disagreement that another order does not show is a race in the
// reference.
void bench_session::check_reference_against_golden() {
    m_verdict["correct"] = true;
    if (*m_config.golden_module == '\0') {
        // An imported problem has no golden: its reference is the truth the
        // candidates are compared with. On the host platform the reference
        // is the golden.
        if (m_spec.imported)
            m_verdict["golden_check"] = {{"skipped", "no golden: imported problem; the reference is the truth"}};
        return;
    }
    const implementation_module golden(m_config.golden_module);
    json seeds = json::array();
    (void)take_launch_counts();
    m_reference_launches.reset();
    for (std::size_t n = 0; n < m_spec.seeds.size(); ++n) {
        const std::uint64_t seed = m_spec.seeds[n];
        const thread_order order = order_for(n);
        std::optional<std::string> disagreement = reference_disagrees(golden, seed, order);
        if (disagreement) {
            const std::vector<thread_order> passing = other_orders_where(
                order, [&](thread_order other) { return !reference_disagrees(golden, seed, other); });
            m_verdict["correct"] = false;
            m_verdict["golden_check"] = {{"correct", false}, {"message", *disagreement}};
            if (!passing.empty()) {
                throw harness_failure(fmt::format(
                    "schedule_dependent: the reference of {} matches its CPU golden when the threads of a block "
                    "run in {} order but not in {} order (seed {}): {}; it has a race (a missing __syncthreads?)",
                    m_spec.name, order_names(passing), thread_order_name(order), seed, *disagreement));
            }
            throw harness_failure(fmt::format("golden_mismatch: the reference of {} disagrees with its CPU golden: {}",
                                              m_spec.name, *disagreement));
        }
        seeds.push_back(seed);
        if (is_cpu()) m_verdict["thread_orders"].push_back({{"seed", seed}, {"order", thread_order_name(order)}});
    }
    m_verdict["golden_check"] = {{"correct", true}, {"seeds", seeds}};
    count_reference_launches();
    if (const auto counts = m_reference_launches) {
        // A test size that fits in one block cannot show a bug between
        // blocks (a wrong block index, a missing bound at a block's edge).
        m_verdict["golden_check"]["largest_launch_blocks"] = counts->largest_grid;
        if (counts->launches > 0 && counts->largest_grid < 2) {
            throw harness_failure(fmt::format(
                "test_sizes_too_small: at its test sizes the reference of {} never launches more than one block; "
                "choose test sizes in {} that span several blocks",
                m_spec.name, m_config.spec_file));
        }
    }
}

void bench_session::count_reference_launches() {
    const std::optional<launch_counts> counts = take_launch_counts();
    if (!counts) return;
    if (!m_reference_launches) m_reference_launches = launch_counts{};
    m_reference_launches->launches += counts->launches;
    m_reference_launches->largest_grid = std::max(m_reference_launches->largest_grid, counts->largest_grid);
}

// Why the reference and the golden disagree on `seed`, if they do.
std::optional<std::string> bench_session::reference_disagrees(const implementation_module& golden, std::uint64_t seed,
                                                              thread_order order) {
    set_thread_order(order, seed);
    count_reference_launches();
    const device_inputs inputs = make_inputs(size_set::test, seed);
    // The generator's own launches are not the reference's.
    (void)take_launch_counts();
    std::vector<host_tensor> expected = make_outputs(m_spec, size_set::test);
    std::vector<const void*> in_ptrs;
    std::vector<void*> out_ptrs;
    const hipkb_args golden_args = make_host_args(inputs.host(), expected, inputs.dims(), in_ptrs, out_ptrs);
    if (const int rc = golden.run(golden_args); rc != 0) {
        throw harness_failure(fmt::format("the golden of {} returned {}", m_spec.name, rc));
    }
    const std::vector<host_tensor> got = run_reference(inputs, size_set::test);
    count_reference_launches();
    for (std::size_t i = 0; i < m_spec.outputs.size(); ++i) {
        const tolerance tol = m_spec.tolerance_for(m_spec.outputs[i]);
        const comparison result = compare(got[i], expected[i], tol);
        if (!result.passed()) return describe(result, expected[i], tol, seed);
    }
    return std::nullopt;
}

// Correctness seed number n runs forward, reverse, shuffled, forward, ...
// on cpu execution (GPUs choose their own order).
thread_order bench_session::order_for(std::size_t n) const {
    if (!is_cpu()) return thread_order::forward;
    constexpr thread_order cycle[] = {thread_order::forward, thread_order::reverse, thread_order::shuffled};
    return cycle[n % 3];
}

// The thread orders other than `tried` under which `passes` holds (cpu
// execution only; empty elsewhere).
template <typename Passes>
std::vector<thread_order> bench_session::other_orders_where(thread_order tried, Passes passes) {
    std::vector<thread_order> found;
    if (!is_cpu()) return found;
    for (const thread_order other : {thread_order::forward, thread_order::reverse, thread_order::shuffled}) {
        if (other != tried && passes(other)) found.push_back(other);
    }
    return found;
}

std::string bench_session::order_names(const std::vector<thread_order>& orders) {
    std::string names;
    for (const thread_order order : orders)
        names += (names.empty() ? "" : " and ") + std::string(thread_order_name(order));
    return names;
}

// Loads the candidate and checks it against the reference on every seed.
void bench_session::check_candidate() {
    const std::string status = compile_status_text();
    if (status == "failed") {
        record_compile_failure();
        return;
    }
    // Before the module is loaded: loading runs its global constructors.
    if (*m_config.compile_log != '\0') {
        if (const auto violation = read_host_code_violation(policy_file_for(m_config.compile_log))) {
            fail("forbidden_host_code", violation->message, violation->details);
            return;
        }
    }
    try {
        m_candidate.emplace(m_config.candidate_module);
    } catch (const module_error& error) {
        fail("load_error", fmt::format("load_error: {}", error.what()));
        return;
    }
    if (*m_config.cpu_compile_log != '\0' && read_status(m_config.cpu_compile_log) == "failed") {
        const std::string log = head_of_log(m_config.cpu_compile_log, 20);
        m_verdict["cpu_compile_errors"] = log;
        fail("cpu_unsupported",
             "cpu_unsupported: the candidate compiles for the GPU but not for hipkb's CPU execution layer, so "
             "its correctness is unknown here: " +
                 first_error_line(log),
             {{"compile_log", m_config.cpu_compile_log}});
        return;
    }
    if (m_candidate->compile_failed()) {
        record_compile_failure();
        return;
    }
    for (std::size_t n = 0; n < m_spec.seeds.size(); ++n) {
        const std::uint64_t seed = m_spec.seeds[n];
        const thread_order order = order_for(n);
        set_thread_order(order, seed);
        if (is_cpu()) m_verdict["thread_orders"].push_back({{"seed", seed}, {"order", thread_order_name(order)}});
        const device_inputs inputs = make_inputs(m_sizes, seed);
        const sealed_answer expected(run_reference(inputs, m_sizes));
        std::optional<std::vector<host_tensor>> got;
        try {
            got = run_candidate(inputs);
        } catch (const device_error& error) {
            fail("launch_error", fmt::format("launch_error: seed {}: {}", seed, error.what()));
            return;
        }
        if (!got) return;
        if (!outputs_match(*got, expected, seed, "")) {
            report_if_schedule_dependent(seed, order);
            return;
        }
    }
    if (is_cpu() && !recheck_repeated_calls()) return;
    m_verdict["correct"] = true;
}

// cpu execution times nothing, so the checks a GPU run makes around its
// timed launches happen here, on two more calls with the same buffers:
// inputs changed in place before each, outputs poisoned, then the guard
// bytes, the inputs and the answer checked. A candidate that caches by
// pointer or by content, or turns on its inputs after the correctness
// seeds, fails as it would after timing on a GPU.
bool bench_session::recheck_repeated_calls() {
    set_thread_order(thread_order::forward, 0);
    prepare_timing();
    device_outputs& outputs = *m_candidate_timing_outputs;
    const hipkb_args args = make_args(*m_timing_inputs, outputs, m_stream);
    for (int call = 0; call < 2; ++call) {
        m_timing_inputs->perturb(m_launches++, m_stream);
        outputs.poison(m_stream);
        m_stream.synchronize();
        const std::optional<std::size_t> threads_before = count_threads();
        const int rc = m_candidate->run(args);
        const std::optional<std::size_t> threads_after = count_threads();
        if (rc != 0) {
            fail("launch_error",
                 fmt::format("launch_error: on a repeated call: hipkb_run returned {}", error_string(rc)));
            return false;
        }
        if (!no_thread_left(threads_before, threads_after, "on a repeated call")) return false;
        if (!buffers_intact(outputs, *m_timing_inputs, "on a repeated call: ", "on a repeated call: ")) return false;
        const std::vector<host_tensor> got = outputs.download();
        const sealed_answer expected(run_reference(*m_timing_inputs, m_sizes));
        if (!outputs_match(got, expected, m_timing_inputs->seed(), "recheck_mismatch")) return false;
    }
    return true;
}

// A candidate that failed on `seed` under one thread order and passes
// under another has a race: the failure says so, with the orders.
void bench_session::report_if_schedule_dependent(std::uint64_t seed, thread_order failed_order) {
    // Only a failure that the same order repeats can be pinned on the
    // order: a candidate whose answers change from call to call (a cache,
    // a counter) keeps the failure it got.
    if (!is_cpu() || candidate_passes(seed, failed_order)) return;
    const std::vector<thread_order> passing =
        other_orders_where(failed_order, [&](thread_order other) { return candidate_passes(seed, other); });
    if (passing.empty()) return;
    json details = m_failure->details;
    details["seed"] = seed;
    details["failing_order"] = thread_order_name(failed_order);
    details["passing_orders"] = json::array();
    for (const thread_order order : passing) details["passing_orders"].push_back(thread_order_name(order));
    fail("schedule_dependent",
         fmt::format("schedule_dependent: seed {}: correct when the threads of a block run in {} order, wrong in "
                     "{} order ({}): a race between threads (a missing __syncthreads, or a shared element "
                     "written by two threads)",
                     seed, order_names(passing), thread_order_name(failed_order), m_failure->message),
         details);
}

// Whether the candidate matches the reference on `seed` under `order`.
bool bench_session::candidate_passes(std::uint64_t seed, thread_order order) {
    try {
        return candidate_passes_or_throws(seed, order);
    } catch (const device_error&) {
        return false;
    }
}

bool bench_session::candidate_passes_or_throws(std::uint64_t seed, thread_order order) {
    set_thread_order(order, seed);
    const device_inputs inputs = make_inputs(m_sizes, seed);
    const sealed_answer expected(run_reference(inputs, m_sizes));
    device_outputs outputs(m_spec, m_sizes);
    outputs.poison(m_stream);
    if (m_candidate->run(make_args(inputs, outputs, m_stream)) != 0) {
        (void)error_string(0);  // drops the failed launch's reason
        return false;
    }
    const std::vector<host_tensor> got = outputs.download();
    for (std::size_t i = 0; i < m_spec.outputs.size(); ++i) {
        if (!expected.compare(i, got[i], m_spec.tolerance_for(m_spec.outputs[i])).passed()) return false;
    }
    return true;
}

}  // namespace hipkb::detail
