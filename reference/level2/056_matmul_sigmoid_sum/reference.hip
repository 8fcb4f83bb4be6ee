// Reference: y is zeroed on the stream, then a shared-memory tiled GEMM
// (16x16 tiles, one x_b . W_j per thread, bias and sigmoid applied) computes a
// 16 x 16 tile of sigmoid(x @ W^T + bias); each tile row is summed in shared
// memory and added to y[b] with one atomicAdd per tile row. The atomic order
// moves the sum by a few ulps, far inside the tolerance.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kTile = 16;

__global__ void __launch_bounds__(kTile * kTile)
gemm_sigmoid_sum_kernel(const float* x, const float* w, const float* bias, float* y, int64_t batch, int64_t in,
                        int64_t hidden) {
    __shared__ float x_tile[kTile][kTile];
    __shared__ float w_tile[kTile][kTile + 1];  // +1: the inner loop reads it by column
    const int tx = static_cast<int>(threadIdx.x);
    const int ty = static_cast<int>(threadIdx.y);
    const int64_t row = static_cast<int64_t>(blockIdx.y) * kTile + ty;
    const int64_t col = static_cast<int64_t>(blockIdx.x) * kTile + tx;
    const int64_t w_row = static_cast<int64_t>(blockIdx.x) * kTile + ty;

    // Threads outside the matrix still load tiles and reach every barrier.
    float acc = 0.0f;
    for (int64_t k0 = 0; k0 < in; k0 += kTile) {
        const int64_t k = k0 + tx;
        x_tile[ty][tx] = (row < batch && k < in) ? x[row * in + k] : 0.0f;
        w_tile[ty][tx] = (w_row < hidden && k < in) ? w[w_row * in + k] : 0.0f;
        __syncthreads();
        for (int i = 0; i < kTile; ++i) {
            acc += x_tile[ty][i] * w_tile[tx][i];
        }
        // The next step overwrites tiles that slower threads may still be reading.
        __syncthreads();
    }
    // x_tile is free now: it holds the sigmoids of this tile, 0 past the edge
    // (where sigmoid(0) = 0.5 must not be counted).
    x_tile[ty][tx] = (col < hidden) ? 1.0f / (1.0f + expf(-(acc + bias[col]))) : 0.0f;
    __syncthreads();
    if (tx == 0 && row < batch) {
        float row_sum = 0.0f;
        for (int i = 0; i < kTile; ++i) {
            row_sum += x_tile[ty][i];
        }
        atomicAdd(&y[row], row_sum);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    const auto* bias = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t in = args->dims[1];
    const int64_t hidden = args->dims[2];
    if (batch == 0) {
        return 0;
    }
    const auto stream = static_cast<hipStream_t>(args->stream);
    const hipError_t zeroed = hipMemsetAsync(y, 0, static_cast<size_t>(batch) * sizeof(float), stream);
    if (zeroed != hipSuccess) {
        return static_cast<int>(zeroed);
    }
    if (hidden == 0) {
        return 0;
    }
    const dim3 grid(static_cast<unsigned>((hidden + kTile - 1) / kTile),
                    static_cast<unsigned>((batch + kTile - 1) / kTile));
    const dim3 block(kTile, kTile);
    gemm_sigmoid_sum_kernel<<<grid, block, 0, stream>>>(x, w, bias, y, batch, in, hidden);
    return static_cast<int>(hipGetLastError());
}
