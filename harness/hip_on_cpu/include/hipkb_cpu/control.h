/* hipkb's HIP-on-CPU layer: what the harness (not kernels) controls.
 *
 * The order in which the threads of a block run between two barriers is a
 * parameter: forward, reverse, or a seeded shuffle. Code that is right under
 * one order and wrong under another has a race (a missing __syncthreads, two
 * threads writing one shared element); running the correctness seeds under
 * different orders exposes it.
 */
#ifndef HIPKB_CPU_CONTROL_H
#define HIPKB_CPU_CONTROL_H

#include <hip/hip_runtime_api.h>

#include <cstdint>
#include <string>

namespace hipkb::cpu {

enum class schedule_order { forward, reverse, shuffled };

struct schedule {
    schedule_order order = schedule_order::forward;
    std::uint64_t seed = 0;  // for shuffled: each block shuffles with (seed, block index)
};

HIPKB_CPU_API void set_schedule(const schedule& next);
[[nodiscard]] HIPKB_CPU_API schedule current_schedule();
[[nodiscard]] HIPKB_CPU_API const char* schedule_order_name(schedule_order order);

/* The message of the last failed launch (a divergent barrier, an exception
 * thrown in a kernel, a bad configuration), or "" if none failed since the
 * last call. Reading clears it. */
[[nodiscard]] HIPKB_CPU_API std::string take_launch_failure();

/* CPU threads that run blocks (HIPKB_CPU_THREADS, default: all cores). */
[[nodiscard]] HIPKB_CPU_API int worker_count();

/* Kernel launches and the most blocks one of them had, since the last call
 * (reading resets them): proof that a test size spans several blocks. */
struct launch_counts {
    std::uint64_t launches = 0;
    std::uint64_t largest_grid = 0;
};
[[nodiscard]] HIPKB_CPU_API launch_counts take_launch_counts();

/* Launches and fiber switches since the process started (for benchmarks of
 * the layer itself). */
[[nodiscard]] HIPKB_CPU_API std::uint64_t fiber_switches();

}  // namespace hipkb::cpu

#endif /* HIPKB_CPU_CONTROL_H */
