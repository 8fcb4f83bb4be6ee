// Reference: one block per row. The row is walked in tiles of blockDim.x
// elements; each tile is scanned in shared memory (Hillis-Steele: log2(block)
// rounds of "multiply by the element `offset` to the left", the tail past the
// row's end padded with 1) and multiplied by the running product of the
// earlier tiles. Every thread keeps its own copy of that product, read from
// the same shared element.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int block = 256;

__global__ void cumprod_kernel(const float* x, float* y, int64_t rows, int64_t n) {
    __shared__ float tile[block];
    const int t = static_cast<int>(threadIdx.x);
    for (int64_t row = blockIdx.x; row < rows; row += gridDim.x) {
        const float* xr = x + row * n;
        float* yr = y + row * n;
        float carry = 1.0f;
        for (int64_t start = 0; start < n; start += block) {
            const int64_t i = start + t;
            tile[t] = i < n ? xr[i] : 1.0f;
            __syncthreads();
            for (int offset = 1; offset < block; offset *= 2) {
                const float left = t >= offset ? tile[t - offset] : 1.0f;
                __syncthreads();
                tile[t] *= left;
                __syncthreads();
            }
            if (i < n) yr[i] = carry * tile[t];
            carry *= tile[block - 1];
            // Everyone has read this tile before the next one overwrites it.
            __syncthreads();
        }
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t n = args->dims[1];
    const int grid = static_cast<int>(rows < 65536 ? rows : 65536);
    cumprod_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, rows, n);
    return static_cast<int>(hipGetLastError());
}
