#pragma once
// Everything one bench executable measures, alive for the whole run. Its
// jobs live in one file each:
//   bench_session.cpp        setup, the verdict, running the implementations, comparing outputs
//   device_floors.cpp        launch and event floors, the copy-bandwidth and FMA rooflines
//   correctness_checks.cpp   reference against golden, candidate against reference, thread orders
//   timing.cpp               warm-up, calibration and the timed launches
//   after_timing_checks.cpp  what a candidate is checked for after its timed launches
#include <hipkb/bench/bench_config.hpp>
#include <hipkb/bench/device_input_generator.hpp>
#include <hipkb/bench/module.hpp>
#include <hipkb/bench/workload.hpp>
#include <hipkb/core/correctness.hpp>
#include <hipkb/core/sealed_answer.hpp>
#include <hipkb/core/seed_secret.hpp>
#include <hipkb/core/spec.hpp>
#include <hipkb/device/device.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hipkb::detail {

using json = nlohmann::json;

// A named failure of the candidate: the first thing that went wrong.
struct failure {
    std::string kind;
    std::string message;
    json details = json::object();
};

// Thrown when the problem or the harness is broken (not the candidate).
struct harness_failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A comparison's figures for the verdict's failure record.
[[nodiscard]] json comparison_details(const comparison& result, const tensor_spec& output, const tolerance& tol,
                                      std::uint64_t seed, const std::vector<std::int64_t>& shape);
// The first `max_lines` lines of a compile log.
[[nodiscard]] std::string head_of_log(const std::filesystem::path& log, std::size_t max_lines);
// The first line of a compile log that names an error (else its first line).
[[nodiscard]] std::string first_error_line(const std::string& log);

class bench_session {
public:
    // `seed_secret` is mixed into every seed the session uses
    // (hipkb/core/seed_secret.hpp); 0 keeps the public seeds.
    bench_session(const bench_config& config, device_info device, std::uint64_t seed_secret);

    [[nodiscard]] bool is_candidate() const { return *m_config.candidate_module != '\0'; }
    [[nodiscard]] const problem_spec& spec() const { return m_spec; }
    [[nodiscard]] std::uint64_t seed_secret() const { return m_seeds.secret; }
    [[nodiscard]] const json& verdict() const { return m_verdict; }
    [[nodiscard]] bool candidate_failed() const { return m_failure.has_value(); }
    [[nodiscard]] const failure& candidate_failure() const { return *m_failure; }

    // The smallest times this device can report: an empty event pair, and a
    // one-byte memset (the cheapest launch). Kernels near these are mostly
    // overhead, and their speedups say little.
    void measure_floors();

    // Rooflines are context for the numbers, not the numbers themselves: a
    // device that cannot run a probe (too little memory for the copy, a
    // probe that fails to load) is measured without them.
    void measure_rooflines();

    // The best rate (`work` units per second) of `launch`, which enqueues
    // one run on the harness stream and returns hipkb_run-style status: one
    // warm-up run (first touch, code loading), then the best of five.
    template <typename Launch>
    double best_rate(double work, const char* what, Launch launch);

    void record_roofline(const std::string& key, double value);

    // The bandwidth this device reaches in practice: device-to-device copies
    // of a buffer well beyond the L2 (read plus write bytes over time).
    // Kernels are rated against it as well as against the theoretical peak
    // from clock and bus width, which no kernel reaches.
    void measure_copy_bandwidth();

    // The fp32 arithmetic this device reaches in practice: launches of the
    // FMA probe module over a full-occupancy grid.
    void measure_compute_peak();

    // The reference against the CPU golden at the spec's test sizes. On cpu
    // execution each seed runs the block's threads in another order, and a
    // disagreement that another order does not show is a race in the
    // reference.
    void check_reference_against_golden();

    // The inputs of one seed, drawn on the device where a generator exists.
    [[nodiscard]] device_inputs make_inputs(size_set sizes, std::uint64_t seed) const;
    // cpu execution: adds the launches counted since the last call to the
    // reference's (the input generator's launches are taken away before).
    void count_reference_launches();
    // Why the reference and the golden disagree on `seed`, if they do.
    std::optional<std::string> reference_disagrees(const implementation_module& golden, std::uint64_t seed,
                                                   thread_order order);

    [[nodiscard]] bool is_cpu() const { return platform_name() == "cpu"; }

    // Correctness seed number n runs forward, reverse, shuffled, forward, ...
    // on cpu execution (GPUs choose their own order).
    [[nodiscard]] thread_order order_for(std::size_t n) const;

    // The thread orders other than `tried` under which `passes` holds (cpu
    // execution only; empty elsewhere).
    template <typename Passes>
    std::vector<thread_order> other_orders_where(thread_order tried, Passes passes);

    static std::string order_names(const std::vector<thread_order>& orders);

    // Loads the candidate and checks it against the reference on every seed.
    void check_candidate();

    // cpu execution times nothing, so the checks a GPU run makes around its
    // timed launches happen here, on two more calls with the same buffers:
    // inputs changed in place before each, outputs poisoned, then the guard
    // bytes, the inputs and the answer checked. A candidate that caches by
    // pointer or by content, or turns on its inputs after the correctness
    // seeds, fails as it would after timing on a GPU.
    bool recheck_repeated_calls();

    // A candidate that failed on `seed` under one thread order and passes
    // under another has a race: the failure says so, with the orders.
    void report_if_schedule_dependent(std::uint64_t seed, thread_order failed_order);

    // Whether the candidate matches the reference on `seed` under `order`.
    bool candidate_passes(std::uint64_t seed, thread_order order);

    bool candidate_passes_or_throws(std::uint64_t seed, thread_order order);

    struct launch_times {
        double event_seconds;  // between the events on the harness stream
        double wall_seconds;   // from queuing the start event to a device-wide synchronize
        double host_seconds;   // the hipkb_run call itself on the host
        int status;            // what hipkb_run returned
        // The same wall interval read through a direct system call minus
        // wall_seconds: near zero unless the C library's clock was patched.
        double clock_discrepancy_seconds;
        // Threads of the process right after hipkb_run returned minus right
        // before it was called; nullopt where /proc/self/task is unreadable.
        std::optional<long> threads_added;
    };

    enum class inputs_change { yes, no };

    // One timed launch, prepared the same way for timing and for the caching
    // probe: new input bytes (unless the probe wants them unchanged),
    // poisoned outputs and a flushed cache, all queued on the harness stream
    // ahead of the start event with no host synchronize in between. The
    // host's launch call and any setup in hipkb_run then overlap the flush
    // on the device, as in KernelBench, instead of sitting inside every timed
    // interval; setup longer than the flush still shows in the event time.
    // The device-wide synchronize after keeps work left on other streams from
    // spilling into the next launch, and its time shows in the wall clock.
    launch_times timed_run(const implementation_module& impl, device_outputs& outputs, const hipkb_args& args,
                           inputs_change change);

    // The reference's timing outputs stay allocated while the candidate is
    // timed; they must not hold an answer it could find and copy.
    void forget_result(device_outputs& outputs);

    static double seconds_since(std::chrono::steady_clock::time_point start);

    struct timing_target {
        const implementation_module& impl;
        device_outputs& outputs;
        hipkb_args args;
    };

    // The implementation to time with its outputs and arguments, warmed up.
    timing_target ready_for_timing(bool candidate);

    // Launches per repetition: enough for `target_seconds` of measured time,
    // but no more than `max_wall_seconds` of wall time per repetition (the
    // cache flush and checks around each launch cost more than a tiny kernel).
    // Google Benchmark's own search would run a 1 us kernel a million times.
    benchmark::IterationCount calibrate(bool candidate, double target_seconds, double max_wall_seconds);

    // Time one implementation; a candidate is also checked for escaping the
    // stream, writing out of bounds, caching results and being wrong on the
    // timing inputs.
    void time(benchmark::State& state, bool candidate);
    void time_or_throw(benchmark::State& state, bool candidate);

    // A device fault after the correctness check: a named failure (the
    // candidate's, or the reference's verdict marked), and no more launches.
    void record_device_fault(const std::string& what, bool candidate);

private:
    std::string compile_status_text() const;

    // The compile guard's word on a log: compiled, failed, or unknown.
    static std::string read_status(const std::string& log);

    void record_compile_failure();

    void fail(std::string kind, std::string message, json details = json::object());

    std::vector<host_tensor> run_reference(const device_inputs& inputs, size_set sizes);

    // The guard bytes around the outputs and the inputs, after a call; false
    // (with out_of_bounds_write or input_modified recorded, the message
    // prefixed by the context) when either was written.
    bool buffers_intact(const device_outputs& outputs, const device_inputs& inputs, std::string_view guard_context,
                        std::string_view input_context);

    // nullopt (with the failure recorded) when the launch itself failed.
    std::optional<std::vector<host_tensor>> run_candidate(const device_inputs& inputs);

    // False (with thread_left_running recorded) when a candidate's call left
    // more threads in the process than it found: work going on after
    // hipkb_run returned, off the clock and past the checks.
    bool no_thread_left(std::optional<std::size_t> before, std::optional<std::size_t> after, std::string_view when);

    // The timing calls' own checks, made after each repetition: no thread
    // left running by a timed call, and the C library's clock agreeing with
    // the system call's (clock_tampered otherwise).
    bool timed_calls_honest(const std::vector<double>& wall_times);

    // Compares every output; records the first failure. `kind_override`
    // replaces the kind (a recheck after timing is its own kind of failure).
    bool outputs_match(const std::vector<host_tensor>& got, const sealed_answer& expected, std::uint64_t seed,
                       const std::string& kind_override);

    void prepare_timing();

    // The checks after a candidate's timed launches; false (with the failure
    // recorded) when one fails.
    bool check_after_timing(const implementation_module& impl, device_outputs& outputs, const hipkb_args& args,
                            const std::vector<double>& event_times, const std::vector<double>& wall_times);

    // A result cache shows as launches on unchanged inputs being much faster
    // than launches on changing ones; an honest kernel does the same work.
    bool probe_for_caching(const implementation_module& impl, device_outputs& outputs, const hipkb_args& args,
                           double changing_median);

    // Launches until the last five event times agree within 5% (CV), at
    // least three launches and at most one second, so clocks, code caches
    // and lazy runtime initialisation settle before timing.
    void warm_up(const implementation_module& impl, const hipkb_args& args, bool& done);

    // Goldens stand in for references on the host platform and are written
    // for clarity, not speed, so the host platform measures at test sizes.
    // cpu execution gives correctness only, at the test sizes too.
    static size_set benchmark_sizes();

    const bench_config& m_config;
    // Its `seeds` are the run's effective correctness seeds, not the spec
    // file's: input generation finds a seed's distribution (also_init) by
    // its position in that list.
    problem_spec m_spec;
    run_seeds m_seeds;
    device_info m_device;
    stream m_stream;
    event_timer m_timer;
    implementation_module m_reference;
    std::optional<implementation_module> m_candidate;
    l2_flusher m_flusher;
    // Draws the inputs on the device (absent on the host platform).
    std::optional<device_input_generator> m_input_generator;
    std::optional<launch_counts> m_reference_launches;  // cpu execution, during the golden check
    std::optional<device_inputs> m_timing_inputs;
    std::optional<device_outputs> m_reference_timing_outputs;
    std::optional<device_outputs> m_candidate_timing_outputs;
    std::optional<failure> m_failure;
    std::string m_skip_message;
    size_set m_sizes;
    std::uint64_t m_launches = 0;
    std::optional<double> m_reference_gap;  // wall minus event time of the reference
    std::vector<double> m_reference_gaps;   // the same, per timed launch of the last reference repetition
    double m_measured_bandwidth = 0.0;      // bytes/s of a device-to-device copy; 0 until measured
    double m_measured_flops = 0.0;          // fp32 FMA FLOP/s of the probe; 0 until measured (or on host)
    // Set by the first timed candidate launch that left a thread running.
    std::optional<std::string> m_thread_left_while_timed;
    // clock_discrepancy_seconds of the candidate's timed launches in the
    // current repetition.
    std::vector<double> m_clock_discrepancies;
    bool m_cache_probed = false;
    bool m_reference_warm = false;
    bool m_candidate_warm = false;
    bool m_device_lost = false;  // a device fault happened: launch nothing more
    json m_verdict;
};

}  // namespace hipkb::detail
