/* hipkb's HIP-on-CPU layer: the kernel language's built-ins, run by the
 * layer's runtime (harness/hip_on_cpu/src).
 *
 * Every thread of a block is a fiber; a block runs on one CPU thread at a
 * time, and blocks run in parallel on all cores. threadIdx and friends are
 * thread-local variables the scheduler sets before it resumes a fiber.
 * Barriers and warp functions suspend the calling fiber until every live
 * thread of the block (or warp) has arrived: a thread that returned no
 * longer counts, as on the GPU.
 */
#ifndef HIPKB_CPU_KERNEL_H
#define HIPKB_CPU_KERNEL_H

#include <hip/hip_runtime_api.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace hipkb::cpu {

/* The type of threadIdx, blockIdx, blockDim and gridDim: a trivial struct,
 * so that reading one from a module costs a thread-local load. */
struct coordinates {
    uint32_t x;
    uint32_t y;
    uint32_t z;
    constexpr operator dim3() const { return dim3(x, y, z); }
};

/* What a launch asks for; built from the <<<...>>> configuration. */
struct launch_config {
    dim3 grid;
    dim3 block;
    size_t shared_bytes;
    hipStream_t stream;
};

inline launch_config make_launch_config(dim3 grid, dim3 block, size_t shared_bytes = 0, hipStream_t stream = nullptr) {
    return launch_config{grid, block, shared_bytes, stream};
}

/* Runs `thread_body(context)` once for every thread of every block. Returns
 * the launch's status and sets the last error the way a GPU launch does. */
using thread_body = void (*)(void* context);
HIPKB_CPU_API hipError_t launch_kernel(const launch_config& config, thread_body body, void* context);

template <class Body, class... Args>
hipError_t launch(const launch_config& config, Body body, Args... args) {
    auto run_thread = [&]() { body(args...); };
    return launch_kernel(
        config, [](void* context) { (*static_cast<decltype(run_thread)*>(context))(); }, &run_thread);
}

/* The current block's dynamic shared memory (the launch's shared bytes). */
HIPKB_CPU_API void* dynamic_shared_memory();
template <class T>
T* dynamic_shared() {
    return static_cast<T*>(dynamic_shared_memory());
}

/* What a thread waits for at a block barrier, and what it gets back. */
enum class block_vote { none, count, all, any };
HIPKB_CPU_API int block_barrier(block_vote vote, int predicate, const char* file, unsigned line);

/* Warp-level exchanges: every live lane of the warp deposits a value and
 * waits; the value each gets back is computed once all have arrived. */
enum class warp_op { shfl, shfl_up, shfl_down, shfl_xor, ballot, any, all, sync, active_mask };
inline constexpr size_t max_warp_value_bytes = 32;
HIPKB_CPU_API void warp_exchange(warp_op op, const void* value, size_t bytes, int argument, int width, void* result);
HIPKB_CPU_API unsigned int lane_id();

template <class T>
T shuffle(warp_op op, T value, int argument, int width) {
    static_assert(std::is_trivially_copyable_v<T> && sizeof(T) <= max_warp_value_bytes,
                  "hipkb HIP-on-CPU: warp shuffles take trivially copyable values of at most 32 bytes");
    T result;
    warp_exchange(op, &value, sizeof(T), argument, width, &result);
    return result;
}

inline unsigned long long vote(warp_op op, int predicate) {
    unsigned long long result = 0;
    warp_exchange(op, &predicate, sizeof(predicate), 0, 0, &result);
    return result;
}

}  // namespace hipkb::cpu

extern HIPKB_CPU_API thread_local hipkb::cpu::coordinates threadIdx;
extern HIPKB_CPU_API thread_local hipkb::cpu::coordinates blockIdx;
extern HIPKB_CPU_API thread_local hipkb::cpu::coordinates blockDim;
extern HIPKB_CPU_API thread_local hipkb::cpu::coordinates gridDim;
/* 64 (AMD CDNA's wavefront) unless HIPKB_CPU_WARP_SIZE=32 is set when the
 * runtime loads. Not a constant expression, as in ROCm 7. */
extern HIPKB_CPU_API const int warpSize;

/* ------------------------------------------------------------------------
 * Barriers. A barrier remembers where it was called: live threads waiting at
 * different __syncthreads calls are a divergent barrier, a bug on any GPU,
 * and fail the launch instead of deadlocking.
 * ---------------------------------------------------------------------- */
/* __builtin_FILE/__builtin_LINE rather than std::source_location: clang 15
 * evaluates source_location::current() in a default argument where the
 * function is declared, not where it is called. */
inline void __syncthreads(const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
    (void)hipkb::cpu::block_barrier(hipkb::cpu::block_vote::none, 0, file, line);
}
inline int __syncthreads_count(int predicate, const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
    return hipkb::cpu::block_barrier(hipkb::cpu::block_vote::count, predicate, file, line);
}
inline int __syncthreads_and(int predicate, const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
    return hipkb::cpu::block_barrier(hipkb::cpu::block_vote::all, predicate, file, line);
}
inline int __syncthreads_or(int predicate, const char* file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
    return hipkb::cpu::block_barrier(hipkb::cpu::block_vote::any, predicate, file, line);
}

/* Fibers of one block share a CPU thread and switch only at barriers, so
 * within a block every fence is already satisfied; blocks on other cores
 * need a real fence. */
inline void __threadfence_block() { std::atomic_signal_fence(std::memory_order_seq_cst); }
inline void __threadfence() { std::atomic_thread_fence(std::memory_order_seq_cst); }
inline void __threadfence_system() { std::atomic_thread_fence(std::memory_order_seq_cst); }

/* ------------------------------------------------------------------------
 * Warp functions (HIP's mask-less forms; width defaults to warpSize)
 * ---------------------------------------------------------------------- */
template <class T>
inline T __shfl(T var, int src_lane, int width = warpSize) {
    return hipkb::cpu::shuffle(hipkb::cpu::warp_op::shfl, var, src_lane, width);
}
template <class T>
inline T __shfl_up(T var, unsigned int delta, int width = warpSize) {
    return hipkb::cpu::shuffle(hipkb::cpu::warp_op::shfl_up, var, static_cast<int>(delta), width);
}
template <class T>
inline T __shfl_down(T var, unsigned int delta, int width = warpSize) {
    return hipkb::cpu::shuffle(hipkb::cpu::warp_op::shfl_down, var, static_cast<int>(delta), width);
}
template <class T>
inline T __shfl_xor(T var, int lane_mask, int width = warpSize) {
    return hipkb::cpu::shuffle(hipkb::cpu::warp_op::shfl_xor, var, lane_mask, width);
}
/* CUDA-style _sync forms, which LLM-written HIP often carries over; the mask
 * must cover the lanes that call, as on NVIDIA. */
template <class T>
inline T __shfl_sync(unsigned long long, T var, int src_lane, int width = warpSize) {
    return __shfl(var, src_lane, width);
}
template <class T>
inline T __shfl_up_sync(unsigned long long, T var, unsigned int delta, int width = warpSize) {
    return __shfl_up(var, delta, width);
}
template <class T>
inline T __shfl_down_sync(unsigned long long, T var, unsigned int delta, int width = warpSize) {
    return __shfl_down(var, delta, width);
}
template <class T>
inline T __shfl_xor_sync(unsigned long long, T var, int lane_mask, int width = warpSize) {
    return __shfl_xor(var, lane_mask, width);
}
inline unsigned long long __ballot(int predicate) { return hipkb::cpu::vote(hipkb::cpu::warp_op::ballot, predicate); }
inline int __any(int predicate) { return static_cast<int>(hipkb::cpu::vote(hipkb::cpu::warp_op::any, predicate)); }
inline int __all(int predicate) { return static_cast<int>(hipkb::cpu::vote(hipkb::cpu::warp_op::all, predicate)); }
inline unsigned long long __ballot_sync(unsigned long long, int predicate) { return __ballot(predicate); }
inline int __any_sync(unsigned long long, int predicate) { return __any(predicate); }
inline int __all_sync(unsigned long long, int predicate) { return __all(predicate); }
inline unsigned long long __activemask() { return hipkb::cpu::vote(hipkb::cpu::warp_op::active_mask, 1); }
inline void __syncwarp(unsigned long long = ~0ull) { (void)hipkb::cpu::vote(hipkb::cpu::warp_op::sync, 1); }
inline unsigned int __lane_id() { return hipkb::cpu::lane_id(); }

/* ------------------------------------------------------------------------
 * Atomics: blocks run on several cores at once, so these are real atomics.
 * ---------------------------------------------------------------------- */
namespace hipkb::cpu::detail {

template <class T>
using atomic_of = std::atomic_ref<T>;

template <class T, class Pick>
T atomic_update(T* address, Pick pick) {
    atomic_of<T> ref(*address);
    T old = ref.load(std::memory_order_relaxed);
    while (!ref.compare_exchange_weak(old, pick(old), std::memory_order_seq_cst, std::memory_order_relaxed)) {
    }
    return old;
}

template <class T>
concept atomic_integer =
    std::is_same_v<T, int> || std::is_same_v<T, unsigned int> || std::is_same_v<T, unsigned long long> ||
    std::is_same_v<T, long long> || std::is_same_v<T, unsigned long> || std::is_same_v<T, long>;
template <class T>
concept atomic_arithmetic = atomic_integer<T> || std::is_same_v<T, float> || std::is_same_v<T, double>;

}  // namespace hipkb::cpu::detail

template <hipkb::cpu::detail::atomic_arithmetic T>
inline T atomicAdd(T* address, T value) {
    return hipkb::cpu::detail::atomic_of<T>(*address).fetch_add(value);
}
template <hipkb::cpu::detail::atomic_arithmetic T>
inline T atomicSub(T* address, T value) {
    return hipkb::cpu::detail::atomic_of<T>(*address).fetch_sub(value);
}
template <hipkb::cpu::detail::atomic_arithmetic T>
inline T atomicExch(T* address, T value) {
    return hipkb::cpu::detail::atomic_of<T>(*address).exchange(value);
}
template <hipkb::cpu::detail::atomic_arithmetic T>
inline T atomicMax(T* address, T value) {
    if constexpr (std::is_floating_point_v<T>) {
        // As fmaxf: a NaN operand never replaces a number.
        return hipkb::cpu::detail::atomic_update(address, [value](T old) { return std::fmax(old, value); });
    } else {
        return hipkb::cpu::detail::atomic_update(address, [value](T old) { return value > old ? value : old; });
    }
}
template <hipkb::cpu::detail::atomic_arithmetic T>
inline T atomicMin(T* address, T value) {
    if constexpr (std::is_floating_point_v<T>) {
        return hipkb::cpu::detail::atomic_update(address, [value](T old) { return std::fmin(old, value); });
    } else {
        return hipkb::cpu::detail::atomic_update(address, [value](T old) { return value < old ? value : old; });
    }
}
template <hipkb::cpu::detail::atomic_integer T>
inline T atomicAnd(T* address, T value) {
    return hipkb::cpu::detail::atomic_of<T>(*address).fetch_and(value);
}
template <hipkb::cpu::detail::atomic_integer T>
inline T atomicOr(T* address, T value) {
    return hipkb::cpu::detail::atomic_of<T>(*address).fetch_or(value);
}
template <hipkb::cpu::detail::atomic_integer T>
inline T atomicXor(T* address, T value) {
    return hipkb::cpu::detail::atomic_of<T>(*address).fetch_xor(value);
}
template <class T>
requires(std::is_integral_v<T> && (sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8)) inline T
    atomicCAS(T* address, T compare, T value) {
    hipkb::cpu::detail::atomic_of<T>(*address).compare_exchange_strong(compare, value);
    return compare;
}
/* ((old >= limit) ? 0 : old + 1) and ((old == 0 || old > limit) ? limit : old - 1), as on the GPU. */
inline unsigned int atomicInc(unsigned int* address, unsigned int limit) {
    return hipkb::cpu::detail::atomic_update(address,
                                             [limit](unsigned int old) { return old >= limit ? 0u : old + 1u; });
}
inline unsigned int atomicDec(unsigned int* address, unsigned int limit) {
    return hipkb::cpu::detail::atomic_update(
        address, [limit](unsigned int old) { return old == 0u || old > limit ? limit : old - 1u; });
}
template <class T>
inline T unsafeAtomicAdd(T* address, T value) {
    return atomicAdd(address, value);
}
template <class T>
inline T safeAtomicAdd(T* address, T value) {
    return atomicAdd(address, value);
}
template <class T>
inline void atomicAddNoRet(T* address, T value) {
    (void)atomicAdd(address, value);
}
template <class T>
inline T atomicAdd_system(T* address, T value) {
    return atomicAdd(address, value);
}
template <class T>
inline T atomicMax_system(T* address, T value) {
    return atomicMax(address, value);
}

/* ------------------------------------------------------------------------
 * Clocks and sleeping
 * ---------------------------------------------------------------------- */
HIPKB_CPU_API long long hipkb_cpu_clock64();
inline long long clock64() { return hipkb_cpu_clock64(); }
inline long long wall_clock64() { return hipkb_cpu_clock64(); }
inline void __nanosleep(unsigned int) {}

#endif /* HIPKB_CPU_KERNEL_H */
