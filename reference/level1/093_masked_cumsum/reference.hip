// Reference: one block per row. The row is walked in tiles of blockDim.x
// elements; each tile loads x where the mask is set and 0 elsewhere, is
// scanned in shared memory (Hillis-Steele: log2(block) rounds of "add the
// element `offset` to the left") and the running total of the earlier tiles
// is added on. Every thread keeps its own copy of that total, read from the
// same shared element.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int block = 256;

__global__ void masked_cumsum_kernel(const float* x, const int32_t* mask, float* y, int64_t rows, int64_t n) {
    __shared__ float tile[block];
    const int t = static_cast<int>(threadIdx.x);
    for (int64_t row = blockIdx.x; row < rows; row += gridDim.x) {
        const float* xr = x + row * n;
        const int32_t* mr = mask + row * n;
        float* yr = y + row * n;
        float carry = 0.0f;
        for (int64_t start = 0; start < n; start += block) {
            const int64_t i = start + t;
            tile[t] = i < n && mr[i] != 0 ? xr[i] : 0.0f;
            __syncthreads();
            for (int offset = 1; offset < block; offset *= 2) {
                const float left = t >= offset ? tile[t - offset] : 0.0f;
                __syncthreads();
                tile[t] += left;
                __syncthreads();
            }
            if (i < n) yr[i] = carry + tile[t];
            carry += tile[block - 1];
            // Everyone has read this tile before the next one overwrites it.
            __syncthreads();
        }
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* mask = static_cast<const int32_t*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t n = args->dims[1];
    const int grid = static_cast<int>(rows < 65536 ? rows : 65536);
    masked_cumsum_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, mask, y, rows, n);
    return static_cast<int>(hipGetLastError());
}
