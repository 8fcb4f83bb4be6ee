// Timing: warm-up, calibration of launches per repetition, and the timed
// launches Google Benchmark reports.
#include "bench_session.hpp"

#include <hipkb/core/process_probes.hpp>
#include <hipkb/core/statistics.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

namespace hipkb::detail {

namespace {

// Below this the two clocks' disagreement is read overhead and scheduling,
// not a patched clock.
constexpr double clock_discrepancy_floor_seconds = 20e-6;

}  // namespace

bench_session::launch_times bench_session::timed_run(const implementation_module& impl, device_outputs& outputs,
                                                     const hipkb_args& args, inputs_change change) {
    if (change == inputs_change::yes) m_timing_inputs->perturb(m_launches++, m_stream);
    outputs.poison(m_stream);
    m_flusher.flush(m_stream);
    // Read for the reference too, so both sides pay the same, and before
    // either clock starts.
    const std::optional<std::size_t> threads_before = count_threads();
    const double raw_start = monotonic_seconds_by_syscall();
    const auto wall_start = std::chrono::steady_clock::now();
    m_timer.start(m_stream);
    const auto host_start = std::chrono::steady_clock::now();
    const int status = impl.run(args);
    const double host_seconds = seconds_since(host_start);
    m_timer.stop(m_stream);
    const double event_seconds = m_timer.seconds();
    synchronize_device();
    const double wall_seconds = seconds_since(wall_start);
    const double raw_seconds = monotonic_seconds_by_syscall() - raw_start;
    // Outside every timed interval (reading /proc costs tens of us); a
    // thread the call left running is still there.
    const std::optional<std::size_t> threads_after = count_threads();
    std::optional<long> threads_added;
    if (threads_before && threads_after) {
        threads_added = static_cast<long>(*threads_after) - static_cast<long>(*threads_before);
    }
    if (&impl != &m_reference && threads_added && *threads_added > 0 && !m_thread_left_while_timed) {
        m_thread_left_while_timed = fmt::format(
            "on timed launch {}, the process had {} threads after the launch "
            "was synchronized and {} when hipkb_run was called",
            m_launches, *threads_after, *threads_before);
    }
    return {event_seconds, wall_seconds, host_seconds, status, raw_seconds - wall_seconds, threads_added};
}

bool bench_session::timed_calls_honest(const std::vector<double>& wall_times) {
    if (m_thread_left_while_timed) {
        fail("thread_left_running",
             fmt::format("thread_left_running: {}: the candidate left a thread running, so work can go on after "
                         "the call, off the clock (host threads are not allowed in a candidate)",
                         *m_thread_left_while_timed));
        return false;
    }
    if (m_clock_discrepancies.empty() || wall_times.empty()) return true;
    // The system call's interval encloses the library's, so it is never
    // shorter; a preempted read makes single launches disagree, the median
    // does not. A clock that loses the candidate's own time shows here.
    const double discrepancy = median(m_clock_discrepancies);
    const double wall = median(wall_times);
    const double allowed = std::max(clock_discrepancy_floor_seconds, 0.05 * (wall + discrepancy));
    m_verdict["clock_discrepancy_seconds"] = discrepancy;
    if (discrepancy > allowed) {
        fail("clock_tampered",
             fmt::format("clock_tampered: per timed launch the clock read through a direct system call saw {:.3g} s "
                         "more than the C library's clock (median; the library saw {:.3g} s, at most {:.3g} s more "
                         "is noise): the timing calls were interposed or patched from inside the process",
                         discrepancy, wall, allowed),
             {{"clock_discrepancy_seconds", discrepancy}, {"library_wall_seconds", wall}});
        return false;
    }
    return true;
}

// The reference's timing outputs stay allocated while the candidate is
// timed; they must not hold an answer it could find and copy.
void bench_session::forget_result(device_outputs& outputs) {
    outputs.poison(m_stream);
    m_stream.synchronize();
}

double bench_session::seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The implementation to time with its outputs and arguments, warmed up.
bench_session::timing_target bench_session::ready_for_timing(bool candidate) {
    prepare_timing();
    const implementation_module& impl = candidate ? *m_candidate : m_reference;
    device_outputs& outputs = candidate ? *m_candidate_timing_outputs : *m_reference_timing_outputs;
    const hipkb_args args = make_args(*m_timing_inputs, outputs, m_stream);
    warm_up(impl, args, candidate ? m_candidate_warm : m_reference_warm);
    return {impl, outputs, args};
}

// Launches per repetition: enough for `target_seconds` of measured time,
// but no more than `max_wall_seconds` of wall time per repetition (the
// cache flush and checks around each launch cost more than a tiny kernel).
// Google Benchmark's own search would run a 1 us kernel a million times.
benchmark::IterationCount bench_session::calibrate(bool candidate, double target_seconds, double max_wall_seconds) {
    const timing_target target = ready_for_timing(candidate);
    const implementation_module& impl = target.impl;
    device_outputs& outputs = target.outputs;
    const hipkb_args args = target.args;
    std::vector<double> event_times;
    std::vector<double> wall_times;
    for (int n = 0; n < 3; ++n) {
        // The system call's clock: a candidate that patched the library's
        // must not talk the harness into a launch count it cannot afford.
        const double iteration_start = monotonic_seconds_by_syscall();
        event_times.push_back(timed_run(impl, outputs, args, inputs_change::yes).event_seconds);
        // The whole iteration, flush and checks included: that is what the budget pays for.
        wall_times.push_back(monotonic_seconds_by_syscall() - iteration_start);
    }
    if (!candidate) forget_result(outputs);
    const double per_launch = std::max(median(event_times), 1e-9);
    const double per_iteration_wall = std::max(median(wall_times), 1e-9);
    const double wanted = std::ceil(target_seconds / per_launch);
    const double affordable = std::floor(max_wall_seconds / per_iteration_wall);
    const double chosen = std::clamp(std::min(wanted, affordable), 1.0, 100000.0);
    return static_cast<benchmark::IterationCount>(chosen);
}

// Time one implementation; a candidate is also checked for escaping the
// stream, writing out of bounds, caching results and being wrong on the
// timing inputs.
void bench_session::time(benchmark::State& state, bool candidate) {
    try {
        time_or_throw(state, candidate);
    } catch (const device_error& error) {
        // A device fault after the correctness check (an illegal address
        // during timing, say) must not leave the verdict saying correct, and
        // on CUDA the context is unusable from here on: nothing else runs.
        record_device_fault(error.what(), candidate);
        state.SkipWithError(m_skip_message.c_str());
    }
}

void bench_session::record_device_fault(const std::string& what, bool candidate) {
    m_device_lost = true;
    m_skip_message = "launch_error: a device fault while timed: " + what;
    if (candidate || is_candidate()) {
        if (!m_failure) fail("launch_error", m_skip_message);
    } else {
        m_verdict["correct"] = false;
        m_verdict["device_fault"] = m_skip_message;
    }
}

void bench_session::time_or_throw(benchmark::State& state, bool candidate) {
    if (m_device_lost || (candidate && m_failure)) {
        state.SkipWithError(m_failure ? m_failure->message.c_str() : m_skip_message.c_str());
        for (auto _ : state) {
        }
        return;
    }
    const timing_target target = ready_for_timing(candidate);
    const implementation_module& impl = target.impl;
    device_outputs& outputs = target.outputs;
    const hipkb_args args = target.args;
    std::vector<double> event_times;
    std::vector<double> wall_times;
    std::vector<double> host_times;
    m_clock_discrepancies.clear();
    for (auto _ : state) {
        const launch_times launch = timed_run(impl, outputs, args, inputs_change::yes);
        if (candidate) m_clock_discrepancies.push_back(launch.clock_discrepancy_seconds);
        if (launch.status != 0) {
            m_skip_message = fmt::format("launch_error: hipkb_run returned {}", error_string(launch.status));
            state.SkipWithError(m_skip_message.c_str());
            break;
        }
        state.SetIterationTime(launch.event_seconds);
        event_times.push_back(launch.event_seconds);
        wall_times.push_back(launch.wall_seconds);
        host_times.push_back(launch.host_seconds);
    }
    if (!candidate) forget_result(outputs);
    if (event_times.empty()) return;
    const double mean = summarize(event_times).mean;
    // What the hipkb_run call costs on the host, reported beside the device
    // time it overlaps.
    state.counters["host_call_seconds"] = benchmark::Counter(median(host_times));
    if (const double flops = m_spec.flop_count(m_sizes); flops > 0 && mean > 0) {
        state.counters["FLOP/s"] = benchmark::Counter(flops / mean);
        if (m_measured_flops > 0) {
            state.counters["flops_%_of_measured"] = benchmark::Counter(100.0 * flops / mean / m_measured_flops);
        }
    }
    if (const double bytes = m_spec.byte_count(m_sizes); bytes > 0 && mean > 0) {
        state.counters["bytes/s"] = benchmark::Counter(bytes / mean);
        if (m_device.peak_bandwidth_bytes_per_second > 0) {
            state.counters["bandwidth_%_of_peak"] =
                benchmark::Counter(100.0 * bytes / mean / m_device.peak_bandwidth_bytes_per_second);
        }
        if (m_measured_bandwidth > 0) {
            state.counters["bandwidth_%_of_measured"] = benchmark::Counter(100.0 * bytes / mean / m_measured_bandwidth);
        }
    }
    if (!candidate) {
        m_reference_gap = median(wall_times) - median(event_times);
        m_reference_gaps.clear();
        for (std::size_t n = 0; n < wall_times.size(); ++n) m_reference_gaps.push_back(wall_times[n] - event_times[n]);
        if (!is_candidate()) m_verdict["timed"] = true;
        return;
    }
    m_verdict["timed"] = true;
    if (!check_after_timing(impl, outputs, args, event_times, wall_times)) {
        state.SkipWithError(m_failure->message.c_str());
    }
}

// Launches until the last five event times agree within 5% (CV), at
// least three launches and at most one second, so clocks, code caches
// and lazy runtime initialisation settle before timing.
void bench_session::warm_up(const implementation_module& impl, const hipkb_args& args, bool& done) {
    if (done) return;
    // The cap on the system call's clock, which a candidate cannot patch.
    const double start = monotonic_seconds_by_syscall();
    std::vector<double> recent;
    for (int n = 0; n < 10000; ++n) {
        m_timer.start(m_stream);
        (void)impl.run(args);
        m_timer.stop(m_stream);
        recent.push_back(m_timer.seconds());
        synchronize_device();
        if (recent.size() > 5) recent.erase(recent.begin());
        const bool stable = recent.size() == 5 && summarize(recent).cv < 0.05;
        if ((n >= 2 && stable) || monotonic_seconds_by_syscall() - start > 1.0) break;
    }
    done = true;
}

}  // namespace hipkb::detail
