// How close `generate` comes to the ideal time against a server that takes a
// fixed time per answer, and whether it keeps memory per request. The whole
// path is measured: prompt, HTTP (libcurl multi), extraction, atomic writes of
// every sample and its metadata.
//
//   hipkb_perf_generate [--hipkb_latency_ms=200] [--hipkb_requests=64]
//                       [--hipkb_concurrency=16] [--hipkb_memory_counts=32,64,128]
//                       [--hipkb_memory_rounds=3] [--hipkb_max_slope=1024]
//                       [--hipkb_leak_per_request=0]
//                       [--hipkb_check] [Google Benchmark flags]
//
// Each throughput run reports ratio_to_ideal = elapsed / (ceil(requests /
// concurrency) x latency); --hipkb_check exits 1 when it exceeds 1.5.
//
// Memory: after a warm-up round, --hipkb_memory_rounds rounds (default 3)
// each run generate once at every count, interleaved; each run records the
// heap bytes still in use once generate_run and its result are gone (bytes
// kept: the least heap in use over the 300 ms after the run, less the same
// before it). A least-squares line of bytes kept against requests over all
// those runs gives the bytes kept per request; --hipkb_check exits 1 when the
// slope exceeds --hipkb_max_slope. A fixed cost (connection caches, thread
// stacks, the first run's one-time setup) moves the line, not its slope.
// --hipkb_leak_per_request=N keeps N more bytes per request after each run,
// a stand-in leak that shows what the check catches.
#include <hipkb/generator/generate_run.hpp>

#include "test_server.hpp"
#include "test_support.hpp"

#include <benchmark/benchmark.h>
#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <memory>
#include <set>
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
std::vector<int> g_memory_counts = {32, 64, 128};
int g_memory_rounds = 3;
double g_max_slope = 1024.0;  // bytes kept per request; docs/generator.md says why
std::size_t g_leak_per_request = 0;
double g_worst_ratio = 0.0;

// One measured run of the memory benchmark.
struct memory_point {
    int requests = 0;
    double kept_bytes = 0.0;  // heap in use after the run, less before it
    double peak_bytes = 0.0;  // the most heap in use during the run, less before it
};
std::vector<memory_point> g_memory_points;
std::vector<std::unique_ptr<char[]>> g_stand_in_leak;
std::atomic<std::size_t> g_request_bytes{0};  // one request's prompt and answer, as sent

std::size_t resident_kib() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0;
    std::size_t resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)) / 1024;
}

// Bytes the program holds on the heap (all arenas and large mmapped blocks):
// unlike the resident size, it does not keep memory malloc has cached.
std::size_t heap_bytes() {
    const struct mallinfo2 info = ::mallinfo2();
    return info.uordblks + info.hblkhd;
}

std::size_t heap_kib() { return heap_bytes() / 1024; }

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
// took (the folder's creation and removal are not counted). Without a state
// the run is a warm-up: it reports nothing.
double run_once(benchmark::State* state, const test_server& server, int requests, int concurrency,
                memory_figures* memory) {
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
    if (!state) return seconds;
    if (result.exit_code() != 0) state->SkipWithError("generate failed");
    state->SetIterationTime(seconds);
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
        const double seconds = run_once(&state, server, requests, concurrency, nullptr);
        total += seconds;
        worst = std::max(worst, seconds / ideal);
    }
    const double ratio = total / static_cast<double>(state.iterations()) / ideal;
    state.counters["ideal_s"] = ideal;
    state.counters["ratio_to_ideal"] = ratio;
    state.counters["worst_ratio"] = worst;
    state.counters["requests/s"] =
        benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsIterationInvariantRate);
    g_worst_ratio = std::max(g_worst_ratio, ratio);
    fmt::print(
        stderr,
        "throughput: {} requests, concurrency {}, latency {} ms: {:.3f} s per run, ideal {:.3f} s, ratio {:.3f}\n",
        requests, concurrency, latency, total / static_cast<double>(state.iterations()), ideal, ratio);
}

// The least heap in use over `window`: the local server's threads free a
// closed connection's buffers a little after the client is gone, and a
// reading taken at once would count them as kept. A leak never goes away.
std::size_t settled_heap_bytes(std::chrono::milliseconds window) {
    std::size_t least = heap_bytes();
    const auto until = std::chrono::steady_clock::now() + window;
    while (std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        least = std::min(least, heap_bytes());
    }
    return least;
}

// Runs generate once at `requests` and returns the heap bytes it kept and
// its peak growth, measured after the result and the output folder are gone.
memory_point measure_memory(benchmark::State* state, const test_server& server, int requests) {
    const std::size_t before = settled_heap_bytes(std::chrono::milliseconds(100));
    memory_figures figures;
    (void)run_once(state, server, requests, 16, &figures);
    for (std::size_t kept = 0; kept < g_leak_per_request * static_cast<std::size_t>(requests); kept += 1024) {
        g_stand_in_leak.push_back(std::make_unique<char[]>(1024));
    }
    const std::size_t after = settled_heap_bytes(std::chrono::milliseconds(300));
    return {requests, static_cast<double>(after) - static_cast<double>(before), figures.heap_peak_kib * 1024.0};
}

// One iteration is a round of runs, one at each request count. Rounds
// interleave the counts, so whatever drifts with the process's age (the heap
// kept after the first runs was larger than after later ones) falls on every
// count alike and does not tilt the slope.
void BM_generate_memory(benchmark::State& state) {
    test_server server(
        [](const received_request& request) {
            if (g_request_bytes.load() == 0)
                g_request_bytes = request.body.dump().size() + default_answer(request).size();
            return ok_reply(std::chrono::milliseconds(2));
        },
        false);
    // A first round sets up the server's threads and connections: not a cost
    // of the requests, so not measured.
    for (const int requests : g_memory_counts) (void)measure_memory(nullptr, server, requests);
    double kept_max = 0.0;
    for (auto _ : state) {
        double seconds = 0.0;
        for (const int requests : g_memory_counts) {
            const auto start = std::chrono::steady_clock::now();
            const memory_point point = measure_memory(nullptr, server, requests);
            seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            g_memory_points.push_back(point);
            kept_max = std::max(kept_max, point.kept_bytes);
        }
        state.SetIterationTime(seconds);
    }
    state.counters["heap_kept_max_KiB"] = kept_max / 1024.0;
}

// The least-squares slope of y against x.
double slope_of(const std::vector<memory_point>& points, double memory_point::*y) {
    double mean_x = 0.0;
    double mean_y = 0.0;
    for (const memory_point& p : points) {
        mean_x += p.requests;
        mean_y += p.*y;
    }
    mean_x /= static_cast<double>(points.size());
    mean_y /= static_cast<double>(points.size());
    double covariance = 0.0;
    double variance = 0.0;
    for (const memory_point& p : points) {
        covariance += (p.requests - mean_x) * (p.*y - mean_y);
        variance += (p.requests - mean_x) * (p.requests - mean_x);
    }
    return variance > 0.0 ? covariance / variance : 0.0;
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
        } else if (arg.rfind("--hipkb_memory_rounds=", 0) == 0) {
            g_memory_rounds = std::stoi(value("--hipkb_memory_rounds="));
        } else if (arg.rfind("--hipkb_max_slope=", 0) == 0) {
            g_max_slope = std::stod(value("--hipkb_max_slope="));
        } else if (arg.rfind("--hipkb_leak_per_request=", 0) == 0) {
            g_leak_per_request = static_cast<std::size_t>(std::stoul(value("--hipkb_leak_per_request=")));
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
    benchmark::RegisterBenchmark("generate_memory", BM_generate_memory)
        ->UseManualTime()
        ->Iterations(g_memory_rounds)
        ->Unit(benchmark::kMillisecond);
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
    std::set<int> counts;
    for (const memory_point& p : g_memory_points) counts.insert(p.requests);
    if (counts.size() >= 3) {
        const double kept_slope = slope_of(g_memory_points, &memory_point::kept_bytes);
        const double peak_slope = slope_of(g_memory_points, &memory_point::peak_bytes);
        fmt::print(
            "memory: {} runs at {} request counts; bytes kept per request (least squares) {:.1f}, limit {:.0f}; "
            "heap peak per request {:.1f}; one request's prompt and answer {} bytes\n",
            g_memory_points.size(), counts.size(), kept_slope, g_max_slope, peak_slope, g_request_bytes.load());
        for (const memory_point& p : g_memory_points) {
            fmt::print("  {:5} requests: {:9.0f} bytes kept, heap peak +{:.0f}\n", p.requests, p.kept_bytes,
                       p.peak_bytes);
        }
        if (check && kept_slope > g_max_slope) {
            fmt::print("FAILED: generate keeps {:.0f} bytes per request (limit {:.0f})\n", kept_slope, g_max_slope);
            status = 1;
        }
    } else if (check && !g_memory_points.empty()) {
        fmt::print("FAILED: a memory slope needs runs at 3 or more request counts, got {}\n", counts.size());
        status = 1;
    }
    return status;
}
