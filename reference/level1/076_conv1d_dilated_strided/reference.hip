// Reference: direct convolution, one thread per output element, grid-stride.
// The last output coordinate is the fastest index, so a warp reads neighbouring
// input elements and, sharing one output channel, the same weights (a broadcast).
// Output l reads x at 3l, 3l+4, 3l+8 (stride 3, dilation 4).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

// nn.Conv1d(C, K, kernel_size=3, stride=3, dilation=4): fixed by the problem, as in KernelBench.
constexpr int64_t kKernel = 3;
constexpr int64_t kStride = 3;
constexpr int64_t kPad = 0;
constexpr int64_t kDilation = 4;

__global__ void conv1d_kernel(const float* x, const float* weight, float* y, int64_t n, int64_t c, int64_t length,
                              int64_t k, int64_t out_length) {
    const int64_t total = n * k * out_length;
    const int64_t grid_stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += grid_stride) {
        const int64_t ox = t % out_length;
        const int64_t o = (t / out_length) % k;
        const int64_t b = t / (out_length * k);
        float acc = 0.0f;
        for (int64_t ci = 0; ci < c; ++ci) {
            const float* xp = x + (b * c + ci) * length;
            const float* wp = weight + (o * c + ci) * kKernel;
            for (int64_t kx = 0; kx < kKernel; ++kx) {
                const int64_t ix = ox * kStride - kPad + kx * kDilation;
                acc += xp[ix] * wp[kx];
            }
        }
        y[t] = acc;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t length = args->dims[2];
    const int64_t k = args->dims[3];
    const int64_t out_length = (length + 2 * kPad - kDilation * (kKernel - 1) - 1) / kStride + 1;
    constexpr int block = 256;
    const int64_t blocks_needed = (n * k * out_length + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    conv1d_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, weight, y, n, c, length, k,
                                                                              out_length);
    return static_cast<int>(hipGetLastError());
}
