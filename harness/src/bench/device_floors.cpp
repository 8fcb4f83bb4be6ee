// What the device can do at best, as context for every number: the launch
// and event floors, the copy bandwidth and the fp32 FMA rate.
#include "bench_session.hpp"

#include <hipkb/core/statistics.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <utility>

namespace hipkb::detail {

// The smallest times this device can report: an empty event pair, and a
// one-byte memset (the cheapest launch). Kernels near these are mostly
// overhead, and their speedups say little.
void bench_session::measure_floors() {
    device_memory one_byte(1);
    std::vector<double> empty;
    std::vector<double> tiny;
    for (int n = 0; n < 21; ++n) {
        m_timer.start(m_stream);
        m_timer.stop(m_stream);
        empty.push_back(m_timer.seconds());
        m_timer.start(m_stream);
        one_byte.fill(0, m_stream);
        m_timer.stop(m_stream);
        tiny.push_back(m_timer.seconds());
    }
    m_verdict["event_floor_seconds"] = median(empty);
    m_verdict["launch_floor_seconds"] = median(tiny);
    benchmark::AddCustomContext("hipkb.event_floor_seconds", fmt::format("{:g}", median(empty)));
    benchmark::AddCustomContext("hipkb.launch_floor_seconds", fmt::format("{:g}", median(tiny)));
}

// Rooflines are context for the numbers, not the numbers themselves: a
// device that cannot run a probe (too little memory for the copy, a
// probe that fails to load) is measured without them.
void bench_session::measure_rooflines() {
    for (const auto& [name, measure] : {std::pair{"copy bandwidth", &bench_session::measure_copy_bandwidth},
                                        std::pair{"fp32 FMA peak", &bench_session::measure_compute_peak}}) {
        try {
            (this->*measure)();
        } catch (const std::exception& error) {
            m_verdict["roofline_errors"].push_back(fmt::format("{}: {}", name, error.what()));
            fmt::print(stderr, "hipkb: {}: not measured: {}\n", name, error.what());
        }
    }
}

// The best rate (`work` units per second) of `launch`, which enqueues
// one run on the harness stream and returns hipkb_run-style status: one
// warm-up run (first touch, code loading), then the best of five.
template <typename Launch>
double bench_session::best_rate(double work, const char* what, Launch launch) {
    double best = 0.0;
    for (int n = 0; n < 6; ++n) {
        m_timer.start(m_stream);
        const int rc = launch();
        m_timer.stop(m_stream);
        const double seconds = m_timer.seconds();
        if (rc != 0) throw harness_failure(fmt::format("the {} failed to launch: {}", what, error_string(rc)));
        if (n > 0 && seconds > 0) best = std::max(best, work / seconds);
    }
    return best;
}

void bench_session::record_roofline(const std::string& key, double value) {
    m_verdict[key] = value;
    benchmark::AddCustomContext("hipkb." + key, fmt::format("{:g}", value));
}

// The bandwidth this device reaches in practice: device-to-device copies
// of a buffer well beyond the L2 (read plus write bytes over time).
// Kernels are rated against it as well as against the theoretical peak
// from clock and bus width, which no kernel reaches.
void bench_session::measure_copy_bandwidth() {
    const std::size_t bytes =
        platform_name() == "host"
            ? std::size_t{4} << 20  // exercises the path; host runs are not rated
            : std::clamp<std::size_t>(8 * m_device.l2_bytes, std::size_t{64} << 20, std::size_t{512} << 20);
    device_memory from(bytes);
    device_memory to(bytes);
    from.fill(0x3C, m_stream);
    m_measured_bandwidth = best_rate(2.0 * static_cast<double>(bytes), "device-to-device copy", [&] {
        to.copy_from(from, bytes, m_stream);
        return 0;
    });
    record_roofline("measured_copy_bandwidth_bytes_per_second", m_measured_bandwidth);
}

// The fp32 arithmetic this device reaches in practice: launches of the
// FMA probe module over a full-occupancy grid.
void bench_session::measure_compute_peak() {
    if (*m_config.peak_probe_module == '\0') return;  // host platform: no probe
    const implementation_module probe(m_config.peak_probe_module);
    const std::int64_t threads = 256;
    const std::int64_t blocks = std::max<std::int64_t>(1, m_device.multiprocessors) * 8;
    device_memory sums(static_cast<std::size_t>(blocks * threads) * sizeof(float));
    void* outputs[] = {sums.get()};
    std::int64_t dims[] = {blocks, threads, 512};
    hipkb_args args{};
    args.outputs = outputs;
    args.num_outputs = 1;
    args.dims = dims;
    args.num_dims = 3;
    args.stream = m_stream.handle();
    const auto timed_probe = [&] {
        m_timer.start(m_stream);
        const int rc = probe.run(args);
        m_timer.stop(m_stream);
        if (rc != 0) throw harness_failure(fmt::format("the FMA probe failed to launch: {}", error_string(rc)));
        return m_timer.seconds();
    };
    // Long enough launches (about 2 ms) that launch latency and the clock's
    // ramp-up are a small part of each: scale the iterations from a short
    // launch, then warm up until three rates in a row agree within 2%.
    (void)timed_probe();
    const double short_seconds = std::max(timed_probe(), 1e-7);
    dims[2] =
        std::clamp<std::int64_t>(static_cast<std::int64_t>(512 * 2e-3 / short_seconds), 512, std::int64_t{1} << 22);
    std::vector<double> recent;
    for (int n = 0; n < 30; ++n) {
        recent.push_back(timed_probe());
        if (recent.size() > 3) recent.erase(recent.begin());
        if (recent.size() == 3 && summarize(recent).cv < 0.02) break;
    }
    m_verdict["fp32_probe_iterations"] = dims[2];
    const double flops = static_cast<double>(blocks * threads * dims[2]) * 8.0 * 2.0;
    m_measured_flops = best_rate(flops, "FMA probe", [&] { return probe.run(args); });
    record_roofline("measured_fp32_flops_per_second", m_measured_flops);
}

}  // namespace hipkb::detail
