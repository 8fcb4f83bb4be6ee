#include "bench_runner.hpp"

#include <hipkb/atomic_file.hpp>
#include <hipkb/correctness.hpp>
#include <hipkb/device.hpp>
#include <hipkb/inputs.hpp>
#include <hipkb/module.hpp>
#include <hipkb/sealed_answer.hpp>
#include <hipkb/spec.hpp>
#include <hipkb/statistics.hpp>
#include <hipkb/workload.hpp>

#include <benchmark/benchmark.h>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace hipkb::detail {

namespace {

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

// Hidden work below this is within the noise of launch and synchronize
// overhead (see docs/trust.md).
constexpr double unsynchronized_slack_seconds = 25e-6;
// Below this a kernel's time is mostly launch overhead; the caching probe
// would compare noise.
constexpr double caching_floor_seconds = 20e-6;

json finite_or_null(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

json comparison_details(const comparison& result, const tensor_spec& output, const tolerance& tol,
                        std::uint64_t seed, const std::vector<std::int64_t>& shape) {
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
    std::istringstream in(log);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find("error") != std::string::npos) return line;
    }
    return log.substr(0, log.find('\n'));
}

// Everything one executable measures, alive for the whole run.
class bench_session {
public:
    bench_session(const bench_config& config, device_info device)
        : m_config(config),
          m_spec(load_spec(config.spec_file)),
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
                     {"execution", m_device.platform == "cpu" || m_device.platform == "host" ? m_device.platform : "gpu"}};
        if (m_device.platform == "cpu") {
            m_verdict["thread_orders"] = json::array();
            m_verdict["warp_size"] = m_device.warp_size;
        }
    }

    [[nodiscard]] bool is_candidate() const { return *m_config.candidate_module != '\0'; }
    [[nodiscard]] const problem_spec& spec() const { return m_spec; }
    [[nodiscard]] const json& verdict() const { return m_verdict; }
    [[nodiscard]] bool candidate_failed() const { return m_failure.has_value(); }
    [[nodiscard]] const failure& candidate_failure() const { return *m_failure; }

    // The smallest times this device can report: an empty event pair, and a
    // one-byte memset (the cheapest launch). Kernels near these are mostly
    // overhead, and their speedups say little.
    void measure_floors() {
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
    void measure_rooflines() {
        for (const auto& [name, measure] :
             {std::pair{"copy bandwidth", &bench_session::measure_copy_bandwidth},
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
    double best_rate(double work, const char* what, Launch launch) {
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

    void record_roofline(const std::string& key, double value) {
        m_verdict[key] = value;
        benchmark::AddCustomContext("hipkb." + key, fmt::format("{:g}", value));
    }

    // The bandwidth this device reaches in practice: device-to-device copies
    // of a buffer well beyond the L2 (read plus write bytes over time).
    // Kernels are rated against it as well as against the theoretical peak
    // from clock and bus width, which no kernel reaches.
    void measure_copy_bandwidth() {
        const std::size_t bytes = platform_name() == "host"
                                      ? std::size_t{4} << 20  // exercises the path; host runs are not rated
                                      : std::clamp<std::size_t>(8 * m_device.l2_bytes, std::size_t{64} << 20,
                                                                std::size_t{512} << 20);
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
    void measure_compute_peak() {
        if (*m_config.peak_probe_module == '\0') return;  // host platform: no probe
        const implementation_module probe(m_config.peak_probe_module);
        const std::int64_t threads = 256;
        const std::int64_t blocks = std::max<std::int64_t>(1, m_device.multiprocessors) * 8;
        const std::int64_t iterations = 512;
        device_memory sums(static_cast<std::size_t>(blocks * threads) * sizeof(float));
        void* outputs[] = {sums.get()};
        const std::int64_t dims[] = {blocks, threads, iterations};
        hipkb_args args{};
        args.outputs = outputs;
        args.num_outputs = 1;
        args.dims = dims;
        args.num_dims = 3;
        args.stream = m_stream.handle();
        const double flops = static_cast<double>(blocks * threads * iterations) * 8.0 * 2.0;
        m_measured_flops = best_rate(flops, "FMA probe", [&] { return probe.run(args); });
        record_roofline("measured_fp32_flops_per_second", m_measured_flops);
    }

    // The reference against the CPU golden at the spec's test sizes. On cpu
    // execution each seed runs the block's threads in another order, and a
    // disagreement that another order does not show is a race in the
    // reference.
    void check_reference_against_golden() {
        m_verdict["correct"] = true;
        if (*m_config.golden_module == '\0') {
            return;  // host platform: the reference is the golden
        }
        const implementation_module golden(m_config.golden_module);
        json seeds = json::array();
        (void)take_launch_counts();
        for (std::size_t n = 0; n < m_spec.seeds.size(); ++n) {
            const std::uint64_t seed = m_spec.seeds[n];
            const thread_order order = order_for(n);
            std::optional<std::string> disagreement = reference_disagrees(golden, seed, order);
            if (disagreement) {
                const std::vector<thread_order> passing =
                    other_orders_where(order, [&](thread_order other) { return !reference_disagrees(golden, seed, other); });
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
        if (const auto counts = take_launch_counts()) {
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

    // Why the reference and the golden disagree on `seed`, if they do.
    std::optional<std::string> reference_disagrees(const implementation_module& golden, std::uint64_t seed,
                                                   thread_order order) {
        set_thread_order(order, seed);
        const device_inputs inputs(m_spec, size_set::test, seed);
        std::vector<host_tensor> expected = make_outputs(m_spec, size_set::test);
        std::vector<const void*> in_ptrs;
        std::vector<void*> out_ptrs;
        const hipkb_args golden_args = make_host_args(inputs.host(), expected, inputs.dims(), in_ptrs, out_ptrs);
        if (const int rc = golden.run(golden_args); rc != 0) {
            throw harness_failure(fmt::format("the golden of {} returned {}", m_spec.name, rc));
        }
        const std::vector<host_tensor> got = run_reference(inputs, size_set::test);
        for (std::size_t i = 0; i < m_spec.outputs.size(); ++i) {
            const tolerance tol = m_spec.tolerance_for(m_spec.outputs[i]);
            const comparison result = compare(got[i], expected[i], tol);
            if (!result.passed()) return describe(result, expected[i], tol, seed);
        }
        return std::nullopt;
    }

    [[nodiscard]] bool is_cpu() const { return platform_name() == "cpu"; }

    // Correctness seed number n runs forward, reverse, shuffled, forward, ...
    // on cpu execution (GPUs choose their own order).
    [[nodiscard]] thread_order order_for(std::size_t n) const {
        if (!is_cpu()) return thread_order::forward;
        constexpr thread_order cycle[] = {thread_order::forward, thread_order::reverse, thread_order::shuffled};
        return cycle[n % 3];
    }

    // The thread orders other than `tried` under which `passes` holds (cpu
    // execution only; empty elsewhere).
    template <typename Passes>
    std::vector<thread_order> other_orders_where(thread_order tried, Passes passes) {
        std::vector<thread_order> found;
        if (!is_cpu()) return found;
        for (const thread_order other : {thread_order::forward, thread_order::reverse, thread_order::shuffled}) {
            if (other != tried && passes(other)) found.push_back(other);
        }
        return found;
    }

    static std::string order_names(const std::vector<thread_order>& orders) {
        std::string names;
        for (const thread_order order : orders) names += (names.empty() ? "" : " and ") + std::string(thread_order_name(order));
        return names;
    }

    // Loads the candidate and checks it against the reference on every seed.
    void check_candidate() {
        const std::string status = compile_status_text();
        if (status == "failed") {
            record_compile_failure();
            return;
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
                 "its correctness is unknown here: " + first_error_line(log),
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
            const device_inputs inputs(m_spec, m_sizes, seed);
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
    bool recheck_repeated_calls() {
        set_thread_order(thread_order::forward, 0);
        prepare_timing();
        device_outputs& outputs = *m_candidate_timing_outputs;
        const hipkb_args args = make_args(*m_timing_inputs, outputs, m_stream);
        for (int call = 0; call < 2; ++call) {
            m_timing_inputs->perturb(m_launches++, m_stream);
            outputs.poison(m_stream);
            m_stream.synchronize();
            if (const int rc = m_candidate->run(args); rc != 0) {
                fail("launch_error", fmt::format("launch_error: on a repeated call: hipkb_run returned {}", error_string(rc)));
                return false;
            }
            if (const std::string guard = outputs.check_guards(); !guard.empty()) {
                fail("out_of_bounds_write", "out_of_bounds_write: on a repeated call: " + guard);
                return false;
            }
            if (const std::string changed = m_timing_inputs->find_changes(); !changed.empty()) {
                fail("input_modified", "input_modified: on a repeated call: " + changed + " (inputs are read-only)");
                return false;
            }
            const std::vector<host_tensor> got = outputs.download();
            const sealed_answer expected(run_reference(*m_timing_inputs, m_sizes));
            if (!outputs_match(got, expected, m_timing_inputs->seed(), "recheck_mismatch")) return false;
        }
        return true;
    }

    // A candidate that failed on `seed` under one thread order and passes
    // under another has a race: the failure says so, with the orders.
    void report_if_schedule_dependent(std::uint64_t seed, thread_order failed_order) {
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
    bool candidate_passes(std::uint64_t seed, thread_order order) {
        try {
            return candidate_passes_or_throws(seed, order);
        } catch (const device_error&) {
            return false;
        }
    }

    bool candidate_passes_or_throws(std::uint64_t seed, thread_order order) {
        set_thread_order(order, seed);
        const device_inputs inputs(m_spec, m_sizes, seed);
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

    struct launch_times {
        double event_seconds;  // between the events on the harness stream
        double wall_seconds;   // from the start event to a device-wide synchronize
        int status;            // what hipkb_run returned
    };

    // One timed launch: new input bytes and poisoned outputs first, so no
    // result can be reused and only this launch's writes are checked, and a
    // cold cache. The device-wide synchronize keeps work left on other
    // streams from spilling into the next launch, and its time shows in the
    // wall clock.
    launch_times timed_launch(const implementation_module& impl, device_outputs& outputs, const hipkb_args& args) {
        m_timing_inputs->perturb(m_launches++, m_stream);
        outputs.poison(m_stream);
        m_flusher.flush(m_stream);
        m_stream.synchronize();
        const auto wall_start = std::chrono::steady_clock::now();
        m_timer.start(m_stream);
        const int status = impl.run(args);
        m_timer.stop(m_stream);
        const double event_seconds = m_timer.seconds();
        synchronize_device();
        return {event_seconds, seconds_since(wall_start), status};
    }

    // The reference's timing outputs stay allocated while the candidate is
    // timed; they must not hold an answer it could find and copy.
    void forget_result(device_outputs& outputs) {
        outputs.poison(m_stream);
        m_stream.synchronize();
    }

    static double seconds_since(std::chrono::steady_clock::time_point start) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }

    struct timing_target {
        const implementation_module& impl;
        device_outputs& outputs;
        hipkb_args args;
    };

    // The implementation to time with its outputs and arguments, warmed up.
    timing_target ready_for_timing(bool candidate) {
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
    benchmark::IterationCount calibrate(bool candidate, double target_seconds, double max_wall_seconds) {
        const timing_target target = ready_for_timing(candidate);
        const implementation_module& impl = target.impl;
        device_outputs& outputs = target.outputs;
        const hipkb_args args = target.args;
        std::vector<double> event_times;
        std::vector<double> wall_times;
        for (int n = 0; n < 3; ++n) {
            const auto iteration_start = std::chrono::steady_clock::now();
            event_times.push_back(timed_launch(impl, outputs, args).event_seconds);
            // The whole iteration, flush and checks included: that is what the budget pays for.
            wall_times.push_back(seconds_since(iteration_start));
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
    void time(benchmark::State& state, bool candidate) {
        if (candidate && m_failure) {
            state.SkipWithError(m_failure->message.c_str());
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
        for (auto _ : state) {
            const launch_times launch = timed_launch(impl, outputs, args);
            if (launch.status != 0) {
                m_skip_message = fmt::format("launch_error: hipkb_run returned {}", error_string(launch.status));
                state.SkipWithError(m_skip_message.c_str());
                break;
            }
            state.SetIterationTime(launch.event_seconds);
            event_times.push_back(launch.event_seconds);
            wall_times.push_back(launch.wall_seconds);
        }
        if (!candidate) forget_result(outputs);
        if (event_times.empty()) return;
        const double mean = summarize(event_times).mean;
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
            if (!is_candidate()) m_verdict["timed"] = true;
            return;
        }
        m_verdict["timed"] = true;
        if (!check_after_timing(impl, outputs, args, event_times, wall_times)) {
            state.SkipWithError(m_failure->message.c_str());
        }
    }

private:
    std::string compile_status_text() const {
        if (*m_config.compile_log == '\0') return "compiled";
        return read_status(m_config.compile_log);
    }

    // The compile guard's word on a log: compiled, failed, or unknown.
    static std::string read_status(const std::string& log) {
        const std::filesystem::path status_file = log + ".status";
        std::error_code ignored;
        if (!std::filesystem::exists(status_file, ignored)) return "unknown";
        std::string text = read_file(status_file);
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
        return text;
    }

    void record_compile_failure() {
        const std::string log = head_of_log(m_config.compile_log, 20);
        m_verdict["compiled"] = false;
        m_verdict["compile_errors"] = log;
        fail("compile_error", "compile_error: " + first_error_line(log));
    }

    void fail(std::string kind, std::string message, json details = json::object()) {
        m_failure = failure{std::move(kind), std::move(message), std::move(details)};
        json record = m_failure->details;
        record["kind"] = m_failure->kind;
        record["message"] = m_failure->message;
        m_verdict["failure"] = record;
        m_verdict["correct"] = false;
    }

    std::vector<host_tensor> run_reference(const device_inputs& inputs, size_set sizes) {
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
    std::optional<std::vector<host_tensor>> run_candidate(const device_inputs& inputs) {
        device_outputs outputs(m_spec, m_sizes);
        outputs.poison(m_stream);
        m_stream.synchronize();
        const int rc = m_candidate->run(make_args(inputs, outputs, m_stream));
        synchronize_device();
        if (rc != 0) {
            fail("launch_error", fmt::format("launch_error: hipkb_run returned {}", error_string(rc)));
            return std::nullopt;
        }
        if (const std::string guard = outputs.check_guards(); !guard.empty()) {
            fail("out_of_bounds_write", "out_of_bounds_write: " + guard);
            return std::nullopt;
        }
        if (const std::string changed = inputs.find_changes(); !changed.empty()) {
            fail("input_modified", "input_modified: " + changed + " (inputs are read-only)");
            return std::nullopt;
        }
        return outputs.download();
    }

    // Compares every output; records the first failure. `kind_override`
    // replaces the kind (a recheck after timing is its own kind of failure).
    bool outputs_match(const std::vector<host_tensor>& got, const sealed_answer& expected, std::uint64_t seed,
                       const std::string& kind_override) {
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
                          (is_cpu() ? ": on a repeated call, inputs changed in place: " : ": on the timing inputs, after timing: ") +
                          message;
                kind = kind_override;
            }
            fail(kind, message, comparison_details(result, m_spec.outputs[i], tol, seed, truth.shape));
            return false;
        }
        return true;
    }

    void prepare_timing() {
        if (m_timing_inputs) return;
        m_timing_inputs.emplace(m_spec, m_sizes, timing_seed(m_spec));
        m_reference_timing_outputs.emplace(m_spec, m_sizes);
        if (is_candidate()) m_candidate_timing_outputs.emplace(m_spec, m_sizes);
    }

    // The checks after a candidate's timed launches; false (with the failure
    // recorded) when one fails.
    bool check_after_timing(const implementation_module& impl, device_outputs& outputs, const hipkb_args& args,
                            const std::vector<double>& event_times, const std::vector<double>& wall_times) {
        // Device events only see work on the harness's stream; work launched
        // elsewhere still has to finish before the device-wide synchronize.
        // The gap between the two clocks is compared with the reference's
        // gap, measured the same way in this process, so launch and
        // synchronize overhead cancel out.
        const double event_median = median(event_times);
        const double wall_median = median(wall_times);
        const double gap = wall_median - event_median;
        const double hidden = gap - m_reference_gap.value_or(0.0);
        if (hidden > std::max(unsynchronized_slack_seconds, 0.5 * event_median)) {
            fail("unsynchronized_work",
                 fmt::format("unsynchronized_work: the device stayed busy {:.3g} s after the harness stream finished "
                             "(median event time {:.3g} s, median wall time to a device-wide synchronize {:.3g} s, "
                             "the reference's gap {:.3g} s): work was launched on another stream or left running",
                             hidden, event_median, wall_median, m_reference_gap.value_or(0.0)));
            return false;
        }
        if (const std::string guard = outputs.check_guards(); !guard.empty()) {
            fail("out_of_bounds_write", "out_of_bounds_write: " + guard);
            return false;
        }
        // The recheck below runs the reference on these inputs: a candidate
        // that overwrote them (zeroes, say) could make the reference agree
        // with a cheap output.
        if (const std::string changed = m_timing_inputs->find_changes(); !changed.empty()) {
            fail("input_modified", "input_modified: while timed: " + changed + " (inputs are read-only)");
            return false;
        }
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
    bool probe_for_caching(const implementation_module& impl, device_outputs& outputs, const hipkb_args& args,
                           double changing_median) {
        if (m_cache_probed || changing_median < caching_floor_seconds) return true;
        m_cache_probed = true;
        std::vector<double> same_input_times;
        for (int n = 0; n < 7; ++n) {
            outputs.poison(m_stream);
            m_flusher.flush(m_stream);
            m_timer.start(m_stream);
            (void)impl.run(args);
            m_timer.stop(m_stream);
            same_input_times.push_back(m_timer.seconds());
            synchronize_device();
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

    // Launches until the last five event times agree within 5% (CV), at
    // least three launches and at most one second, so clocks, code caches
    // and lazy runtime initialisation settle before timing.
    void warm_up(const implementation_module& impl, const hipkb_args& args, bool& done) {
        if (done) return;
        const auto start = std::chrono::steady_clock::now();
        std::vector<double> recent;
        for (int n = 0; n < 10000; ++n) {
            m_timer.start(m_stream);
            (void)impl.run(args);
            m_timer.stop(m_stream);
            recent.push_back(m_timer.seconds());
            synchronize_device();
            if (recent.size() > 5) recent.erase(recent.begin());
            const bool stable = recent.size() == 5 && summarize(recent).cv < 0.05;
            if ((n >= 2 && stable) || std::chrono::steady_clock::now() - start > std::chrono::seconds(1)) break;
        }
        done = true;
    }

    // Goldens stand in for references on the host platform and are written
    // for clarity, not speed, so the host platform measures at test sizes.
    // cpu execution gives correctness only, at the test sizes too.
    static size_set benchmark_sizes() {
        return platform_name() == "host" || platform_name() == "cpu" ? size_set::test : size_set::benchmark;
    }

    const bench_config& m_config;
    problem_spec m_spec;
    device_info m_device;
    stream m_stream;
    event_timer m_timer;
    implementation_module m_reference;
    std::optional<implementation_module> m_candidate;
    l2_flusher m_flusher;
    std::optional<device_inputs> m_timing_inputs;
    std::optional<device_outputs> m_reference_timing_outputs;
    std::optional<device_outputs> m_candidate_timing_outputs;
    std::optional<failure> m_failure;
    std::string m_skip_message;
    size_set m_sizes;
    std::uint64_t m_launches = 0;
    std::optional<double> m_reference_gap;  // wall minus event time of the reference
    double m_measured_bandwidth = 0.0;       // bytes/s of a device-to-device copy; 0 until measured
    double m_measured_flops = 0.0;           // fp32 FMA FLOP/s of the probe; 0 until measured (or on host)
    bool m_cache_probed = false;
    bool m_reference_warm = false;
    bool m_candidate_warm = false;
    json m_verdict;
};

// Splits off hipkb's own flags; adds default Google Benchmark flags the user
// did not give.
struct parsed_args {
    std::vector<std::string> benchmark_args;
    std::optional<std::filesystem::path> verdict_out;
    double min_time = 0.1;  // measured seconds wanted per repetition
    double max_wall = 1.0;  // wall seconds allowed per repetition
};

double seconds_flag(const std::string& arg, const std::string& prefix) {
    try {
        const double value = std::stod(arg.substr(prefix.size()));
        if (value > 0) return value;
    } catch (const std::exception&) {
    }
    throw std::invalid_argument(fmt::format("{}: expected a positive number of seconds", arg));
}

parsed_args parse_args(int argc, char** argv) {
    parsed_args parsed;
    parsed.benchmark_args.emplace_back(argv[0]);
    bool has_repetitions = false;
    bool has_min_time = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--hipkb_verdict_out=", 0) == 0) {
            parsed.verdict_out = arg.substr(std::string("--hipkb_verdict_out=").size());
            continue;
        }
        // Launch counts are chosen by calibrate(); these set its targets.
        for (const std::string prefix : {"--benchmark_min_time=", "--hipkb_min_time="}) {
            if (arg.rfind(prefix, 0) == 0) {
                parsed.min_time = seconds_flag(arg, prefix);
                has_min_time = true;
            }
        }
        if (has_min_time && (arg.rfind("--benchmark_min_time=", 0) == 0 || arg.rfind("--hipkb_min_time=", 0) == 0)) {
            continue;
        }
        if (arg.rfind("--hipkb_max_wall=", 0) == 0) {
            parsed.max_wall = seconds_flag(arg, "--hipkb_max_wall=");
            continue;
        }
        has_repetitions = has_repetitions || arg.rfind("--benchmark_repetitions", 0) == 0;
        parsed.benchmark_args.push_back(arg);
    }
    // Five repetitions give the median, the CV and the U test something to
    // work with.
    if (!has_repetitions) parsed.benchmark_args.emplace_back("--benchmark_repetitions=5");
    return parsed;
}

void write_verdict(const std::optional<std::filesystem::path>& path, const json& verdict) {
    if (path) write_file_atomically(*path, verdict.dump(2) + "\n");
}

void add_context(const bench_config& config, const device_info& device) {
    benchmark::AddCustomContext("hipkb.platform", device.platform);
    benchmark::AddCustomContext("hipkb.device", device.name);
    benchmark::AddCustomContext("hipkb.architecture", device.architecture);
    benchmark::AddCustomContext("hipkb.warp_size", std::to_string(device.warp_size));
    benchmark::AddCustomContext("hipkb.multiprocessors", std::to_string(device.multiprocessors));
    benchmark::AddCustomContext("hipkb.l2_bytes", std::to_string(device.l2_bytes));
    benchmark::AddCustomContext("hipkb.clock_mhz", fmt::format("{:g}", device.clock_mhz));
    benchmark::AddCustomContext("hipkb.memory_clock_mhz", fmt::format("{:g}", device.memory_clock_mhz));
    benchmark::AddCustomContext("hipkb.memory_bus_bits", std::to_string(device.memory_bus_bits));
    benchmark::AddCustomContext("hipkb.peak_bandwidth_bytes_per_second",
                                fmt::format("{:g}", device.peak_bandwidth_bytes_per_second));
    benchmark::AddCustomContext("hipkb.driver_version", std::to_string(device.driver_version));
    benchmark::AddCustomContext("hipkb.runtime_version", std::to_string(device.runtime_version));
    benchmark::AddCustomContext("hipkb.test", config.test_name);
    benchmark::AddCustomContext("hipkb.problem", config.problem);
    benchmark::AddCustomContext("hipkb.level", std::to_string(config.level));
    if (*config.candidate_module != '\0') {
        benchmark::AddCustomContext("hipkb.run", config.run);
        benchmark::AddCustomContext("hipkb.sample", config.sample);
    }
}

}  // namespace

int run_bench(const bench_config& config, int argc, char** argv) {
    parsed_args args;
    try {
        args = parse_args(argc, argv);
    } catch (const std::invalid_argument& error) {
        fmt::print(stderr, "hipkb: {}\n", error.what());
        return 2;
    }
    if (const auto reason = device_unavailable_reason()) {
        fmt::print("SKIPPED: {}: {}\n", config.test_name, *reason);
        return exit_skipped;
    }
    std::vector<char*> gb_argv;
    for (auto& arg : args.benchmark_args) gb_argv.push_back(arg.data());
    int gb_argc = static_cast<int>(gb_argv.size());
    benchmark::Initialize(&gb_argc, gb_argv.data());
    if (benchmark::ReportUnrecognizedArguments(gb_argc, gb_argv.data())) {
        return 2;
    }
    std::unique_ptr<bench_session> session;
    try {
        const device_info device = query_device();
        session = std::make_unique<bench_session>(config, device);
        add_context(config, device);
        if (device.platform != "cpu") {
            session->measure_floors();
            session->measure_rooflines();
        }
        if (session->is_candidate()) {
            session->check_candidate();
        } else {
            session->check_reference_against_golden();
        }
    } catch (const std::exception& error) {
        fmt::print(stderr, "hipkb: {}: {}\n", config.test_name, error.what());
        if (session) write_verdict(args.verdict_out, session->verdict());
        return 1;
    }
    write_verdict(args.verdict_out, session->verdict());
    if (session->verdict().value("execution", "") == "cpu") {
        // A CPU gives correctness, never a GPU time: nothing is timed.
        const bool correct = session->verdict().value("correct", false);
        fmt::print("hipkb: {}: {} (cpu execution: correctness at the test sizes; timing needs a GPU)\n",
                   config.test_name,
                   correct ? "correct" : session->candidate_failed() ? session->candidate_failure().message : "incorrect");
        return 0;
    }

    const std::string problem = config.problem;
    bench_session* s = session.get();
    try {
        const auto reference_iterations = s->calibrate(false, args.min_time, args.max_wall);
        benchmark::RegisterBenchmark((problem + "/reference").c_str(),
                                     [s](benchmark::State& state) { s->time(state, false); })
            ->UseManualTime()
            ->Iterations(reference_iterations)
            ->Unit(benchmark::kMicrosecond);
        if (s->is_candidate()) {
            const std::string name = fmt::format("{}/{}/{}", problem, config.run, config.sample);
            auto* candidate = benchmark::RegisterBenchmark(name.c_str(),
                                                           [s](benchmark::State& state) { s->time(state, true); });
            candidate->UseManualTime()->Unit(benchmark::kMicrosecond);
            // A failed candidate is not launched at all.
            candidate->Iterations(s->candidate_failed() ? 1 : s->calibrate(true, args.min_time, args.max_wall));
        }
        benchmark::RunSpecifiedBenchmarks();
    } catch (const std::exception& error) {
        fmt::print(stderr, "hipkb: {}: {}\n", config.test_name, error.what());
        write_verdict(args.verdict_out, session->verdict());
        return 1;
    }
    benchmark::Shutdown();
    write_verdict(args.verdict_out, session->verdict());
    if (session->candidate_failed()) {
        fmt::print("hipkb: {}: {}\n", config.test_name, session->candidate_failure().message);
    }
    return 0;
}

}  // namespace hipkb::detail
