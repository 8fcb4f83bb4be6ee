/* hipkb's HIP-on-CUDA layer: the HIP kernel language and runtime, for HIP
 * sources compiled by nvcc as CUDA (the nvidia platform).
 *
 * Includes the host runtime API (<hip/hip_runtime_api.h>) and adds what needs
 * nvcc: launch syntax, index built-ins, warp functions with HIP's semantics,
 * HIP-only atomics, vector-type arithmetic, and compile errors for AMD-only
 * device builtins. CUDA already provides most of the HIP kernel language
 * under the same names (__global__, __shared__, __syncthreads, atomicAdd,
 * threadIdx, math functions, __launch_bounds__, ...); those pass through.
 *
 * Semantics that differ from HIP on AMD GPUs (docs/platforms.md has the
 * details):
 *  - warpSize is 32, not 64. It is CUDA's device built-in variable: readable
 *    in device code only and not a constant expression (as in ROCm 7), so
 *    `__shared__ float s[1024 / warpSize]` does not compile. The width
 *    argument of the shuffles defaults to it, and __ballot's 64-bit result
 *    has its upper 32 bits zero.
 *  - HIP's mask-less warp functions (__shfl*, __ballot, __any, __all) run as
 *    CUDA's _sync variants with the full 32-lane mask: every lane of the warp
 *    must reach the call, as on AMD where the whole wavefront executes it.
 *    Calling them under lane divergence is undefined on NVIDIA.
 *  - __launch_bounds__(threads, n) passes through: CUDA reads n as minimum
 *    blocks per SM, HIP as minimum waves per execution unit. Both are hints.
 *
 * Macros are used only where the language needs them: HIP's own macro API
 * (hipLaunchKernelGGL, HIP_KERNEL_NAME, HIP_DYNAMIC_SHARED, hipThreadIdx_x,
 * ...), the feature-test macros HIP code checks with #if, and __ballot,
 * __any and __all, whose names CUDA already declares as extern "C" functions
 * of an int (32-bit result, rejected by ptxas on sm_70+), which no overload
 * can replace.
 */
#ifndef HIPKB_HIP_ON_CUDA_HIP_RUNTIME_H
#define HIPKB_HIP_ON_CUDA_HIP_RUNTIME_H

#if !defined(__CUDACC__)
#error \
    "hip/hip_runtime.h of hipkb's HIP-on-CUDA layer needs nvcc (compile .hip files as CUDA); host-only C++ includes <hip/hip_runtime_api.h>"
#endif

#include <cuda_runtime.h>

#include <hip/hip_runtime_api.h>
#include <hip/hip_vector_types.h>

// libcu++ declares a struct member spelled `__any(...)`; it is included here,
// before the __any macro below exists, so its include guard keeps later
// includes (cooperative groups, CUB) from seeing the macro.
#if __has_include(<cuda/std/__functional/invoke.h>)
#include <cuda/std/__functional/invoke.h>
#endif

// ---------------------------------------------------------------------------
// Compilation-mode macros HIP code tests with #if
// ---------------------------------------------------------------------------

#ifndef __HIPCC__
#define __HIPCC__ 1
#endif
#if defined(__CUDA_ARCH__) && !defined(__HIP_DEVICE_COMPILE__)
#define __HIP_DEVICE_COMPILE__ 1
#endif
// Feature macros HIP defines while compiling device code; every one holds on
// the GPUs CUDA 13 supports (sm_75 and newer).
#if defined(__CUDA_ARCH__)
#define __HIP_ARCH_HAS_GLOBAL_INT32_ATOMICS__ 1
#define __HIP_ARCH_HAS_GLOBAL_FLOAT_ATOMIC_EXCH__ 1
#define __HIP_ARCH_HAS_SHARED_INT32_ATOMICS__ 1
#define __HIP_ARCH_HAS_SHARED_FLOAT_ATOMIC_EXCH__ 1
#define __HIP_ARCH_HAS_FLOAT_ATOMIC_ADD__ 1
#define __HIP_ARCH_HAS_GLOBAL_INT64_ATOMICS__ 1
#define __HIP_ARCH_HAS_SHARED_INT64_ATOMICS__ 1
#define __HIP_ARCH_HAS_DOUBLES__ 1
#define __HIP_ARCH_HAS_WARP_VOTE__ 1
#define __HIP_ARCH_HAS_WARP_BALLOT__ 1
#define __HIP_ARCH_HAS_WARP_SHUFFLE__ 1
#define __HIP_ARCH_HAS_WARP_FUNNEL_SHIFT__ 1
#define __HIP_ARCH_HAS_THREAD_FENCE_SYSTEM__ 1
#define __HIP_ARCH_HAS_SYNC_THREAD_EXT__ 1
#define __HIP_ARCH_HAS_3DGRID__ 1
#endif

// ---------------------------------------------------------------------------
// Index built-ins and launch syntax (macros in HIP itself)
// ---------------------------------------------------------------------------

#define hipThreadIdx_x (threadIdx.x)
#define hipThreadIdx_y (threadIdx.y)
#define hipThreadIdx_z (threadIdx.z)
#define hipBlockIdx_x (blockIdx.x)
#define hipBlockIdx_y (blockIdx.y)
#define hipBlockIdx_z (blockIdx.z)
#define hipBlockDim_x (blockDim.x)
#define hipBlockDim_y (blockDim.y)
#define hipBlockDim_z (blockDim.z)
#define hipGridDim_x (gridDim.x)
#define hipGridDim_y (gridDim.y)
#define hipGridDim_z (gridDim.z)

// Wraps a kernel name holding commas (a template-id) for hipLaunchKernelGGL.
#define HIP_KERNEL_NAME(...) __VA_ARGS__

namespace hipkb::hip_on_cuda::detail {

// The address of a kernel named by a function, a template-id or a pointer;
// deduction fails (and the caller's probe says so) for a template whose
// arguments the launch would deduce from its arguments.
template <class Marker, class Function>
const void* named_kernel_address(Function* kernel) {
    return reinterpret_cast<const void*>(kernel);
}

template <class Probe, class = void>
struct probe_succeeds : std::false_type {};
template <class Probe>
struct probe_succeeds<Probe, std::void_t<decltype(std::declval<Probe>()(0))>> : std::true_type {};

// The kernel's address when the probe can name it, else null.
template <class Probe>
const void* kernel_address_if_named(Probe probe) {
    if constexpr (probe_succeeds<Probe>::value) {
        return probe(0);
    } else {
        return nullptr;
    }
}

template <class Launch>
void launch_with_shared(const void* kernel, std::size_t shared_bytes, Launch launch) {
    allow_dynamic_shared(kernel, shared_bytes);
    launch(shared_bytes);
}

}  // namespace hipkb::hip_on_cuda::detail

// hipLaunchKernelGGL(kernel, grid, block, shared_bytes, stream, args...) is
// kernel<<<grid, block, shared_bytes, stream>>>(args...), with CUDA's opt-in
// for more than 48 KiB of dynamic shared memory taken first (see
// allow_dynamic_shared). The kernel is parenthesised so that a
// HIP_KERNEL_NAME(k<T, N>) argument stays one expression; template arguments
// can still be deduced from args, though such a kernel cannot be named before
// the launch, so above 48 KiB it needs hipFuncSetAttribute as on CUDA. The
// probe is a generic lambda so that failing to name the kernel is a
// substitution failure, not a compile error.
#define hipLaunchKernelGGL(kernel_name, grid, block, shared_bytes, stream, ...)                                  \
    ::hipkb::hip_on_cuda::detail::launch_with_shared(                                                            \
        ::hipkb::hip_on_cuda::detail::kernel_address_if_named(                                                   \
            [&](auto hipkb_marker_)                                                                              \
                -> decltype(::hipkb::hip_on_cuda::detail::named_kernel_address<decltype(hipkb_marker_)>(         \
                    kernel_name)) {                                                                              \
                return ::hipkb::hip_on_cuda::detail::named_kernel_address<decltype(hipkb_marker_)>(kernel_name); \
            }),                                                                                                  \
        static_cast<std::size_t>(shared_bytes), [&](std::size_t hipkb_shared_bytes_) {                           \
            (kernel_name)<<<(grid), (block), hipkb_shared_bytes_, (stream)>>>(__VA_ARGS__);                      \
        })

// Dynamic shared memory, sized by the launch's shared_bytes.
#define HIP_DYNAMIC_SHARED(type, name) extern __shared__ type name[];
#define HIP_DYNAMIC_SHARED_ATTRIBUTE

// ---------------------------------------------------------------------------
// Warp functions
// ---------------------------------------------------------------------------

namespace hipkb::hip_on_cuda {

// HIP's warp functions take no mask: they act on the whole wavefront, which
// every lane reaches. The CUDA equivalent is the full-warp mask.
inline constexpr unsigned int full_warp_mask = 0xffffffffu;

__device__ inline unsigned long long ballot(int predicate) {
    return static_cast<unsigned long long>(__ballot_sync(full_warp_mask, predicate));
}
__device__ inline int any(int predicate) { return __any_sync(full_warp_mask, predicate); }
__device__ inline int all(int predicate) { return __all_sync(full_warp_mask, predicate); }

}  // namespace hipkb::hip_on_cuda

// HIP: unsigned long long __ballot(int); int __any(int); int __all(int).
#define __ballot(predicate) ::hipkb::hip_on_cuda::ballot(predicate)
#define __any(predicate) ::hipkb::hip_on_cuda::any(predicate)
#define __all(predicate) ::hipkb::hip_on_cuda::all(predicate)

// Shuffles: HIP's (var, lane-or-delta, width = warpSize) for every type CUDA's
// __shfl*_sync accepts (int, unsigned, long, long long and their unsigned
// forms, float, double, __half, __half2, __nv_bfloat16, __nv_bfloat162).
// CUDA declares its own deprecated mask-less shuffles only for targets older
// than sm_70 and for nvcc's host pass (which generates no device code); for
// sm_70 and newer these templates are the only candidates.
template <class T>
__device__ inline T __shfl(T var, int src_lane, int width = warpSize) {
    return __shfl_sync(hipkb::hip_on_cuda::full_warp_mask, var, src_lane, width);
}
template <class T>
__device__ inline T __shfl_up(T var, unsigned int delta, int width = warpSize) {
    return __shfl_up_sync(hipkb::hip_on_cuda::full_warp_mask, var, delta, width);
}
template <class T>
__device__ inline T __shfl_down(T var, unsigned int delta, int width = warpSize) {
    return __shfl_down_sync(hipkb::hip_on_cuda::full_warp_mask, var, delta, width);
}
template <class T>
__device__ inline T __shfl_xor(T var, int lane_mask, int width = warpSize) {
    return __shfl_xor_sync(hipkb::hip_on_cuda::full_warp_mask, var, lane_mask, width);
}

// The lane's index within its warp (0..31 here, 0..63 on most AMD GPUs).
__device__ inline unsigned int __lane_id() {
    unsigned int lane;
    asm volatile("mov.u32 %0, %%laneid;" : "=r"(lane));
    return lane;
}
// The id of the SM the thread runs on (HIP: of its compute unit).
__device__ inline unsigned int __smid() {
    unsigned int sm;
    asm volatile("mov.u32 %0, %%smid;" : "=r"(sm));
    return sm;
}

// ---------------------------------------------------------------------------
// Non-temporal memory access
// ---------------------------------------------------------------------------

// HIP-Clang's non-temporal builtins, which AMD-tuned kernels use for data read
// or written once. NVIDIA's nearest hint is the streaming cache operator
// (ld.global.cs / st.global.cs), for the types __ldcs/__stcs accept: the
// 1- to 4-wide int, unsigned, float, double, long long vector types, __half,
// __half2, __nv_bfloat16 and __nv_bfloat162.
template <class T>
__device__ inline T __builtin_nontemporal_load(const T* address) {
    return __ldcs(address);
}
template <class T>
__device__ inline void __builtin_nontemporal_store(T value, T* address) {
    __stcs(address, value);
}

// ---------------------------------------------------------------------------
// Atomics CUDA lacks
// ---------------------------------------------------------------------------

namespace hipkb::hip_on_cuda::detail {

// The bits of a float or double as the unsigned type atomicCAS works on.
__device__ inline unsigned int to_bits(float v) { return __float_as_uint(v); }
__device__ inline unsigned long long to_bits(double v) {
    return static_cast<unsigned long long>(__double_as_longlong(v));
}
__device__ inline float from_bits(unsigned int b) { return __uint_as_float(b); }
__device__ inline double from_bits(unsigned long long b) { return __longlong_as_double(static_cast<long long>(b)); }

// Compare-and-swap loop applying fmax/fmin; returns the old value like every
// atomic. NaN follows fmaxf/fminf: a NaN operand never replaces a number.
// The loop stops without writing when the stored value already wins.
template <class Float, class Pick>
__device__ inline Float atomic_float_update(Float* address, Float value, Pick pick) {
    using Bits = decltype(to_bits(value));
    Bits* bits = reinterpret_cast<Bits*>(address);
    Bits old_bits = *reinterpret_cast<volatile Bits*>(bits);
    for (;;) {
        const Float old_value = from_bits(old_bits);
        const Bits new_bits = to_bits(pick(old_value, value));
        if (new_bits == old_bits) {
            return old_value;
        }
        const Bits seen = atomicCAS(bits, old_bits, new_bits);
        if (seen == old_bits) {
            return old_value;
        }
        old_bits = seen;
    }
}

struct pick_max {
    __device__ float operator()(float a, float b) const { return fmaxf(a, b); }
    __device__ double operator()(double a, double b) const { return fmax(a, b); }
};
struct pick_min {
    __device__ float operator()(float a, float b) const { return fminf(a, b); }
    __device__ double operator()(double a, double b) const { return fmin(a, b); }
};

}  // namespace hipkb::hip_on_cuda::detail

// HIP has atomicMax/atomicMin on float and double; CUDA only on integers.
__device__ inline float atomicMax(float* address, float value) {
    return hipkb::hip_on_cuda::detail::atomic_float_update(address, value, hipkb::hip_on_cuda::detail::pick_max{});
}
__device__ inline float atomicMin(float* address, float value) {
    return hipkb::hip_on_cuda::detail::atomic_float_update(address, value, hipkb::hip_on_cuda::detail::pick_min{});
}
__device__ inline double atomicMax(double* address, double value) {
    return hipkb::hip_on_cuda::detail::atomic_float_update(address, value, hipkb::hip_on_cuda::detail::pick_max{});
}
__device__ inline double atomicMin(double* address, double value) {
    return hipkb::hip_on_cuda::detail::atomic_float_update(address, value, hipkb::hip_on_cuda::detail::pick_min{});
}
// HIP's unsafe/safe variants choose how AMD hardware performs a floating
// atomic add; NVIDIA has one native add, so both are atomicAdd.
template <class T>
__device__ inline T unsafeAtomicAdd(T* address, T value) {
    return atomicAdd(address, value);
}
template <class T>
__device__ inline T safeAtomicAdd(T* address, T value) {
    return atomicAdd(address, value);
}
template <class T>
__device__ inline void atomicAddNoRet(T* address, T value) {
    (void)atomicAdd(address, value);
}

// ---------------------------------------------------------------------------
// Runtime API pieces that need CUDA's C++ templates (cuda_runtime.h)
// ---------------------------------------------------------------------------

// HIP takes the kernel as const void* or as the kernel itself; CUDA's
// template takes either.
template <class Kernel>
inline hipError_t hipOccupancyMaxPotentialBlockSize(int* grid_size, int* block_size, Kernel kernel,
                                                    size_t dynamic_shared_bytes = 0, int block_size_limit = 0) {
    return cudaOccupancyMaxPotentialBlockSize(grid_size, block_size, kernel, dynamic_shared_bytes, block_size_limit);
}

// ---------------------------------------------------------------------------
// Deliberately unmapped device functions: AMD builtins and HIP device APIs
// with no NVIDIA meaning. Calling one fails to compile with a message naming
// it. Others not listed here fail as undeclared identifiers.
// ---------------------------------------------------------------------------

// The static_assert message must spell the function's name as a string
// literal as well as declare it; only the preprocessor can do both from one
// spelling, so this one internal macro declares the list and is #undef'd.
#define HIPKB_HOC_UNMAPPED_DEVICE(name, why)                                      \
    template <class... Args>                                                      \
    __host__ __device__ inline int name(Args&&...) {                              \
        static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,              \
                      #name " is not mapped by hipkb's HIP-on-CUDA layer: " why); \
        return 0;                                                                 \
    }

#define HIPKB_HOC_AMDGCN_WHY "an AMD GCN/CDNA builtin with no NVIDIA equivalent; guard it with __HIP_PLATFORM_AMD__"

HIPKB_HOC_UNMAPPED_DEVICE(wall_clock64,
                          "its tick rate (hipDeviceAttributeWallClockRate) is AMD-specific; use clock64() for "
                          "cycles or time on the host with events")
HIPKB_HOC_UNMAPPED_DEVICE(__hip_atomic_load, "a HIP-Clang builtin; use plain loads with __threadfence or atomics")
HIPKB_HOC_UNMAPPED_DEVICE(__hip_atomic_store, "a HIP-Clang builtin; use atomicExch or plain stores with fences")
HIPKB_HOC_UNMAPPED_DEVICE(__hip_atomic_fetch_add, "a HIP-Clang builtin; use atomicAdd")
HIPKB_HOC_UNMAPPED_DEVICE(__hip_atomic_fetch_max, "a HIP-Clang builtin; use atomicMax")
HIPKB_HOC_UNMAPPED_DEVICE(__hip_atomic_fetch_min, "a HIP-Clang builtin; use atomicMin")
HIPKB_HOC_UNMAPPED_DEVICE(__hip_atomic_exchange, "a HIP-Clang builtin; use atomicExch")
HIPKB_HOC_UNMAPPED_DEVICE(__hip_atomic_compare_exchange_strong, "a HIP-Clang builtin; use atomicCAS")
HIPKB_HOC_UNMAPPED_DEVICE(__hip_atomic_compare_exchange_weak, "a HIP-Clang builtin; use atomicCAS")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_readfirstlane, HIPKB_HOC_AMDGCN_WHY "; __shfl(v, 0) reads lane 0")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_readlane, HIPKB_HOC_AMDGCN_WHY "; use __shfl(v, lane)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_ds_bpermute, HIPKB_HOC_AMDGCN_WHY "; use __shfl")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_ds_permute, HIPKB_HOC_AMDGCN_WHY "; use __shfl")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_ds_swizzle, HIPKB_HOC_AMDGCN_WHY "; use __shfl_xor")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mov_dpp, HIPKB_HOC_AMDGCN_WHY "; use __shfl_up/__shfl_down/__shfl_xor")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_update_dpp, HIPKB_HOC_AMDGCN_WHY "; use __shfl_up/__shfl_down/__shfl_xor")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mbcnt_lo, HIPKB_HOC_AMDGCN_WHY "; use __lane_id()")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mbcnt_hi, HIPKB_HOC_AMDGCN_WHY "; use __lane_id()")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_s_barrier, HIPKB_HOC_AMDGCN_WHY "; use __syncthreads()")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_wave_barrier, HIPKB_HOC_AMDGCN_WHY "; use __syncwarp()")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_s_waitcnt, HIPKB_HOC_AMDGCN_WHY)
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_s_sleep, HIPKB_HOC_AMDGCN_WHY "; use __nanosleep")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_s_setprio, HIPKB_HOC_AMDGCN_WHY)
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_s_memtime, HIPKB_HOC_AMDGCN_WHY "; use clock64()")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_s_memrealtime, HIPKB_HOC_AMDGCN_WHY)
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_sched_barrier, HIPKB_HOC_AMDGCN_WHY)
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_sched_group_barrier, HIPKB_HOC_AMDGCN_WHY)
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_iglp_opt, HIPKB_HOC_AMDGCN_WHY)
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_workitem_id_x, HIPKB_HOC_AMDGCN_WHY "; use threadIdx.x")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_workgroup_id_x, HIPKB_HOC_AMDGCN_WHY "; use blockIdx.x")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_fdot2, HIPKB_HOC_AMDGCN_WHY "; use __half2 arithmetic (__hfma2)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_sdot4, HIPKB_HOC_AMDGCN_WHY "; use __dp4a")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_rcpf, HIPKB_HOC_AMDGCN_WHY "; use __frcp_rn or 1.0f / x")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_rsqf, HIPKB_HOC_AMDGCN_WHY "; use rsqrtf")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mfma_f32_32x32x8f16, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mfma_f32_16x16x16f16, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mfma_f32_32x32x2f32, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mfma_f32_16x16x4f32, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mfma_f32_32x32x8bf16_1k, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mfma_f32_16x16x16bf16_1k, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mfma_f32_4x4x1f32, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_mfma_f64_16x16x4f64, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_wmma_f32_16x16x16_f16_w32, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")
HIPKB_HOC_UNMAPPED_DEVICE(__builtin_amdgcn_wmma_f32_16x16x16_bf16_w32, HIPKB_HOC_AMDGCN_WHY "; use WMMA (mma.h)")

#undef HIPKB_HOC_AMDGCN_WHY
#undef HIPKB_HOC_UNMAPPED_DEVICE

#endif  // HIPKB_HIP_ON_CUDA_HIP_RUNTIME_H
