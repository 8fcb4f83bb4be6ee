#include "bench_runner.hpp"

#include "bench_args.hpp"
#include "bench_session.hpp"

#include <hipkb/bench/stable_name_reporter.hpp>
#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/report_channel.hpp>
#include <hipkb/core/seed_secret.hpp>

#include <fmt/core.h>

#include <memory>

namespace hipkb::detail {

namespace {

// The verdict to the driver's pipe, which it trusts over any file, and to
// --hipkb_verdict_out for a direct run. Sent again whenever it changes: a
// process that dies later still leaves the last one with the driver.
void write_verdict(const parsed_args& args, const json& verdict) {
    const std::string text = verdict.dump(2) + "\n";
    if (args.report_fd) send_report(*args.report_fd, "verdict", text);
    if (args.verdict_out) write_file_atomically(*args.verdict_out, text);
}

// The Google Benchmark JSON, as the library wrote it, to the driver's pipe,
// before this process begins to exit (and a candidate's exit handlers run).
void send_benchmark_json(const parsed_args& args) {
    if (!args.report_fd) return;
    const auto file_output = find_benchmark_file_output(args.benchmark_args);
    std::error_code missing;
    if (!file_output || file_output->format != "json" || !std::filesystem::exists(file_output->path, missing)) return;
    send_report(*args.report_fd, "benchmark", read_file(file_output->path));
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
    benchmark::AddCustomContext("hipkb.version", HIPKB_VERSION);
    benchmark::AddCustomContext("hipkb.test", config.test_name);
    benchmark::AddCustomContext("hipkb.problem", config.problem);
    benchmark::AddCustomContext("hipkb.level", std::to_string(config.level));
    if (*config.candidate_module != '\0') {
        benchmark::AddCustomContext("hipkb.run", config.run);
        benchmark::AddCustomContext("hipkb.sample", config.sample);
    }
}

// The seeds in a failure message are effective seeds; this says how to
// get the same inputs again.
std::string reproduce_hint(std::uint64_t secret) {
    return fmt::format(" [seed secret {}: --hipkb_seed={} reproduces these inputs]", secret, secret);
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
    if (const device_status device = probe_device(); device.state != device_availability::usable) {
        if (device.state == device_availability::absent) {
            fmt::print("SKIPPED: {}: {}\n", config.test_name, device.reason);
            return exit_skipped;
        }
        // A broken GPU stack is a failure with its message, never a skip.
        fmt::print(stderr, "hipkb: {}: {}\n", config.test_name, device.reason);
        return 1;
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
        // Without --hipkb_seed every run draws its own secret, so no run's
        // inputs can be known before it starts.
        const std::uint64_t secret = args.seed_secret ? *args.seed_secret : draw_seed_secret();
        session = std::make_unique<bench_session>(config, device, secret);
        add_context(config, device);
        benchmark::AddCustomContext("hipkb.seed_secret", std::to_string(secret));
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
        if (session) write_verdict(args, session->verdict());
        return 1;
    }
    write_verdict(args, session->verdict());
    if (session->verdict().value("execution", "") == "cpu") {
        // A CPU gives correctness, never a GPU time: nothing is timed.
        const bool correct = session->verdict().value("correct", false);
        fmt::print("hipkb: {}: {} (cpu execution: correctness at the test sizes; timing needs a GPU){}\n",
                   config.test_name,
                   correct                       ? "correct"
                   : session->candidate_failed() ? session->candidate_failure().message
                                                 : "incorrect",
                   correct ? "" : reproduce_hint(session->seed_secret()));
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
            auto* candidate =
                benchmark::RegisterBenchmark(name.c_str(), [s](benchmark::State& state) { s->time(state, true); });
            candidate->UseManualTime()->Unit(benchmark::kMicrosecond);
            // A failed candidate is not launched at all.
            candidate->Iterations(s->candidate_failed() ? 1 : s->calibrate(true, args.min_time, args.max_wall));
        }
        // Names without the calibrated count, so that runs pair by name.
        run_benchmarks_with_stable_names(args.benchmark_args);
    } catch (const device_error& error) {
        // During calibration: the same named failure as during timing.
        s->record_device_fault(error.what(), s->is_candidate());
        fmt::print(stderr, "hipkb: {}: {}\n", config.test_name, error.what());
        write_verdict(args, session->verdict());
        return 1;
    } catch (const std::exception& error) {
        fmt::print(stderr, "hipkb: {}: {}\n", config.test_name, error.what());
        write_verdict(args, session->verdict());
        return 1;
    }
    benchmark::Shutdown();
    send_benchmark_json(args);
    write_verdict(args, session->verdict());
    if (session->candidate_failed()) {
        fmt::print("hipkb: {}: {}{}\n", config.test_name, session->candidate_failure().message,
                   reproduce_hint(session->seed_secret()));
    }
    return 0;
}

}  // namespace hipkb::detail
