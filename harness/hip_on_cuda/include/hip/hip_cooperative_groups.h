/* hipkb's HIP-on-CUDA layer: cooperative groups.
 *
 * HIP's cooperative groups use CUDA's namespace (cooperative_groups) and
 * names (this_thread_block, tiled_partition, thread_block_tile<N>::shfl_down,
 * sync, this_grid, coalesced_threads, ...), so CUDA's header is the mapping.
 * Differences that fail to compile rather than misbehave: tiles wider than
 * the 32-lane warp (HIP allows 64 on AMD) and HIP-only members.
 * Grid-wide sync needs a cooperative launch (hipLaunchCooperativeKernel), as
 * in HIP.
 */
#ifndef HIPKB_HIP_ON_CUDA_HIP_COOPERATIVE_GROUPS_H
#define HIPKB_HIP_ON_CUDA_HIP_COOPERATIVE_GROUPS_H

#include <hip/hip_runtime.h>

#include <cooperative_groups.h>

#endif  // HIPKB_HIP_ON_CUDA_HIP_COOPERATIVE_GROUPS_H
