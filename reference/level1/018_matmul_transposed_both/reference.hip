// Reference: the shared-memory tiled matmul, C = A^T @ B^T with A stored K x M
// and B stored N x K. Each 16x16 block stages a 16x16 tile of A^T and of B^T
// per step and each thread accumulates one element of C. Both tiles are read
// along their matrix's rows (tx walks the contiguous index) and stored
// transposed in shared memory. Tiles that run past an edge are zero-filled, so
// any M, K, N works.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kTile = 16;

__global__ void __launch_bounds__(kTile * kTile)
matmul_at_bt_kernel(const float* a, const float* b, float* c, int64_t m, int64_t k, int64_t n) {
    // at_tile[r][kk] holds A^T[m0 + r][k0 + kk] = A[k0 + kk][m0 + r].
    __shared__ float at_tile[kTile][kTile];
    // bt_tile[kk][c] holds B^T[k0 + kk][n0 + c] = B[n0 + c][k0 + kk].
    __shared__ float bt_tile[kTile][kTile];
    const int tx = static_cast<int>(threadIdx.x);
    const int ty = static_cast<int>(threadIdx.y);
    const int64_t m0 = static_cast<int64_t>(blockIdx.y) * kTile;
    const int64_t n0 = static_cast<int64_t>(blockIdx.x) * kTile;
    const int64_t row = m0 + ty;
    const int64_t col = n0 + tx;

    // Threads outside C still load tiles and reach every barrier; they only
    // skip the final store.
    float acc = 0.0f;
    for (int64_t k0 = 0; k0 < k; k0 += kTile) {
        const int64_t ka = k0 + ty;
        const int64_t ma = m0 + tx;
        const int64_t kb = k0 + tx;
        const int64_t nb = n0 + ty;
        at_tile[tx][ty] = (ka < k && ma < m) ? a[ka * m + ma] : 0.0f;
        bt_tile[tx][ty] = (nb < n && kb < k) ? b[nb * k + kb] : 0.0f;
        __syncthreads();
        for (int p = 0; p < kTile; ++p) {
            acc += at_tile[ty][p] * bt_tile[p][tx];
        }
        // The next step overwrites tiles that slower threads may still be reading.
        __syncthreads();
    }
    if (row < m && col < n) {
        c[row * n + col] = acc;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* b = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const int64_t m = args->dims[0];
    const int64_t k = args->dims[1];
    const int64_t n = args->dims[2];
    if (m == 0 || n == 0) {
        return 0;
    }
    // M/16 blocks on grid.y: within its 65535 limit up to M = 1048560.
    const dim3 grid(static_cast<unsigned>((n + kTile - 1) / kTile), static_cast<unsigned>((m + kTile - 1) / kTile));
    const dim3 block(kTile, kTile);
    matmul_at_bt_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(a, b, c, m, k, n);
    return static_cast<int>(hipGetLastError());
}
