// Reference: the shared-memory tiled matmul with the batch on grid.z. Each
// 16x16 block stages a 16x16 tile of A[b] and of B[b] per step and each thread
// accumulates one element of C[b]. Tiles that run past an edge are
// zero-filled, so any M, K, N works and the zeros add nothing to the sums.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kTile = 16;
constexpr int64_t kMaxGridZ = 65535;  // the grid.z limit on AMD and NVIDIA

__global__ void __launch_bounds__(kTile * kTile)
bmm_kernel(const float* a, const float* b, float* c, int64_t batch, int64_t m, int64_t k, int64_t n) {
    __shared__ float a_tile[kTile][kTile];
    __shared__ float b_tile[kTile][kTile];
    const int tx = static_cast<int>(threadIdx.x);
    const int ty = static_cast<int>(threadIdx.y);
    const int64_t row = static_cast<int64_t>(blockIdx.y) * kTile + ty;
    const int64_t col = static_cast<int64_t>(blockIdx.x) * kTile + tx;

    // The batch loop depends only on blockIdx, so every thread of the block
    // takes the same trips and reaches every barrier; threads outside C[b]
    // still load tiles and only skip the final store.
    for (int64_t bi = blockIdx.z; bi < batch; bi += gridDim.z) {
        const float* ab = a + bi * m * k;
        const float* bb = b + bi * k * n;
        float acc = 0.0f;
        for (int64_t k0 = 0; k0 < k; k0 += kTile) {
            const int64_t ka = k0 + tx;
            const int64_t kb = k0 + ty;
            a_tile[ty][tx] = (row < m && ka < k) ? ab[row * k + ka] : 0.0f;
            b_tile[ty][tx] = (kb < k && col < n) ? bb[kb * n + col] : 0.0f;
            __syncthreads();
            for (int kk = 0; kk < kTile; ++kk) {
                acc += a_tile[ty][kk] * b_tile[kk][tx];
            }
            // The next step overwrites tiles that slower threads may still be reading.
            __syncthreads();
        }
        if (row < m && col < n) {
            c[bi * m * n + row * n + col] = acc;
        }
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* b = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t m = args->dims[1];
    const int64_t k = args->dims[2];
    const int64_t n = args->dims[3];
    if (batch == 0 || m == 0 || n == 0) {
        return 0;
    }
    const dim3 grid(static_cast<unsigned>((n + kTile - 1) / kTile), static_cast<unsigned>((m + kTile - 1) / kTile),
                    static_cast<unsigned>(batch < kMaxGridZ ? batch : kMaxGridZ));
    const dim3 block(kTile, kTile);
    bmm_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(a, b, c, batch, m, k, n);
    return static_cast<int>(hipGetLastError());
}
