// Reference: one 256-thread block per row of A. Each thread sums a strided
// slice of the row (consecutive threads read consecutive elements, so loads
// coalesce), then a shared-memory tree adds the 256 partial sums, so nothing
// depends on the warp size. x is K x 1 and y is M x 1 (KernelBench's shapes),
// which in memory are plain vectors.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr int64_t kMaxGrid = 65536;

__global__ void __launch_bounds__(kBlock)
matvec_kernel(const float* a, const float* x, float* y, int64_t m, int64_t k) {
    __shared__ float partial[kBlock];
    const unsigned t = threadIdx.x;
    // The row loop depends only on blockIdx, so the whole block takes the same
    // trips and the barriers inside it are reached by every thread.
    for (int64_t row = blockIdx.x; row < m; row += gridDim.x) {
        const float* a_row = a + row * k;
        float sum = 0.0f;
        for (int64_t i = t; i < k; i += kBlock) {
            sum += a_row[i] * x[i];
        }
        partial[t] = sum;
        __syncthreads();
        for (unsigned s = kBlock / 2; s > 0; s >>= 1) {
            if (t < s) {
                partial[t] += partial[t + s];
            }
            __syncthreads();
        }
        if (t == 0) {
            y[row] = partial[0];
        }
        // Keeps the next row's stores into partial from overtaking thread 0's read.
        __syncthreads();
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* x = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t m = args->dims[0];
    const int64_t k = args->dims[1];
    if (m == 0) {
        return 0;
    }
    const int grid = static_cast<int>(m < kMaxGrid ? m : kMaxGrid);
    matvec_kernel<<<grid, kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(a, x, y, m, k);
    return static_cast<int>(hipGetLastError());
}
