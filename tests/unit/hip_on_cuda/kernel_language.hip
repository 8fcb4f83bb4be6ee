// The HIP kernel language through hipkb's HIP-on-CUDA layer, in one file:
//  - compiled by nvcc with -std=c++17 as a CTest compile test on any machine
//    with nvcc (hipkb.test.hip_on_cuda.kernel_language_compile), so every
//    mapping below must at least compile for sm_90;
//  - on the nvidia platform also built into the device test, whose runners
//    (declared in kernel_language.hpp) check the results on a GPU.
// coverage_kernel and host_coverage() touch the mappings the runners do not
// exercise; they are compiled, not run.
#include <hip/hip_bf16.h>
#include <hip/hip_bfloat16.h>
#include <hip/hip_complex.h>
#include <hip/hip_cooperative_groups.h>
#include <hip/hip_fp16.h>
#include <hip/hip_runtime.h>

#include <type_traits>

#include "kernel_language.hpp"

// What HIP code tests with the preprocessor.
#if !defined(__HIP_PLATFORM_NVIDIA__) || !defined(__HIP_PLATFORM_NVCC__) || !defined(__HIPCC__)
#error "platform macros missing"
#endif
#if defined(__HIP_PLATFORM_AMD__)
#error "__HIP_PLATFORM_AMD__ must not be defined on the nvidia platform"
#endif
#if defined(__CUDA_ARCH__) && (!defined(__HIP_DEVICE_COMPILE__) || !__HIP_ARCH_HAS_WARP_SHUFFLE__)
#error "device-compile macros missing"
#endif

#define HOC_TRY(expr)                         \
    do {                                      \
        const hipError_t hoc_error_ = (expr); \
        if (hoc_error_ != hipSuccess) {       \
            return hoc_error_;                \
        }                                     \
    } while (0)

namespace {

template <class T>
class device_buffer {
public:
    device_buffer() = default;
    device_buffer(const device_buffer&) = delete;
    device_buffer& operator=(const device_buffer&) = delete;
    ~device_buffer() {
        if (m_ptr != nullptr) {
            (void)hipFree(m_ptr);
        }
    }
    hipError_t allocate(size_t count) { return hipMalloc(&m_ptr, count * sizeof(T)); }
    T* get() const { return m_ptr; }

private:
    T* m_ptr = nullptr;
};

// Copies one result struct out of the device after the kernel ran.
template <class T>
hipError_t finish_and_copy(T* host, const T* device) {
    HOC_TRY(hipGetLastError());
    HOC_TRY(hipDeviceSynchronize());
    return hipMemcpy(host, device, sizeof(T), hipMemcpyDeviceToHost);
}

// ---------------------------------------------------------------------------
// Warp functions
// ---------------------------------------------------------------------------

__global__ void warp_kernel(hoc_test::warp_results* r) {
    const int t = static_cast<int>(threadIdx.x);
    r->shfl_lane0[t] = __shfl(t, 0);
    r->shfl_up1[t] = __shfl_up(t, 1);
    r->shfl_down1[t] = __shfl_down(t, 1);
    r->shfl_xor1[t] = __shfl_xor(t, 1);
    r->shfl_down1_width16[t] = __shfl_down(t, 1, 16);
    r->shfl_lane3_width8[t] = __shfl(t, 3, 8);
    r->shfl_down32[t] = __shfl_down(t, 32);
    r->shfl_up2_unsigned[t] = __shfl_up(static_cast<unsigned int>(t) * 3u, 2);
    r->shfl_xor16_float[t] = __shfl_xor(0.5f * static_cast<float>(t), 16);
    r->shfl_down2_double[t] = __shfl_down(static_cast<double>(t) + 0.25, 2);
    r->shfl_xor3_longlong[t] = __shfl_xor((1LL << 40) + t, 3);
    r->shfl_down1_half[t] = __half2float(__shfl_down(__float2half(static_cast<float>(t)), 1));
    const __hip_bfloat16 b = __float2bfloat16(static_cast<float>(t));
    r->shfl_xor2_bfloat16[t] = __bfloat162float(__shfl_xor(b, 2));

    int partial = t;
    for (int offset = warpSize / 2; offset > 0; offset /= 2) {
        partial += __shfl_down(partial, offset);
    }
    r->reduce_down[t] = partial;
    int all_lanes = t;
    for (int mask = 1; mask < warpSize; mask <<= 1) {
        all_lanes += __shfl_xor(all_lanes, mask);
    }
    r->reduce_xor[t] = all_lanes;

    static_assert(std::is_same_v<decltype(__ballot(1)), unsigned long long>, "HIP's __ballot is 64-bit");
    r->ballot_mod3[t] = __ballot(t % 3 == 0);
    r->any_is40[t] = __any(t == 40);
    r->all_below63[t] = __all(t < 63);
    r->lane_id[t] = __lane_id();
    r->warp_size[t] = warpSize;
    r->popc_ballot_all[t] = __popcll(__ballot(1));
}

// ---------------------------------------------------------------------------
// Atomics
// ---------------------------------------------------------------------------

__global__ void atomic_kernel(hoc_test::atomic_results* r) {
    const int t = static_cast<int>(blockIdx.x * blockDim.x + threadIdx.x);
    atomicAdd(&r->add_sum, 1.0f);
    const float v = 0.25f * static_cast<float>(t - 100);
    atomicMax(&r->max_f, v);
    atomicMin(&r->min_f, v);
    atomicMax(&r->max_d, static_cast<double>(v));
    atomicMin(&r->min_d, static_cast<double>(v));
    unsafeAtomicAdd(&r->unsafe_add, 0.5f);
    safeAtomicAdd(&r->safe_add, 1.0);
    atomicAddNoRet(&r->add_noret, 2);
}

__global__ void atomic_old_value_kernel(hoc_test::atomic_results* r) {
    r->stored_max = 3.0f;
    r->old_max_first = atomicMax(&r->stored_max, 5.0f);
    r->old_max_second = atomicMax(&r->stored_max, 4.0f);
    r->stored_min = -2.0f;
    r->old_min = atomicMin(&r->stored_min, -7.0f);
}

// ---------------------------------------------------------------------------
// Launch syntax, dynamic shared memory, launch bounds
// ---------------------------------------------------------------------------

template <class T, int Scale>
__global__ void __launch_bounds__(64) reverse_scale_kernel(const T* in, T* out) {
    HIP_DYNAMIC_SHARED(T, tile)
    const unsigned int t = hipThreadIdx_x;
    const unsigned int base = hipBlockIdx_x * hipBlockDim_x;
    tile[t] = in[base + t];
    __syncthreads();
    out[base + t] = tile[hipBlockDim_x - 1 - t] * static_cast<T>(Scale);
}

template <class T>
__global__ void fill_kernel(T* p, T value, int n) {
    const int i = static_cast<int>(blockIdx.x * blockDim.x + threadIdx.x);
    if (i < n) {
        p[i] = value;
    }
}

__global__ void iota_kernel(int* out, int offset) { out[threadIdx.x] = static_cast<int>(threadIdx.x) + offset; }

// A template only to give each launch form a kernel of its own: the opt-in
// is per kernel, so one form's attribute must not help another.
template <int Form>
__global__ void big_shared_kernel(float* out, int n) {
    extern __shared__ float big[];
    for (int i = static_cast<int>(threadIdx.x); i < n; i += static_cast<int>(blockDim.x)) {
        big[i] = 1.0f;
    }
    __syncthreads();
    if (threadIdx.x == 0) {
        float sum = 0.0f;
        for (int i = 0; i < n; ++i) {
            sum += big[i];
        }
        *out = sum;
    }
}

// ---------------------------------------------------------------------------
// Symbols
// ---------------------------------------------------------------------------

__constant__ float c_coeffs[4];
__device__ int d_counter;

__global__ void read_coeffs_kernel(float* out) { out[threadIdx.x] = c_coeffs[threadIdx.x]; }
__global__ void bump_counter_kernel(int n) { atomicAdd(&d_counter, n); }

hipError_t read_coeffs(float* host) {
    device_buffer<float> d;
    HOC_TRY(d.allocate(4));
    read_coeffs_kernel<<<1, 4>>>(d.get());
    HOC_TRY(hipGetLastError());
    return hipMemcpy(host, d.get(), 4 * sizeof(float), hipMemcpyDeviceToHost);
}

// ---------------------------------------------------------------------------
// Vector types and half precision
// ---------------------------------------------------------------------------

__global__ void vector_kernel(hoc_test::vector_results* r) {
    const float4 a = make_float4(1.0f, 2.0f, 3.0f, 4.0f);
    const float4 b = make_float4(0.5f, -1.0f, 2.0f, 8.0f);
    r->sum = a + b;
    r->mixed = 2.0f * a - b / 2.0f;
    float4 c = a;
    c *= b;
    c += 1.0f;
    r->compound = c;
    r->negated = -a;
    const int2 i = make_int2(7, -9);
    r->divided = i / 2;
    r->int_mixed = i * 3 + make_int2(1, 1);
    r->wrapped = make_uchar4(250, 1, 2, 3) + make_uchar4(10, 1, 1, 1);
    __builtin_nontemporal_store(__builtin_nontemporal_load(&r->sum), &r->nontemporal_copy);
}

__global__ void half_kernel(hoc_test::half_results* r, __half* half_accumulator) {
    const __half a = __float2half(1.5f);
    const __half b = __float2half(2.25f);
    r->hadd = __half2float(__hadd(a, b));
    r->hmul = __half2float(__hmul(a, b));
    r->hfma = __half2float(__hfma(a, b, __float2half(0.125f)));
    const __half2 pair = __floats2half2_rn(1.0f, -2.0f);
    const __half2 doubled = __hadd2(pair, pair);
    r->h2_low = __low2float(doubled);
    r->h2_high = __high2float(doubled);
    const __hip_bfloat16 x = __float2bfloat16(3.0f);
    const __hip_bfloat16 y = __float2bfloat16(0.5f);
    r->bf_add = __bfloat162float(__hadd(x, y));
    r->bf_mul = __bfloat162float(__hmul(x, y));
    hip_bfloat16 s(1.25f);
    s += hip_bfloat16(2.0f);
    r->hip_bfloat16_sum = static_cast<float>(s);
    atomicAdd(half_accumulator, __float2half(0.5f));
}

// ---------------------------------------------------------------------------
// Coverage only: compiled, never launched.
// ---------------------------------------------------------------------------

namespace cg = cooperative_groups;

__global__ void coverage_kernel(float* f, double* d, int* i, unsigned int* u, unsigned long long* ull, __half* h,
                                __hip_bfloat16* bf) {
    const unsigned int linear =
        hipThreadIdx_x + hipThreadIdx_y * hipBlockDim_x + hipThreadIdx_z * hipBlockDim_x * hipBlockDim_y +
        (hipBlockIdx_x + hipBlockIdx_y * hipGridDim_x + hipBlockIdx_z * hipGridDim_x * hipGridDim_y) * hipBlockDim_x *
            hipBlockDim_y * hipBlockDim_z;
    // Shuffles on every type HIP supports.
    long l = static_cast<long>(linear);
    unsigned long ul = linear;
    long long ll = linear;
    l = __shfl(l, 1) + __shfl_up(l, 1u) + __shfl_down(l, 1u) + __shfl_xor(l, 1);
    ul = __shfl(ul, 1) + __shfl_up(ul, 1u) + __shfl_down(ul, 1u) + __shfl_xor(ul, 1);
    ll = __shfl(ll, 1) + __shfl_up(ll, 1u, 16) + __shfl_down(ll, 1u, 8) + __shfl_xor(ll, 1, 4);
    ull[0] = __shfl(ull[1], 2) + __shfl_up(ull[1], 2u) + __shfl_down(ull[1], 2u) + __shfl_xor(ull[1], 2);
    u[0] = __shfl(u[1], 2) + __shfl_up(u[1], 2u) + __shfl_down(u[1], 2u) + __shfl_xor(u[1], 2);
    d[0] = __shfl(d[1], 2) + __shfl_up(d[1], 2u) + __shfl_down(d[1], 2u) + __shfl_xor(d[1], 2);
    h[0] = __hadd(__shfl(h[1], 2), __shfl_up(h[1], 2u));
    const __half2 h2 = __shfl_xor(__halves2half2(h[1], h[2]), 1);
    h[3] = __low2half(h2);
    bf[0] = __shfl_down(bf[1], 1u);
    const __hip_bfloat162 bf2 = __shfl(__halves2bfloat162(bf[1], bf[2]), 0);
    bf[3] = __low2bfloat16(bf2);
    i[0] = static_cast<int>(l + static_cast<long>(ul) + static_cast<long>(ll));
    // Votes and lane queries.
    const unsigned long long votes = __ballot(i[1] > 0);
    i[1] = __any(i[2] > 0) + __all(i[3] > 0) + __popcll(votes) + static_cast<int>(__lane_id()) +
           static_cast<int>(__smid()) + __popc(__activemask());
    // Atomics, HIP-only and CUDA-native.
    atomicMax(f, 1.0f);
    atomicMin(f, -1.0f);
    atomicMax(d, 1.0);
    atomicMin(d, -1.0);
    unsafeAtomicAdd(d, 1.0);
    safeAtomicAdd(f, 1.0f);
    atomicAddNoRet(f, 1.0f);
    atomicAdd(h, __float2half(1.0f));
    atomicAdd(bf, __float2bfloat16(1.0f));
    atomicAdd_system(i, 1);
    atomicCAS(u, 1u, 2u);
    atomicExch(f, 0.0f);
    atomicInc(u, 10u);
    atomicAnd(i, 1);
    atomicOr(i, 2);
    atomicXor(i, 3);
    // Synchronisation and fences.
    __syncthreads();
    i[2] = __syncthreads_count(i[3] > 0) + __syncthreads_and(i[3] > 0) + __syncthreads_or(i[3] > 0);
    __syncwarp();
    __threadfence();
    __threadfence_block();
    __threadfence_system();
    // Math intrinsics.
    f[1] = __expf(f[2]) + __logf(f[2]) + __sinf(f[2]) + __cosf(f[2]) + __powf(f[2], 2.0f) + __fdividef(f[2], 3.0f) +
           rsqrtf(f[2]) + __frsqrt_rn(f[2]) + __fsqrt_rn(f[2]) + fmaf(f[2], 2.0f, 1.0f) + __fmaf_rn(f[2], 2.0f, 1.0f) +
           __saturatef(f[2]) + fmaxf(f[2], 0.0f) + fminf(f[2], 0.0f) + erff(f[2]) + tanhf(f[2]) + expf(f[2]);
    d[1] = exp(d[2]) + sqrt(d[2]) + rsqrt(d[2]) + fma(d[2], 2.0, 1.0);
    i[3] = __clz(i[3]) + __ffs(i[3]) + __popc(u[1]) + __mul24(i[3], 2) + __umulhi(u[1], u[2]) > 0 ? 1 : 0;
    u[3] = __brev(u[3]) + __byte_perm(u[1], u[2], 0x3210);
    ull[2] = __clzll(static_cast<long long>(ull[2])) + __ffsll(static_cast<long long>(ull[2]));
    ull[3] = static_cast<unsigned long long>(clock64()) + static_cast<unsigned long long>(clock());
    // Non-temporal builtins (HIP-Clang) as streaming loads and stores.
    __builtin_nontemporal_store(__builtin_nontemporal_load(&f[8]) + 1.0f, &f[9]);
    __builtin_nontemporal_store(__builtin_nontemporal_load(&h[10]), &h[11]);
    // Half and bfloat16 arithmetic and math.
    h[4] = __hmax(hsqrt(h[5]), hexp(h[6])) + __hmin(h[5], h[6]) - h[7] * h[8] / h[9];
    bf[4] = __hfma(bf[5], bf[6], bf[7]) + hsqrt(bf[8]);
    f[3] = __half2float(h[4]) + __bfloat162float(bf[4]) + __low2float(__half22float2(h2).x > 0 ? h2 : h2);
    // Vector arithmetic on several vector types.
    char2 c2 = make_char2(1, 2);
    c2 += make_char2(1, 1);
    ushort3 us3 = make_ushort3(1, 2, 3) * static_cast<unsigned short>(2);
    us3 -= make_ushort3(1, 1, 1);
    double3 d3 = make_double3(1.0, 2.0, 3.0) / 2.0;
    d3 = -d3;
    longlong2 ll2 = make_longlong2(1, 2) + make_longlong2(3, 4);
    ll2 *= 2LL;
    uint4 u4 = make_uint4(1, 2, 3, 4) - 1u;
    u4 /= make_uint4(1, 1, 1, 1);
    f[4] = static_cast<float>(c2.x + us3.y) + static_cast<float>(d3.z + static_cast<double>(ll2.y + u4.w));
    // hip_bfloat16 and complex.
    hip_bfloat16 hb(f[5]);
    hb = hb * hip_bfloat16(2.0f) - hip_bfloat16(1.0f, hip_bfloat16::truncate);
    hb /= hip_bfloat16(3.0f);
    f[5] = (hb < hip_bfloat16(1.0f)) ? static_cast<float>(-hb) : static_cast<float>(hb);
    const hipFloatComplex z = hipCmulf(make_hipFloatComplex(f[6], 1.0f), hipConjf(make_hipFloatComplex(1.0f, 2.0f)));
    f[6] = hipCabsf(hipCaddf(z, hipCdivf(z, make_hipFloatComplex(2.0f, 0.0f)))) + hipCrealf(z) + hipCimagf(z);
    // Cooperative groups.
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);
    f[7] = tile.shfl_down(f[7], 1) + static_cast<float>(tile.thread_rank() + block.thread_rank());
    tile.sync();
    block.sync();
}

// Templated kernel for the function-pointer forms of the runtime API.
template <int N>
__global__ void coverage_template_kernel(float* p) {
    p[threadIdx.x] = static_cast<float>(N);
}

}  // namespace

// Host API forms that need the kernel-language header (templates over
// kernels, cooperative launch); compiled, not called.
hipError_t host_coverage() {
    int grid = 0;
    int block = 0;
    HOC_TRY(hipOccupancyMaxPotentialBlockSize(&grid, &block, coverage_kernel));
    HOC_TRY(hipOccupancyMaxPotentialBlockSize(&grid, &block, coverage_template_kernel<3>, 0, 256));
    HOC_TRY(hipOccupancyMaxPotentialBlockSize(&grid, &block, reinterpret_cast<const void*>(&coverage_kernel)));
    hipFuncAttributes attributes{};
    HOC_TRY(hipFuncGetAttributes(&attributes, coverage_template_kernel<4>));
    HOC_TRY(hipFuncSetCacheConfig(coverage_kernel, hipFuncCachePreferShared));
    HOC_TRY(hipFuncSetAttribute(reinterpret_cast<const void*>(&coverage_kernel),
                                hipFuncAttributePreferredSharedMemoryCarveout, 50));
    float* p = nullptr;
    void* args[] = {&p};
    HOC_TRY(hipLaunchCooperativeKernel(coverage_template_kernel<5>, dim3(1), dim3(32), args, 0u, nullptr));
    HOC_TRY(hipLaunchCooperativeKernel(reinterpret_cast<const void*>(&coverage_template_kernel<5>), dim3(1), dim3(32),
                                       args, 0u, nullptr));
    hipLaunchKernelGGL(HIP_KERNEL_NAME(coverage_template_kernel<6>), dim3(1), dim3(32), 0, 0, p);
    hipLaunchKernelGGL(coverage_template_kernel<7>, 1, 32, 0, hipStreamPerThread, p);
    // A kernel held in a local pointer: named, so the shared-memory opt-in can apply.
    auto* chosen = &coverage_template_kernel<8>;
    hipLaunchKernelGGL(chosen, 1, 32, 0, 0, p);
    return hipGetLastError();
}

// ---------------------------------------------------------------------------
// Runners
// ---------------------------------------------------------------------------

namespace hoc_test {

hipError_t run_warp_functions(warp_results* out) {
    device_buffer<warp_results> d;
    HOC_TRY(d.allocate(1));
    HOC_TRY(hipMemset(d.get(), 0, sizeof(warp_results)));
    hipLaunchKernelGGL(warp_kernel, dim3(1), dim3(kWarpThreads), 0, 0, d.get());
    return finish_and_copy(out, d.get());
}

hipError_t run_atomics(atomic_results* out) {
    atomic_results init{};
    init.max_f = -1000.0f;
    init.min_f = 1000.0f;
    init.max_d = -1000.0;
    init.min_d = 1000.0;
    device_buffer<atomic_results> d;
    HOC_TRY(d.allocate(1));
    HOC_TRY(hipMemcpy(d.get(), &init, sizeof init, hipMemcpyHostToDevice));
    atomic_kernel<<<kAtomicThreads / 128, 128>>>(d.get());
    HOC_TRY(hipGetLastError());
    atomic_old_value_kernel<<<1, 1>>>(d.get());
    return finish_and_copy(out, d.get());
}

hipError_t run_launch_and_dynamic_shared(float* out) {
    float in[kReverseSize];
    for (int i = 0; i < kReverseSize; ++i) {
        in[i] = static_cast<float>(i);
    }
    device_buffer<float> d_in;
    device_buffer<float> d_out;
    HOC_TRY(d_in.allocate(kReverseSize));
    HOC_TRY(d_out.allocate(kReverseSize));
    HOC_TRY(hipMemcpy(d_in.get(), in, sizeof in, hipMemcpyHostToDevice));
    hipLaunchKernelGGL(HIP_KERNEL_NAME(reverse_scale_kernel<float, 4>), dim3(kReverseBlocks), dim3(kReverseBlock),
                       kReverseBlock * sizeof(float), nullptr, d_in.get(), d_out.get());
    HOC_TRY(hipGetLastError());
    HOC_TRY(hipDeviceSynchronize());
    return hipMemcpy(out, d_out.get(), kReverseSize * sizeof(float), hipMemcpyDeviceToHost);
}

hipError_t run_deduced_template_launch(int* out, int value) {
    device_buffer<int> d;
    HOC_TRY(d.allocate(kFillSize));
    hipLaunchKernelGGL(fill_kernel, dim3(1), dim3(128), 0, 0, d.get(), value, kFillSize);
    HOC_TRY(hipGetLastError());
    HOC_TRY(hipDeviceSynchronize());
    return hipMemcpy(out, d.get(), kFillSize * sizeof(int), hipMemcpyDeviceToHost);
}

hipError_t run_symbols(symbol_results* out) {
    const float first[4] = {1.0f, 2.0f, 3.0f, 4.0f};
    HOC_TRY(hipMemcpyToSymbol(c_coeffs, first, sizeof first));
    HOC_TRY(read_coeffs(out->by_name));
    const float second[4] = {5.0f, 6.0f, 7.0f, 8.0f};
    HOC_TRY(hipMemcpyToSymbol(HIP_SYMBOL(c_coeffs), second, sizeof second, 0, hipMemcpyHostToDevice));
    HOC_TRY(read_coeffs(out->by_hip_symbol));
    const float third[4] = {9.0f, 10.0f, 11.0f, 12.0f};
    HOC_TRY(hipMemcpyToSymbol(&c_coeffs, third, sizeof third));
    HOC_TRY(read_coeffs(out->by_address));
    const float last = 42.0f;
    HOC_TRY(hipMemcpyToSymbolAsync(c_coeffs, &last, sizeof last, 3 * sizeof(float), hipMemcpyHostToDevice, nullptr));
    HOC_TRY(hipStreamSynchronize(nullptr));
    HOC_TRY(read_coeffs(out->with_offset));

    const int zero = 0;
    HOC_TRY(hipMemcpyToSymbol(d_counter, &zero, sizeof zero));
    bump_counter_kernel<<<1, 5>>>(3);
    HOC_TRY(hipGetLastError());
    HOC_TRY(hipDeviceSynchronize());
    HOC_TRY(hipMemcpyFromSymbol(&out->counter_from_symbol, d_counter, sizeof(int)));
    void* counter_address = nullptr;
    HOC_TRY(hipGetSymbolAddress(&counter_address, HIP_SYMBOL(d_counter)));
    HOC_TRY(hipMemcpy(&out->counter_via_address, counter_address, sizeof(int), hipMemcpyDeviceToHost));
    return hipGetSymbolSize(&out->coeffs_size, c_coeffs);
}

hipError_t run_vector_ops(vector_results* out) {
    device_buffer<vector_results> d;
    HOC_TRY(d.allocate(1));
    vector_kernel<<<1, 1>>>(d.get());
    return finish_and_copy(out, d.get());
}

hipError_t run_half_math(half_results* out) {
    device_buffer<half_results> d;
    device_buffer<__half> accumulator;
    HOC_TRY(d.allocate(1));
    HOC_TRY(accumulator.allocate(1));
    HOC_TRY(hipMemset(accumulator.get(), 0, sizeof(__half)));  // all-zero bits are +0.0
    half_kernel<<<1, 8>>>(d.get(), accumulator.get());
    HOC_TRY(finish_and_copy(out, d.get()));
    __half sum;
    HOC_TRY(hipMemcpy(&sum, accumulator.get(), sizeof sum, hipMemcpyDeviceToHost));
    out->half_atomic_sum = __half2float(sum);
    return hipSuccess;
}

hipError_t run_big_dynamic_shared(int bytes, big_shared_results* out) {
    device_buffer<float> d;
    HOC_TRY(d.allocate(1));
    const int n = bytes / static_cast<int>(sizeof(float));
    big_shared_kernel<0><<<1, 256, static_cast<size_t>(bytes)>>>(d.get(), n);
    out->without_attribute = hipGetLastError();
    out->set_attribute = hipFuncSetAttribute(big_shared_kernel<0>, hipFuncAttributeMaxDynamicSharedMemorySize, bytes);
    big_shared_kernel<0><<<1, 256, static_cast<size_t>(bytes)>>>(d.get(), n);
    out->with_attribute = hipGetLastError();
    HOC_TRY(out->with_attribute);
    HOC_TRY(hipDeviceSynchronize());
    HOC_TRY(hipMemcpy(&out->sum, d.get(), sizeof(float), hipMemcpyDeviceToHost));

    hipLaunchKernelGGL(big_shared_kernel<1>, dim3(1), dim3(256), static_cast<size_t>(bytes), 0, d.get(), n);
    out->ggl_alone = hipGetLastError();
    HOC_TRY(out->ggl_alone);
    HOC_TRY(hipDeviceSynchronize());
    HOC_TRY(hipMemcpy(&out->ggl_sum, d.get(), sizeof(float), hipMemcpyDeviceToHost));

    float* ptr = d.get();
    int count = n;
    void* args[] = {&ptr, &count};
    out->launch_kernel_alone =
        hipLaunchKernel(big_shared_kernel<2>, dim3(1), dim3(256), args, static_cast<size_t>(bytes), nullptr);
    HOC_TRY(out->launch_kernel_alone);
    HOC_TRY(hipDeviceSynchronize());
    return hipMemcpy(&out->launch_kernel_sum, d.get(), sizeof(float), hipMemcpyDeviceToHost);
}

hipError_t run_occupancy(occupancy_results* out) {
    HOC_TRY(hipOccupancyMaxPotentialBlockSize(&out->min_grid, &out->block, reverse_scale_kernel<float, 4>));
    HOC_TRY(hipOccupancyMaxActiveBlocksPerMultiprocessor(&out->blocks_per_sm, fill_kernel<int>, 128, 0));
    HOC_TRY(hipOccupancyMaxActiveBlocksPerMultiprocessor(&out->blocks_per_sm_c,
                                                         reinterpret_cast<const void*>(&fill_kernel<int>), 128, 0));
    hipFuncAttributes attributes{};
    HOC_TRY(hipFuncGetAttributes(&attributes, reverse_scale_kernel<float, 4>));
    out->max_threads_attr = attributes.maxThreadsPerBlock;
    return hipSuccess;
}

hipError_t run_launch_kernel_api(int* c_form, int* template_form, int offset) {
    device_buffer<int> d;
    HOC_TRY(d.allocate(kIotaSize));
    int* ptr = d.get();
    void* args[] = {&ptr, &offset};
    HOC_TRY(hipLaunchKernel(reinterpret_cast<const void*>(&iota_kernel), dim3(1), dim3(kIotaSize), args, 0, nullptr));
    HOC_TRY(hipDeviceSynchronize());
    HOC_TRY(hipMemcpy(c_form, ptr, kIotaSize * sizeof(int), hipMemcpyDeviceToHost));
    HOC_TRY(hipMemset(ptr, 0, kIotaSize * sizeof(int)));
    HOC_TRY(hipLaunchKernel(iota_kernel, dim3(1), dim3(kIotaSize), args, 0, nullptr));
    HOC_TRY(hipDeviceSynchronize());
    return hipMemcpy(template_form, ptr, kIotaSize * sizeof(int), hipMemcpyDeviceToHost);
}

hipError_t run_invalid_launch(invalid_launch_results* out) {
    device_buffer<int> d;
    HOC_TRY(d.allocate(1));
    fill_kernel<<<1, 2048>>>(d.get(), 1, 1);
    out->first = hipGetLastError();
    out->second = hipGetLastError();
    return hipSuccess;
}

hipError_t run_stream_and_events(stream_results* out, int value) {
    hipStream_t stream = nullptr;
    hipEvent_t start = nullptr;
    hipEvent_t stop = nullptr;
    HOC_TRY(hipStreamCreateWithFlags(&stream, hipStreamNonBlocking));
    HOC_TRY(hipEventCreate(&start));
    HOC_TRY(hipEventCreateWithFlags(&stop, hipEventDefault));
    device_buffer<int> d;
    HOC_TRY(d.allocate(kStreamSize));
    HOC_TRY(hipMemsetAsync(d.get(), 0xff, kStreamSize * sizeof(int), stream));
    HOC_TRY(hipEventRecord(start, stream));
    hipLaunchKernelGGL(fill_kernel, 1, kStreamSize, 0, stream, d.get(), value, kStreamSize);
    HOC_TRY(hipGetLastError());
    HOC_TRY(hipEventRecord(stop, stream));
    HOC_TRY(hipMemcpyAsync(out->values, d.get(), kStreamSize * sizeof(int), hipMemcpyDeviceToHost, stream));
    HOC_TRY(hipStreamSynchronize(stream));
    HOC_TRY(hipEventSynchronize(stop));
    HOC_TRY(hipEventElapsedTime(&out->elapsed_ms, start, stop));
    out->stream_query = hipStreamQuery(stream);
    out->event_query = hipEventQuery(stop);
    HOC_TRY(hipEventDestroy(start));
    HOC_TRY(hipEventDestroy(stop));
    return hipStreamDestroy(stream);
}

hipError_t run_graph(graph_results* out, int value) {
    hipStream_t stream = nullptr;
    HOC_TRY(hipStreamCreateWithFlags(&stream, hipStreamNonBlocking));
    device_buffer<int> d;
    HOC_TRY(d.allocate(kStreamSize));
    HOC_TRY(hipMemset(d.get(), 0, kStreamSize * sizeof(int)));
    hipGraph_t graph = nullptr;
    HOC_TRY(hipStreamBeginCapture(stream, hipStreamCaptureModeGlobal));
    hipLaunchKernelGGL(fill_kernel, 1, kStreamSize, 0, stream, d.get(), value, kStreamSize);
    HOC_TRY(hipStreamEndCapture(stream, &graph));
    hipGraphExec_t exec = nullptr;
    hipGraphNode_t error_node = reinterpret_cast<hipGraphNode_t>(&out);  // any non-null value
    char log[8] = "garbage";
    HOC_TRY(hipGraphInstantiate(&exec, graph, &error_node, log, sizeof log));
    out->error_node_cleared = error_node == nullptr;
    out->log_cleared = log[0] == '\0';
    HOC_TRY(hipGraphLaunch(exec, stream));
    HOC_TRY(hipStreamSynchronize(stream));
    HOC_TRY(hipMemcpy(out->values, d.get(), kStreamSize * sizeof(int), hipMemcpyDeviceToHost));
    HOC_TRY(hipGraphExecDestroy(exec));
    HOC_TRY(hipGraphDestroy(graph));
    return hipStreamDestroy(stream);
}

}  // namespace hoc_test
