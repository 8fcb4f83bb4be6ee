// After a candidate's timed launches: work hidden from the clock, writes out
// of bounds, changed inputs, a wrong answer on the timing inputs, cached
// results.
#include "bench_session.hpp"

#include <hipkb/core/statistics.hpp>

#include <fmt/core.h>

#include <algorithm>

namespace hipkb::detail {

namespace {

// Below this a kernel's time is mostly launch overhead; the caching probe
// would compare noise.
constexpr double caching_floor_seconds = 20e-6;

}  // namespace

// The checks after a candidate's timed launches; false (with the failure
// recorded) when one fails.
bool bench_session::check_after_timing(const implementation_module& impl, device_outputs& outputs,
                                       const hipkb_args& args, const std::vector<double>& event_times,
                                       const std::vector<double>& wall_times) {
    // First: a patched clock or a thread left running make every figure
    // below (and the time reported) meaningless.
    if (!timed_calls_honest(wall_times)) return false;
    // Device events only see work on the harness's stream; work launched
    // elsewhere still has to finish before the device-wide synchronize.
    // The gap between the two clocks is compared with the reference's
    // gap, measured the same way in this process, so launch and
    // synchronize overhead cancel out.
    const double event_median = median(event_times);
    const double wall_median = median(wall_times);
    const double gap = wall_median - event_median;
    const double hidden = gap - m_reference_gap.value_or(0.0);
    // The slack comes from the reference's own gap spread on this device
    // (host scheduling noise), not from a guess.
    const double slack = unsynchronized_slack(m_reference_gaps);
    m_verdict["unsynchronized_slack_seconds"] = slack;
    if (hidden > std::max(slack, 0.5 * event_median)) {
        fail("unsynchronized_work",
             fmt::format("unsynchronized_work: the device stayed busy {:.3g} s after the harness stream finished "
                         "(median event time {:.3g} s, median wall time to a device-wide synchronize {:.3g} s, "
                         "the reference's gap {:.3g} s): work was launched on another stream or left running",
                         hidden, event_median, wall_median, m_reference_gap.value_or(0.0)));
        return false;
    }
    // The recheck below runs the reference on these inputs: a candidate
    // that overwrote them (zeroes, say) could make the reference agree
    // with a cheap output.
    if (!buffers_intact(outputs, *m_timing_inputs, "", "while timed: ")) return false;
    // The last launch's output against the reference on the same
    // (perturbed) inputs.
    {
        const std::vector<host_tensor> got = outputs.download();
        const sealed_answer expected(run_reference(*m_timing_inputs, m_sizes));
        if (!outputs_match(got, expected, m_timing_inputs->seed(), "recheck_mismatch")) {
            return false;
        }
    }  // the answer and its decoy are gone before the candidate runs again
    return probe_for_caching(impl, outputs, args, event_median);
}

// A result cache shows as launches on unchanged inputs being much faster
// than launches on changing ones; an honest kernel does the same work.
bool bench_session::probe_for_caching(const implementation_module& impl, device_outputs& outputs,
                                      const hipkb_args& args, double changing_median) {
    if (m_cache_probed || changing_median < caching_floor_seconds) return true;
    m_cache_probed = true;
    std::vector<double> same_input_times;
    for (int n = 0; n < 7; ++n) {
        // Exactly the timed path's preparation, inputs left unchanged: an
        // honest candidate's host-side setup then costs the same here.
        same_input_times.push_back(timed_run(impl, outputs, args, inputs_change::no).event_seconds);
    }
    const double same_median = median(same_input_times);
    m_verdict["cache_probe"] = {{"changing_inputs_median_seconds", changing_median},
                                {"same_inputs_median_seconds", same_median}};
    if (same_median < 0.5 * changing_median) {
        fail("result_caching",
             fmt::format("result_caching: on unchanged inputs the candidate takes {:.3g} s, on changing inputs "
                         "{:.3g} s ({:.1f}x faster): it reuses earlier results",
                         same_median, changing_median, changing_median / same_median));
        return false;
    }
    return true;
}

}  // namespace hipkb::detail
