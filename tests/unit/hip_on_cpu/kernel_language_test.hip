// The HIP kernel language on the CPU layer: this file goes through the
// rewriter (<<<>>> and __shared__) and the host compiler like any reference
// or candidate, and its kernels run on the CPU.
#include <hip/hip_runtime.h>
#include <hipkb_cpu/control.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <string>
#include <vector>

namespace {

// A device buffer for the tests: hipMalloc'ed, freed on scope exit.
template <class T>
struct device_vector {
    explicit device_vector(std::size_t n, T fill = T{}) : size(n) {
        EXPECT_EQ(hipMalloc(&data, n * sizeof(T)), hipSuccess);
        std::vector<T> host(n, fill);
        EXPECT_EQ(hipMemcpy(data, host.data(), n * sizeof(T), hipMemcpyHostToDevice), hipSuccess);
    }
    ~device_vector() { (void)hipFree(data); }
    device_vector(const device_vector&) = delete;
    device_vector& operator=(const device_vector&) = delete;
    std::vector<T> host() const {
        std::vector<T> out(size);
        EXPECT_EQ(hipMemcpy(out.data(), data, size * sizeof(T), hipMemcpyDeviceToHost), hipSuccess);
        return out;
    }
    T* data = nullptr;
    std::size_t size;
};

struct schedule_guard {
    explicit schedule_guard(hipkb::cpu::schedule_order order, std::uint64_t seed = 0) {
        hipkb::cpu::set_schedule({order, seed});
    }
    ~schedule_guard() { hipkb::cpu::set_schedule({}); }
};

__global__ void index_kernel(int* out) {
    const int block = blockIdx.x + gridDim.x * (blockIdx.y + gridDim.y * blockIdx.z);
    const int thread = threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
    const int per_block = blockDim.x * blockDim.y * blockDim.z;
    out[block * per_block + thread] = block * 1000 + thread;
}

__global__ void block_sum(const float* x, float* out, int n) {
    __shared__ float partial[256];
    const int t = threadIdx.x;
    float v = 0.0f;
    for (int i = blockIdx.x * blockDim.x + t; i < n; i += blockDim.x * gridDim.x) v += x[i];
    partial[t] = v;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (t < s) partial[t] += partial[t + s];
        __syncthreads();
    }
    if (t == 0) atomicAdd(out, partial[0]);
}

// Thread 0 sums what the others wrote, with no barrier between: a race.
__global__ void racy_sum(const float* x, float* out) {
    __shared__ float partial[256];
    partial[threadIdx.x] = x[threadIdx.x];
    if (threadIdx.x == 0) {
        float total = 0.0f;
        for (int i = 0; i < 256; ++i) total += partial[i];
        *out = total;
    }
}

__global__ void dynamic_shared_reverse(const int* in, int* out) {
    extern __shared__ int staged[];
    staged[threadIdx.x] = in[blockIdx.x * blockDim.x + threadIdx.x];
    __syncthreads();
    out[blockIdx.x * blockDim.x + threadIdx.x] = staged[blockDim.x - 1 - threadIdx.x];
}

__global__ void warp_reduce(float* out) {
    float v = static_cast<float>(threadIdx.x);
    for (int offset = warpSize / 2; offset > 0; offset /= 2) v += __shfl_down(v, offset);
    if (__lane_id() == 0) out[threadIdx.x / warpSize] = v;
}

__global__ void shuffle_forms(int* out, int width) {
    const int lane = threadIdx.x;
    out[0 * 64 + lane] = __shfl(lane, 3, width);
    out[1 * 64 + lane] = __shfl_up(lane, 1, width);
    out[2 * 64 + lane] = __shfl_down(lane, 1, width);
    out[3 * 64 + lane] = __shfl_xor(lane, 1, width);
}

__global__ void votes(unsigned long long* out) {
    const unsigned long long ballot = __ballot(threadIdx.x % 3 == 0);
    const int any = __any(threadIdx.x == 5);
    const int all = __all(threadIdx.x < 1000);
    const int count = __syncthreads_count(threadIdx.x % 2 == 0);
    const int and_ = __syncthreads_and(threadIdx.x < 1000);
    const int or_ = __syncthreads_or(threadIdx.x == 7);
    if (threadIdx.x == 0) {
        out[0] = ballot;
        out[1] = static_cast<unsigned long long>(any);
        out[2] = static_cast<unsigned long long>(all);
        out[3] = static_cast<unsigned long long>(count);
        out[4] = static_cast<unsigned long long>(and_);
        out[5] = static_cast<unsigned long long>(or_);
    }
}

__global__ void atomics(int* i, unsigned int* u, float* f, double* d, unsigned long long* ull) {
    atomicAdd(&i[0], 1);
    atomicSub(&i[1], 2);
    atomicMax(&i[2], static_cast<int>(threadIdx.x + blockIdx.x * blockDim.x));
    atomicMin(&i[3], -static_cast<int>(threadIdx.x));
    atomicOr(&i[4], 1 << (threadIdx.x % 31));
    atomicInc(&u[0], 9u);
    atomicAdd(f, 0.5f);
    atomicMax(f + 1, static_cast<float>(threadIdx.x));
    atomicAdd(d, 1.0);
    atomicAdd(ull, 2ull);
    atomicCAS(&i[5], 0, 42);
}

template <typename T, int Scale>
__global__ void scale_kernel(const T* in, T* out, int n) {
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    auto times = [](T v) { return v * static_cast<T>(Scale); };
    if (i < n) out[i] = times(in[i]);
}

__device__ __forceinline__ float4 twice(float4 v) { return make_float4(v.x * 2, v.y * 2, v.z * 2, v.w * 2); }

__global__ void __launch_bounds__(64) vector_kernel(const float4* in, float4* out) {
    out[threadIdx.x] = twice(__ldg(&in[threadIdx.x]));
}

__global__ void divergent_barrier(int* out) {
    if (threadIdx.x < 32) {
        __syncthreads();
    } else {
        __syncthreads();
    }
    out[threadIdx.x] = 1;
}

__global__ void throws_nothing(int*) {}

}  // namespace

TEST(KernelLanguage, IndicesCoverA3DGridOf3DBlocks) {
    const dim3 grid(2, 3, 2);
    const dim3 block(4, 2, 3);
    device_vector<int> out(12 * 24, -1);
    index_kernel<<<grid, block>>>(out.data);
    ASSERT_EQ(hipGetLastError(), hipSuccess);
    const std::vector<int> got = out.host();
    for (int b = 0; b < 12; ++b) {
        for (int t = 0; t < 24; ++t) ASSERT_EQ(got[b * 24 + t], b * 1000 + t);
    }
}

TEST(KernelLanguage, BlockReductionWithSharedMemoryAndAtomicsAcrossBlocks) {
    const int n = 100003;
    std::vector<float> ones(n, 1.0f);
    device_vector<float> x(n);
    ASSERT_EQ(hipMemcpy(x.data, ones.data(), n * sizeof(float), hipMemcpyHostToDevice), hipSuccess);
    device_vector<float> out(1, 0.0f);
    for (const auto order : {hipkb::cpu::schedule_order::forward, hipkb::cpu::schedule_order::reverse,
                             hipkb::cpu::schedule_order::shuffled}) {
        schedule_guard guard(order, 11);
        ASSERT_EQ(hipMemset(out.data, 0, sizeof(float)), hipSuccess);
        block_sum<<<37, 256, 0, nullptr>>>(x.data, out.data, n);
        ASSERT_EQ(hipGetLastError(), hipSuccess);
        EXPECT_FLOAT_EQ(out.host()[0], static_cast<float>(n)) << hipkb::cpu::schedule_order_name(order);
    }
}

TEST(KernelLanguage, AMissingBarrierGivesDifferentAnswersUnderDifferentThreadOrders) {
    std::vector<float> values(256);
    std::iota(values.begin(), values.end(), 1.0f);
    device_vector<float> x(256);
    ASSERT_EQ(hipMemcpy(x.data, values.data(), 256 * sizeof(float), hipMemcpyHostToDevice), hipSuccess);
    device_vector<float> out(1, 0.0f);
    const float right = 256.0f * 257.0f / 2.0f;
    std::vector<float> answers;
    for (const auto order : {hipkb::cpu::schedule_order::forward, hipkb::cpu::schedule_order::reverse}) {
        schedule_guard guard(order);
        racy_sum<<<1, 256>>>(x.data, out.data);
        answers.push_back(out.host()[0]);
    }
    EXPECT_NE(answers[0], right);  // thread 0 first: the others have not written yet
    EXPECT_EQ(answers[1], right);  // thread 0 last: everything is there
}

TEST(KernelLanguage, DynamicSharedMemoryIsSizedByTheLaunch) {
    const int blocks = 3;
    const int threads = 128;
    std::vector<int> values(blocks * threads);
    std::iota(values.begin(), values.end(), 0);
    device_vector<int> in(values.size());
    ASSERT_EQ(hipMemcpy(in.data, values.data(), values.size() * sizeof(int), hipMemcpyHostToDevice), hipSuccess);
    device_vector<int> out(values.size(), -1);
    hipLaunchKernelGGL(dynamic_shared_reverse, dim3(blocks), dim3(threads), threads * sizeof(int), 0, in.data,
                       out.data);
    ASSERT_EQ(hipGetLastError(), hipSuccess);
    const std::vector<int> got = out.host();
    for (int b = 0; b < blocks; ++b) {
        for (int t = 0; t < threads; ++t) ASSERT_EQ(got[b * threads + t], b * threads + threads - 1 - t);
    }
}

// 64 (AMD CDNA's wavefront) unless the process runs with HIPKB_CPU_WARP_SIZE=32
// (the CTest hipkb.test.hip_on_cpu_kernel_wave32 runs this file so).
int expected_warp_size() {
    const char* text = std::getenv("HIPKB_CPU_WARP_SIZE");
    return text && std::string(text) == "32" ? 32 : 64;
}

TEST(KernelLanguage, WarpShuffleReductionUsesTheWavefrontSize) {
    const int w = expected_warp_size();
    EXPECT_EQ(warpSize, w);
    device_vector<float> out(4, -1.0f);
    warp_reduce<<<1, 128>>>(out.data);
    const std::vector<float> got = out.host();
    for (int warp = 0; warp < 128 / w; ++warp) {
        const float first = static_cast<float>(warp * w);
        const float last = first + static_cast<float>(w - 1);
        EXPECT_EQ(got[warp], (first + last) * static_cast<float>(w) / 2.0f) << "warp " << warp;
    }
}

TEST(KernelLanguage, ShufflesHonourTheirWidth) {
    device_vector<int> out(4 * 64, -1);
    shuffle_forms<<<1, 64>>>(out.data, 16);
    const std::vector<int> got = out.host();
    for (int lane = 0; lane < 64; ++lane) {
        const int segment = lane & ~15;
        EXPECT_EQ(got[0 * 64 + lane], segment + 3) << lane;
        EXPECT_EQ(got[1 * 64 + lane], (lane & 15) >= 1 ? lane - 1 : lane) << lane;
        EXPECT_EQ(got[2 * 64 + lane], (lane & 15) + 1 < 16 ? lane + 1 : lane) << lane;
        EXPECT_EQ(got[3 * 64 + lane], lane ^ 1) << lane;
    }
}

TEST(KernelLanguage, VotesAndCountingBarriers) {
    device_vector<unsigned long long> out(6, 0);
    votes<<<1, 64>>>(out.data);
    const std::vector<unsigned long long> got = out.host();
    unsigned long long expected_ballot = 0;  // thread 0's warp: lanes 0 .. warpSize-1
    for (int lane = 0; lane < expected_warp_size(); lane += 3) expected_ballot |= 1ull << lane;
    EXPECT_EQ(got[0], expected_ballot);
    EXPECT_EQ(got[1], 1u);
    EXPECT_EQ(got[2], 1u);
    EXPECT_EQ(got[3], 32u);
    EXPECT_EQ(got[4], 1u);
    EXPECT_EQ(got[5], 1u);
}

TEST(KernelLanguage, AtomicsAreAtomicAcrossBlocksOnSeveralCores) {
    device_vector<int> i(6, 0);
    const std::vector<int> start = {0, 0, -1, 0, 0, 0};
    ASSERT_EQ(hipMemcpy(i.data, start.data(), start.size() * sizeof(int), hipMemcpyHostToDevice), hipSuccess);
    device_vector<unsigned int> u(1, 0);
    device_vector<float> f(2, 0.0f);
    device_vector<double> d(1, 0.0);
    device_vector<unsigned long long> ull(1, 0);
    atomics<<<64, 64>>>(i.data, u.data, f.data, d.data, ull.data);
    const std::vector<int> gi = i.host();
    EXPECT_EQ(gi[0], 4096);
    EXPECT_EQ(gi[1], -8192);
    EXPECT_EQ(gi[2], 4095);
    EXPECT_EQ(gi[3], -63);
    EXPECT_EQ(gi[4], 0x7fffffff);
    EXPECT_EQ(gi[5], 42);
    EXPECT_EQ(u.host()[0], 4096u % 10u);
    EXPECT_EQ(f.host()[0], 2048.0f);
    EXPECT_EQ(f.host()[1], 63.0f);
    EXPECT_EQ(d.host()[0], 4096.0);
    EXPECT_EQ(ull.host()[0], 8192ull);
}

TEST(KernelLanguage, TemplatesLambdasAndVectorTypesInKernels) {
    const int n = 1000;
    std::vector<double> values(n);
    std::iota(values.begin(), values.end(), 0.0);
    device_vector<double> in(n);
    ASSERT_EQ(hipMemcpy(in.data, values.data(), n * sizeof(double), hipMemcpyHostToDevice), hipSuccess);
    device_vector<double> out(n, -1.0);
    scale_kernel<double, 3><<<(n + 255) / 256, 256>>>(in.data, out.data, n);
    EXPECT_EQ(out.host()[999], 2997.0);
    hipLaunchKernelGGL(HIP_KERNEL_NAME(scale_kernel<double, 2>), dim3((n + 127) / 128), dim3(128), 0, nullptr, in.data,
                       out.data, n);
    EXPECT_EQ(out.host()[10], 20.0);

    device_vector<float4> vin(64, make_float4(1, 2, 3, 4));
    device_vector<float4> vout(64);
    vector_kernel<<<1, 64>>>(vin.data, vout.data);
    EXPECT_EQ(vout.host()[63].w, 8.0f);
}

TEST(KernelLanguage, ADivergentBarrierFailsTheLaunchNamingBothCalls) {
    device_vector<int> out(64, 0);
    divergent_barrier<<<1, 64>>>(out.data);
    EXPECT_EQ(hipGetLastError(), hipErrorLaunchFailure);
    const std::string why = hipkb::cpu::take_launch_failure();
    EXPECT_NE(why.find("divergent __syncthreads"), std::string::npos) << why;
    EXPECT_NE(why.find("kernel_language_test.hip"), std::string::npos) << why;
}

TEST(KernelLanguage, BadConfigurationsAreLaunchErrors) {
    device_vector<int> out(1, 0);
    throws_nothing<<<1, 2048>>>(out.data);
    EXPECT_EQ(hipGetLastError(), hipErrorInvalidConfiguration);
    EXPECT_NE(hipkb::cpu::take_launch_failure().find("1024 threads"), std::string::npos);
    throws_nothing<<<1, 64, 128 * 1024>>>(out.data);
    EXPECT_EQ(hipGetLastError(), hipErrorInvalidValue);
    EXPECT_NE(hipkb::cpu::take_launch_failure().find("shared memory"), std::string::npos);
    throws_nothing<<<0, 64>>>(out.data);
    EXPECT_EQ(hipGetLastError(), hipErrorInvalidConfiguration);
    (void)hipkb::cpu::take_launch_failure();
}

TEST(RuntimeApi, DeviceDescribesTheCpuHonestly) {
    hipDeviceProp_t props;
    ASSERT_EQ(hipGetDeviceProperties(&props, 0), hipSuccess);
    EXPECT_EQ(std::string(props.gcnArchName), "cpu");
    EXPECT_EQ(props.warpSize, expected_warp_size());
    EXPECT_EQ(props.maxThreadsPerBlock, 1024);
    EXPECT_EQ(props.clockRate, 0);  // no invented clock
    EXPECT_EQ(props.multiProcessorCount, hipkb::cpu::worker_count());
    int count = 0;
    EXPECT_EQ(hipGetDeviceCount(&count), hipSuccess);
    EXPECT_EQ(count, 1);
    EXPECT_EQ(hipFree(reinterpret_cast<void*>(0x1234)), hipErrorInvalidDevicePointer);
    EXPECT_EQ(hipGetLastError(), hipErrorInvalidDevicePointer);
    EXPECT_EQ(hipGetLastError(), hipSuccess);
}

TEST(RuntimeApi, StreamsAndEventsTimeWorkThatRanWhenEnqueued) {
    hipStream_t stream = nullptr;
    ASSERT_EQ(hipStreamCreateWithFlags(&stream, hipStreamNonBlocking), hipSuccess);
    hipEvent_t start = nullptr;
    hipEvent_t stop = nullptr;
    ASSERT_EQ(hipEventCreate(&start), hipSuccess);
    ASSERT_EQ(hipEventCreate(&stop), hipSuccess);
    device_vector<float> x(1 << 16, 1.0f);
    device_vector<float> out(1, 0.0f);
    ASSERT_EQ(hipEventRecord(start, stream), hipSuccess);
    block_sum<<<16, 256, 0, stream>>>(x.data, out.data, 1 << 16);
    ASSERT_EQ(hipEventRecord(stop, stream), hipSuccess);
    ASSERT_EQ(hipStreamSynchronize(stream), hipSuccess);
    float ms = -1.0f;
    ASSERT_EQ(hipEventElapsedTime(&ms, start, stop), hipSuccess);
    EXPECT_GT(ms, 0.0f);
    EXPECT_EQ(out.host()[0], 65536.0f);
    EXPECT_EQ(hipEventDestroy(start), hipSuccess);
    EXPECT_EQ(hipEventDestroy(stop), hipSuccess);
    EXPECT_EQ(hipStreamDestroy(stream), hipSuccess);
}
