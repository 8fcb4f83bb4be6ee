// How close `generate` comes to the ideal time against a server that takes a
// fixed time per answer, and whether its memory stays flat as the number of
// requests grows. The whole path is measured: prompt, HTTP (libcurl multi),
// extraction, atomic writes of every sample and its metadata.
//
//   hipkb_perf_generate [--hipkb_latency_ms=200] [--hipkb_requests=64]
//                       [--hipkb_concurrency=16] [--hipkb_memory_counts=64,256,1024]
//                       [--hipkb_check] [Google Benchmark flags]
//
// Each run reports ratio_to_ideal = elapsed / (ceil(requests / concurrency)
// x latency); --hipkb_check exits 1 when it exceeds 1.5 or when the memory a
// run adds at the largest count is not within 1.5x (+1 MiB) of the smallest.
#include <hipkb/generator/generate_run.hpp>

#include "test_server.hpp"
#include "test_support.hpp"

#include <benchmark/benchmark.h>
#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <malloc.h>
#include <unistd.h>

namespace {

using namespace hipkb::generator;
using namespace hipkb::generator::testing;

int g_latency_ms = 200;
int g_requests = 64;
int g_concurrency = 16;
std::vector<int> g_memory_counts = {64, 256, 1024};
double g_worst_ratio = 0.0;
std::map<int, double> g_memory_growth_kib;

std::size_t resident_kib() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0;
    std::size_t resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)) / 1024;
}

// Bytes the program holds on the heap (all arenas and large mmapped blocks):
// unlike the resident size, it does not keep memory malloc has cached.
std::size_t heap_kib() {
    const struct mallinfo2 info = ::mallinfo2();
    return (info.uordblks + info.hblkhd) / 1024;
}

// Samples the heap in use and the resident size while a run goes on, to
// catch their peaks.
class peak_sampler {
public:
    peak_sampler()
        : m_heap_base(heap_kib()), m_rss_base(resident_kib()), m_heap_peak(m_heap_base), m_rss_peak(m_rss_base) {
        m_thread = std::thread([this] {
            while (!m_stop) {
                m_heap_peak = std::max(m_heap_peak.load(), heap_kib());
                m_rss_peak = std::max(m_rss_peak.load(), resident_kib());
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
    }
    ~peak_sampler() { stop(); }
    void stop() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }
    [[nodiscard]] double heap_growth_kib() const {
        return static_cast<double>(m_heap_peak.load()) - static_cast<double>(m_heap_base);
    }
    [[nodiscard]] double rss_growth_kib() const {
        return static_cast<double>(m_rss_peak.load()) - static_cast<double>(m_rss_base);
    }
    [[nodiscard]] double heap_left_kib() const {
        return static_cast<double>(heap_kib()) - static_cast<double>(m_heap_base);
    }

private:
    std::size_t m_heap_base;
    std::size_t m_rss_base;
    std::atomic<std::size_t> m_heap_peak;
    std::atomic<std::size_t> m_rss_peak;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

struct memory_figures {
    double heap_peak_kib = 0.0;
    double heap_left_kib = 0.0;
    double rss_peak_kib = 0.0;
};

generate_settings settings_for(const test_server& server, const fs::path& out, int requests, int concurrency) {
    generate_settings s;
    s.base_url = server.base_url();
    s.model = "perf-model";
    s.api_key_env = "";
    s.reference_dir = (fixtures() / "reference").string();
    s.generated_dir = out.string();
    s.problems = {"vadd"};
    s.run = "perf";
    s.samples = requests;
    s.concurrency = concurrency;
    s.progress = "off";
    return s;
}

// Runs generate once into a fresh folder; returns the seconds generate_run
// took (the folder's creation and removal are not counted).
double run_once(benchmark::State& state, const test_server& server, int requests, int concurrency, memory_figures* memory) {
    temp_dir out;
    generate_options quiet;
    quiet.log = nullptr;
    const generate_settings settings = settings_for(server, out.path(), requests, concurrency);
    peak_sampler sampler;
    const auto start = std::chrono::steady_clock::now();
    const generate_result result = generate_run(settings, quiet);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    sampler.stop();
    if (memory) *memory = {sampler.heap_growth_kib(), sampler.heap_left_kib(), sampler.rss_growth_kib()};
    if (result.exit_code() != 0) state.SkipWithError("generate failed");
    state.SetIterationTime(seconds);
    return seconds;
}

void BM_generate_throughput(benchmark::State& state) {
    const int requests = static_cast<int>(state.range(0));
    const int concurrency = static_cast<int>(state.range(1));
    const int latency = static_cast<int>(state.range(2));
    test_server server([latency](const received_request&) { return ok_reply(std::chrono::milliseconds(latency)); },
                       false);
    const double ideal = std::ceil(static_cast<double>(requests) / concurrency) * latency / 1000.0;
    double total = 0.0;
    double worst = 0.0;
    for (auto _ : state) {
        const double seconds = run_once(state, server, requests, concurrency, nullptr);
        total += seconds;
        worst = std::max(worst, seconds / ideal);
    }
    const double ratio = total / static_cast<double>(state.iterations()) / ideal;
    state.counters["ideal_s"] = ideal;
    state.counters["ratio_to_ideal"] = ratio;
    state.counters["worst_ratio"] = worst;
    state.counters["requests/s"] = benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsIterationInvariantRate);
    g_worst_ratio = std::max(g_worst_ratio, ratio);
    fmt::print(stderr, "throughput: {} requests, concurrency {}, latency {} ms: {:.3f} s per run, ideal {:.3f} s, ratio {:.3f}\n",
               requests, concurrency, latency, total / static_cast<double>(state.iterations()), ideal, ratio);
}

void BM_generate_memory(benchmark::State& state) {
    const int requests = static_cast<int>(state.range(0));
    test_server server([](const received_request&) { return ok_reply(std::chrono::milliseconds(2)); }, false);
    memory_figures worst;
    for (auto _ : state) {
        memory_figures run;
        (void)run_once(state, server, requests, 16, &run);
        worst.heap_peak_kib = std::max(worst.heap_peak_kib, run.heap_peak_kib);
        worst.heap_left_kib = std::max(worst.heap_left_kib, run.heap_left_kib);
        worst.rss_peak_kib = std::max(worst.rss_peak_kib, run.rss_peak_kib);
    }
    state.counters["heap_peak_growth_KiB"] = worst.heap_peak_kib;
    state.counters["heap_left_KiB"] = worst.heap_left_kib;
    state.counters["rss_peak_growth_KiB"] = worst.rss_peak_kib;
    g_memory_growth_kib[requests] = std::max(g_memory_growth_kib[requests], worst.heap_peak_kib);
    fmt::print(stderr,
               "memory: {} requests: heap in use grew by at most {:.0f} KiB during a run ({:.0f} KiB left after it); "
               "resident size by {:.0f} KiB\n",
               requests, worst.heap_peak_kib, worst.heap_left_kib, worst.rss_peak_kib);
}

std::vector<int> parse_counts(const std::string& text) {
    std::vector<int> out;
    std::stringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');) out.push_back(std::stoi(item));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    bool check = false;
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&](const char* prefix) { return arg.substr(std::string(prefix).size()); };
        if (arg.rfind("--hipkb_latency_ms=", 0) == 0) {
            g_latency_ms = std::stoi(value("--hipkb_latency_ms="));
        } else if (arg.rfind("--hipkb_requests=", 0) == 0) {
            g_requests = std::stoi(value("--hipkb_requests="));
        } else if (arg.rfind("--hipkb_concurrency=", 0) == 0) {
            g_concurrency = std::stoi(value("--hipkb_concurrency="));
        } else if (arg.rfind("--hipkb_memory_counts=", 0) == 0) {
            g_memory_counts = parse_counts(value("--hipkb_memory_counts="));
        } else if (arg == "--hipkb_check") {
            check = true;
        } else {
            rest.push_back(argv[i]);
        }
    }
    benchmark::RegisterBenchmark("generate_throughput", BM_generate_throughput)
        ->Args({g_requests, g_concurrency, g_latency_ms})
        ->ArgNames({"requests", "concurrency", "latency_ms"})
        ->UseManualTime()
        ->Iterations(3)
        ->Unit(benchmark::kMillisecond);
    for (const int count : g_memory_counts) {
        benchmark::RegisterBenchmark("generate_memory", BM_generate_memory)
            ->Arg(count)
            ->ArgNames({"requests"})
            ->UseManualTime()
            ->Iterations(2)
            ->Unit(benchmark::kMillisecond);
    }
    int rest_argc = static_cast<int>(rest.size());
    benchmark::Initialize(&rest_argc, rest.data());
    if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();

    int status = 0;
    fmt::print("ratio to ideal (64/16 x latency style): {:.3f} (limit 1.5)\n", g_worst_ratio);
    if (check && g_worst_ratio > 1.5) {
        fmt::print("FAILED: generate took {:.2f}x the ideal time\n", g_worst_ratio);
        status = 1;
    }
    if (g_memory_growth_kib.size() >= 2) {
        const double smallest = g_memory_growth_kib.begin()->second;
        const double largest = g_memory_growth_kib.rbegin()->second;
        fmt::print("memory: {:.0f} KiB at {} requests, {:.0f} KiB at {} requests\n", smallest,
                   g_memory_growth_kib.begin()->first, largest, g_memory_growth_kib.rbegin()->first);
        if (check && largest > 1.5 * smallest + 1024.0) {
            fmt::print("FAILED: memory grows with the number of requests\n");
            status = 1;
        }
    }
    return status;
}
