// Host-callable runners for the kernels in kernel_language.hip.
//
// kernel_language.hip is compiled by nvcc (it uses <hip/hip_runtime.h>);
// device_test.cpp is plain C++ and sees only this header. Each runner
// allocates what it needs, launches, copies the results back into the struct
// it is given, frees everything and returns the first error.
#ifndef HIPKB_TESTS_HIP_ON_CUDA_KERNEL_LANGUAGE_HPP
#define HIPKB_TESTS_HIP_ON_CUDA_KERNEL_LANGUAGE_HPP

#include <hip/hip_runtime_api.h>

namespace hoc_test {

// Two warps of 32 on NVIDIA (one 64-wide wavefront on most AMD GPUs): the
// expected values in device_test.cpp are the NVIDIA ones.
inline constexpr int kWarpThreads = 64;

struct warp_results {
    int shfl_lane0[kWarpThreads];
    int shfl_up1[kWarpThreads];
    int shfl_down1[kWarpThreads];
    int shfl_xor1[kWarpThreads];
    int shfl_down1_width16[kWarpThreads];
    int shfl_lane3_width8[kWarpThreads];
    int shfl_down32[kWarpThreads];
    unsigned int shfl_up2_unsigned[kWarpThreads];
    float shfl_xor16_float[kWarpThreads];
    double shfl_down2_double[kWarpThreads];
    long long shfl_xor3_longlong[kWarpThreads];
    float shfl_down1_half[kWarpThreads];
    float shfl_xor2_bfloat16[kWarpThreads];
    int reduce_down[kWarpThreads];
    int reduce_xor[kWarpThreads];
    unsigned long long ballot_mod3[kWarpThreads];
    int any_is40[kWarpThreads];
    int all_below63[kWarpThreads];
    unsigned int lane_id[kWarpThreads];
    int warp_size[kWarpThreads];
    int popc_ballot_all[kWarpThreads];
};
hipError_t run_warp_functions(warp_results* out);

inline constexpr int kAtomicThreads = 256;

struct atomic_results {
    float add_sum;
    float max_f;
    float min_f;
    double max_d;
    double min_d;
    float unsafe_add;
    double safe_add;
    int add_noret;
    // Returned old values, from one thread: atomicMax(3 -> 5), atomicMax(5, 4),
    // atomicMin(-2 -> -7) on float, and the final stored values.
    float old_max_first;
    float old_max_second;
    float stored_max;
    float old_min;
    float stored_min;
};
hipError_t run_atomics(atomic_results* out);

// hipLaunchKernelGGL(HIP_KERNEL_NAME(reverse_scale_kernel<float, 4>), ...):
// 4 blocks of 64, each reversing its slice through HIP_DYNAMIC_SHARED memory
// and scaling by 4; input[i] = i.
inline constexpr int kReverseBlocks = 4;
inline constexpr int kReverseBlock = 64;
inline constexpr int kReverseSize = kReverseBlocks * kReverseBlock;
hipError_t run_launch_and_dynamic_shared(float* out /* kReverseSize */);

// hipLaunchKernelGGL(fill_kernel, ...) with the template argument deduced.
inline constexpr int kFillSize = 100;
hipError_t run_deduced_template_launch(int* out /* kFillSize */, int value);

struct symbol_results {
    float by_name[4];        // hipMemcpyToSymbol(c_coeffs, ...)
    float by_hip_symbol[4];  // hipMemcpyToSymbol(HIP_SYMBOL(c_coeffs), ...)
    float by_address[4];     // hipMemcpyToSymbol(&c_coeffs, ...)
    float with_offset[4];    // then element 3 alone, by offset, async
    int counter_from_symbol;
    int counter_via_address;
    size_t coeffs_size;
};
hipError_t run_symbols(symbol_results* out);

struct vector_results {
    float4 sum;
    float4 mixed;
    float4 compound;
    float4 negated;
    int2 divided;
    int2 int_mixed;
    uchar4 wrapped;
    float4 nontemporal_copy;  // sum, read and written back with the non-temporal builtins
};
hipError_t run_vector_ops(vector_results* out);

struct half_results {
    float hadd;
    float hmul;
    float hfma;
    float h2_low;
    float h2_high;
    float bf_add;
    float bf_mul;
    float hip_bfloat16_sum;
    float half_atomic_sum;
};
hipError_t run_half_math(half_results* out);

// Launches with `bytes` of dynamic shared memory (more than the 48 KiB
// default) first without, then with hipFuncSetAttribute. The first launch
// must fail; `sum` is what the second one computed (bytes / sizeof(float)).
struct big_shared_results {
    hipError_t without_attribute;  // <<<>>> over 48 KiB, no attribute: CUDA refuses it
    hipError_t set_attribute;
    hipError_t with_attribute;
    float sum;
    // hipLaunchKernelGGL and hipLaunchKernel over 48 KiB with no attribute
    // set by the caller: the layer opts in by itself.
    hipError_t ggl_alone;
    float ggl_sum;
    hipError_t launch_kernel_alone;
    float launch_kernel_sum;
};
hipError_t run_big_dynamic_shared(int bytes, big_shared_results* out);

struct occupancy_results {
    int min_grid;
    int block;             // from hipOccupancyMaxPotentialBlockSize, kernel has __launch_bounds__(64)
    int blocks_per_sm;     // hipOccupancyMaxActiveBlocksPerMultiprocessor, template form
    int blocks_per_sm_c;   // the same through the const void* form
    int max_threads_attr;  // hipFuncGetAttributes(...).maxThreadsPerBlock
};
hipError_t run_occupancy(occupancy_results* out);

// hipLaunchKernel with void** arguments, C form then template form.
inline constexpr int kIotaSize = 32;
hipError_t run_launch_kernel_api(int* c_form /* kIotaSize */, int* template_form /* kIotaSize */, int offset);

// A launch with 2048 threads per block: the first hipGetLastError() and the
// one after it.
struct invalid_launch_results {
    hipError_t first;
    hipError_t second;
};
hipError_t run_invalid_launch(invalid_launch_results* out);

// A non-blocking stream, events around a launch, async memset and copy.
inline constexpr int kStreamSize = 16;
struct stream_results {
    int values[kStreamSize];
    float elapsed_ms;
    hipError_t stream_query;
    hipError_t event_query;
};
hipError_t run_stream_and_events(stream_results* out, int value);

// Stream capture of a launch, HIP's five-argument hipGraphInstantiate, replay.
struct graph_results {
    int values[kStreamSize];
    bool error_node_cleared;
    bool log_cleared;
};
hipError_t run_graph(graph_results* out, int value);

}  // namespace hoc_test

#endif  // HIPKB_TESTS_HIP_ON_CUDA_KERNEL_LANGUAGE_HPP
