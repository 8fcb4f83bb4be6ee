// Compile test: warp-level HIP beyond shuffles, and CUDA headers included
// after <hip/hip_runtime.h> (the layer defines __ballot/__any/__all as
// macros; libcu++ and cooperative groups must still compile after them).
// __ballot with __popcll, __any/__all, __lane_id, float atomicMax,
// __constant__ memory set with hipMemcpyToSymbol, cooperative groups with a
// 32-wide tile and cg::reduce.
#include <hip/hip_cooperative_groups.h>
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cooperative_groups/reduce.h>
#include <cuda/std/functional>

namespace cg = cooperative_groups;

__constant__ float c_threshold[1];

__global__ void count_and_max(const float* x, int* count, float* max_out, long long n) {
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);
    const long long i = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x;
    const float v = i < n ? x[i] : -INFINITY;
    const unsigned long long above = __ballot(v > c_threshold[0]);
    if (__lane_id() == 0 && __any(v > c_threshold[0])) {
        atomicAdd(count, __popcll(above));
    }
    const float tile_max = cg::reduce(tile, v, cg::greater<float>());
    if (tile.thread_rank() == 0 && !__all(v == -INFINITY)) {
        atomicMax(max_out, tile_max);
    }
}

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* count = static_cast<int*>(args->outputs[0]);
    auto* max_out = static_cast<float*>(args->outputs[1]);
    const long long n = args->dims[0];
    hipStream_t stream = static_cast<hipStream_t>(args->stream);
    const float threshold = 0.5f;
    hipMemcpyToSymbolAsync(HIP_SYMBOL(c_threshold), &threshold, sizeof(float), 0, hipMemcpyHostToDevice, stream);
    hipMemsetAsync(count, 0, sizeof(int), stream);
    const float lowest = -INFINITY;
    hipMemcpyAsync(max_out, &lowest, sizeof(float), hipMemcpyHostToDevice, stream);
    const int threads = 256;
    const int blocks = static_cast<int>((n + threads - 1) / threads);
    count_and_max<<<blocks, threads, 0, stream>>>(x, count, max_out, n);
    return hipGetLastError();
}
