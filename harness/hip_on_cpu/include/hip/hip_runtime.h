/* hipkb's HIP-on-CPU layer: the HIP kernel language and runtime for HIP
 * sources compiled by the host C++ compiler (docs/platforms.md, "cpu").
 *
 * A .hip file reaches the compiler through the layer's rewriter
 * (harness/hip_on_cpu/rewriter), which turns `k<<<...>>>(args)` into a call
 * of hipkb::cpu::launch and `__shared__` into block-private storage. This
 * header supplies everything else: qualifiers, index built-ins, barriers,
 * warp functions, atomics, vector and half types, the device math library
 * and the runtime API.
 *
 * What the layer does not support is a compile error naming the construct
 * (AMD builtins below; anything else missing is an undeclared identifier),
 * never a silently wrong result.
 */
#ifndef HIPKB_CPU_HIP_RUNTIME_H
#define HIPKB_CPU_HIP_RUNTIME_H

#include <hip/hip_fp16.h>
#include <hip/hip_runtime_api.h>
#include <hip/hip_vector_types.h>
#include <hipkb_cpu/device_math.h>
#include <hipkb_cpu/kernel.h>

#include <assert.h>
#include <stdio.h>

#define __HIPCC__ 1
#define __HIP__ 1

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

/* HIP's launch macro: the kernel name may be a template-id wrapped in
 * HIP_KERNEL_NAME; its arguments are evaluated once, at the launch. */
#define HIP_KERNEL_NAME(...) __VA_ARGS__
#define hipLaunchKernelGGL(kernel_name, grid, block, shared_bytes, stream, ...)                                 \
    ::hipkb::cpu::launch(::hipkb::cpu::make_launch_config((grid), (block), (shared_bytes), (stream)),           \
                         [&](auto... hipkb_launch_args_) { kernel_name(hipkb_launch_args_...); } __VA_OPT__(, ) \
                             __VA_ARGS__)

/* Dynamic shared memory, sized by the launch. */
#define HIP_DYNAMIC_SHARED(type, name) type* name = ::hipkb::cpu::dynamic_shared<type>();
#define HIP_DYNAMIC_SHARED_ATTRIBUTE

/* Deliberately unsupported: AMD GCN/CDNA builtins and HIP-Clang atomics
 * have no CPU meaning here. Calling one fails to compile with a message
 * naming it; a static_assert needs the name as a string as well as an
 * identifier, so this one internal macro declares the list. */
namespace hipkb::cpu::detail {
template <class... T>
inline constexpr bool unsupported = false;
}
#define HIPKB_CPU_UNSUPPORTED(name, why)                                            \
    template <class... Args>                                                        \
    inline int name(Args&&...) {                                                    \
        static_assert(hipkb::cpu::detail::unsupported<Args...>,                     \
                      #name " is not supported by hipkb's HIP-on-CPU layer: " why); \
        return 0;                                                                   \
    }
#define HIPKB_CPU_AMDGCN "an AMD GCN/CDNA builtin; guard it with __HIP_PLATFORM_AMD__"
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_readfirstlane, HIPKB_CPU_AMDGCN "; __shfl(v, 0) reads lane 0")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_readlane, HIPKB_CPU_AMDGCN "; use __shfl(v, lane)")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_ds_bpermute, HIPKB_CPU_AMDGCN "; use __shfl")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_ds_swizzle, HIPKB_CPU_AMDGCN "; use __shfl_xor")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_mov_dpp, HIPKB_CPU_AMDGCN "; use __shfl_up/__shfl_down/__shfl_xor")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_update_dpp, HIPKB_CPU_AMDGCN "; use __shfl_up/__shfl_down/__shfl_xor")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_mbcnt_lo, HIPKB_CPU_AMDGCN "; use __lane_id()")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_mbcnt_hi, HIPKB_CPU_AMDGCN "; use __lane_id()")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_s_barrier, HIPKB_CPU_AMDGCN "; use __syncthreads()")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_wave_barrier, HIPKB_CPU_AMDGCN "; use __syncwarp()")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_s_waitcnt, HIPKB_CPU_AMDGCN)
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_s_sleep, HIPKB_CPU_AMDGCN)
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_s_setprio, HIPKB_CPU_AMDGCN)
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_sched_barrier, HIPKB_CPU_AMDGCN)
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_sched_group_barrier, HIPKB_CPU_AMDGCN)
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_iglp_opt, HIPKB_CPU_AMDGCN)
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_fdot2, HIPKB_CPU_AMDGCN "; use __half2 arithmetic")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_sdot4, HIPKB_CPU_AMDGCN)
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_rcpf, HIPKB_CPU_AMDGCN "; use __frcp_rn")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_rsqf, HIPKB_CPU_AMDGCN "; use rsqrtf")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_mfma_f32_32x32x8f16, HIPKB_CPU_AMDGCN "; matrix cores are not emulated")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_mfma_f32_16x16x16f16, HIPKB_CPU_AMDGCN "; matrix cores are not emulated")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_mfma_f32_32x32x2f32, HIPKB_CPU_AMDGCN "; matrix cores are not emulated")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_mfma_f32_16x16x4f32, HIPKB_CPU_AMDGCN "; matrix cores are not emulated")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_mfma_f32_32x32x8bf16_1k, HIPKB_CPU_AMDGCN "; matrix cores are not emulated")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_mfma_f32_16x16x16bf16_1k, HIPKB_CPU_AMDGCN "; matrix cores are not emulated")
HIPKB_CPU_UNSUPPORTED(__builtin_amdgcn_wmma_f32_16x16x16_f16_w32, HIPKB_CPU_AMDGCN "; matrix cores are not emulated")
/* clang knows HIP-Clang's scoped atomics on every target (they work on the
 * CPU there); g++ does not. */
#if !defined(__has_builtin) || !__has_builtin(__hip_atomic_load)
HIPKB_CPU_UNSUPPORTED(__hip_atomic_load, "a HIP-Clang builtin; use plain loads with __threadfence or atomics")
HIPKB_CPU_UNSUPPORTED(__hip_atomic_store, "a HIP-Clang builtin; use atomicExch")
HIPKB_CPU_UNSUPPORTED(__hip_atomic_fetch_add, "a HIP-Clang builtin; use atomicAdd")
HIPKB_CPU_UNSUPPORTED(__hip_atomic_compare_exchange_strong, "a HIP-Clang builtin; use atomicCAS")
#endif
HIPKB_CPU_UNSUPPORTED(hipLaunchKernel,
                      "launching through a void* kernel handle cannot be emulated; use <<<...>>> or hipLaunchKernelGGL")
HIPKB_CPU_UNSUPPORTED(hipLaunchCooperativeKernel, "grid-wide synchronization is not emulated")
HIPKB_CPU_UNSUPPORTED(hipModuleLaunchKernel, "code objects cannot be loaded on the CPU")
#undef HIPKB_CPU_AMDGCN
#undef HIPKB_CPU_UNSUPPORTED

#endif /* HIPKB_CPU_HIP_RUNTIME_H */
