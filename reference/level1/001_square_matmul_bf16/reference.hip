// Reference: 001_square_matmul's shared-memory tiled kernel over bf16 (bfloat16) matrices.
// Elements are widened to float as they are staged, so the tiles hold floats
// and each thread accumulates its element of C in fp32 (as PyTorch does for
// 16-bit matmuls); only the final sum is rounded to bf16. Tiles past the
// matrix edge are zero-filled, so any N works.
#include <hip/hip_runtime.h>
#include <hip/hip_bfloat16.h>
#include <hipkb/entry.h>

namespace {

constexpr int kTile = 16;

// hip_bfloat16 (<hip/hip_bfloat16.h>) rather than __hip_bfloat16: ROCm 5.2, the
// oldest ROCm hipkb builds with, has only the older struct.
__device__ inline float to_float(hip_bfloat16 v) { return static_cast<float>(v); }
__device__ inline hip_bfloat16 from_float(float v) { return hip_bfloat16(v); }

__global__ void __launch_bounds__(kTile * kTile)
matmul_kernel(const hip_bfloat16* a, const hip_bfloat16* b, hip_bfloat16* c, int64_t n) {
    __shared__ float a_tile[kTile][kTile];
    __shared__ float b_tile[kTile][kTile];
    const int tx = static_cast<int>(threadIdx.x);
    const int ty = static_cast<int>(threadIdx.y);
    const int64_t row = static_cast<int64_t>(blockIdx.y) * kTile + ty;
    const int64_t col = static_cast<int64_t>(blockIdx.x) * kTile + tx;

    // Threads outside C still load tiles and reach every barrier; they only
    // skip the final store.
    float acc = 0.0f;
    for (int64_t k0 = 0; k0 < n; k0 += kTile) {
        const int64_t ka = k0 + tx;
        const int64_t kb = k0 + ty;
        a_tile[ty][tx] = (row < n && ka < n) ? to_float(a[row * n + ka]) : 0.0f;
        b_tile[ty][tx] = (kb < n && col < n) ? to_float(b[kb * n + col]) : 0.0f;
        __syncthreads();
        for (int k = 0; k < kTile; ++k) {
            acc += a_tile[ty][k] * b_tile[k][tx];
        }
        // The next step overwrites tiles that slower threads may still be reading.
        __syncthreads();
    }
    if (row < n && col < n) {
        c[row * n + col] = from_float(acc);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const hip_bfloat16*>(args->inputs[0]);
    const auto* b = static_cast<const hip_bfloat16*>(args->inputs[1]);
    auto* c = static_cast<hip_bfloat16*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    if (n == 0) {
        return 0;
    }
    const auto tiles = static_cast<unsigned>((n + kTile - 1) / kTile);
    const dim3 grid(tiles, tiles);
    const dim3 block(kTile, kTile);
    matmul_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(a, b, c, n);
    return static_cast<int>(hipGetLastError());
}
