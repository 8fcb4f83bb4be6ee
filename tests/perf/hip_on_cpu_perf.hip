// What the HIP-on-CPU layer costs (Google Benchmark): a fiber switch, a
// __syncthreads over 256 and 1024 threads, a 256x256 tiled matmul and a
// block reduction. This file goes through the layer's rewriter like any
// .hip. Run: build/tests/perf/hipkb_perf_hip_on_cpu
#include <hip/hip_runtime.h>
#include <hipkb_cpu/control.h>

#include <benchmark/benchmark.h>

#include <vector>

namespace {

constexpr int kBarriers = 64;

__global__ void barriers_kernel(int* sink) {
    int local = static_cast<int>(threadIdx.x);
    for (int i = 0; i < kBarriers; ++i) {
        local += i;
        __syncthreads();
    }
    if (local == -1) *sink = local;
}

constexpr int kTile = 16;

__global__ void tiled_matmul(const float* a, const float* b, float* c, int n) {
    __shared__ float ta[kTile][kTile];
    __shared__ float tb[kTile][kTile];
    const int row = blockIdx.y * kTile + threadIdx.y;
    const int col = blockIdx.x * kTile + threadIdx.x;
    float acc = 0.0f;
    for (int k0 = 0; k0 < n; k0 += kTile) {
        ta[threadIdx.y][threadIdx.x] = row < n && k0 + threadIdx.x < n ? a[row * n + k0 + threadIdx.x] : 0.0f;
        tb[threadIdx.y][threadIdx.x] = col < n && k0 + threadIdx.y < n ? b[(k0 + threadIdx.y) * n + col] : 0.0f;
        __syncthreads();
        for (int k = 0; k < kTile; ++k) acc += ta[threadIdx.y][k] * tb[k][threadIdx.x];
        __syncthreads();
    }
    if (row < n && col < n) c[row * n + col] = acc;
}

__global__ void block_reduce(const float* x, float* out, int n) {
    __shared__ float partial[256];
    float v = 0.0f;
    for (int i = blockIdx.x * 256 + threadIdx.x; i < n; i += 256 * gridDim.x) v += x[i];
    partial[threadIdx.x] = v;
    __syncthreads();
    for (int s = 128; s > 0; s >>= 1) {
        if (threadIdx.x < s) partial[threadIdx.x] += partial[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) out[blockIdx.x] = partial[0];
}

void BM_FiberSwitch(benchmark::State& state) {
    int sink = 0;
    const std::uint64_t before = hipkb::cpu::fiber_switches();
    for (auto _ : state) barriers_kernel<<<1, 256>>>(&sink);
    const double switches = static_cast<double>(hipkb::cpu::fiber_switches() - before);
    // Seconds of the whole benchmark per resumption of a fiber.
    state.counters["s_per_switch"] =
        benchmark::Counter(switches, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_FiberSwitch)->Unit(benchmark::kMicrosecond);

void BM_SyncThreads(benchmark::State& state) {
    const int threads = static_cast<int>(state.range(0));
    int sink = 0;
    for (auto _ : state) barriers_kernel<<<1, threads>>>(&sink);
    state.counters["barriers"] = benchmark::Counter(kBarriers, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SyncThreads)->Arg(256)->Arg(1024)->Unit(benchmark::kMicrosecond);

void BM_TiledMatmul256(benchmark::State& state) {
    const int n = 256;
    std::vector<float> a(n * n, 1.0f), b(n * n, 2.0f), c(n * n);
    const dim3 grid(n / kTile, n / kTile);
    const dim3 block(kTile, kTile);
    for (auto _ : state) tiled_matmul<<<grid, block>>>(a.data(), b.data(), c.data(), n);
    if (c[0] != 2.0f * n) state.SkipWithError("wrong matmul result");
    state.counters["FLOP/s"] = benchmark::Counter(2.0 * n * n * n, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TiledMatmul256)->Unit(benchmark::kMillisecond);

void BM_BlockReduction(benchmark::State& state) {
    const int n = 1 << 20;
    const int blocks = 256;
    std::vector<float> x(n, 1.0f), out(blocks);
    for (auto _ : state) block_reduce<<<blocks, 256>>>(x.data(), out.data(), n);
    if (out[0] != static_cast<float>(n / blocks)) state.SkipWithError("wrong reduction result");
    state.counters["bytes/s"] = benchmark::Counter(4.0 * n, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BlockReduction)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
