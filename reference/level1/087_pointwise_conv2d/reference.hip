// Reference: a 1x1 convolution is a per-pixel matrix-vector product over the
// channels. One thread per output element, grid-stride; the pixel is the
// fastest index, so a warp reads neighbouring pixels of one input channel and,
// sharing one output channel, the same weight (a broadcast).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void pointwise_conv2d_kernel(const float* x, const float* weight, float* y, int64_t n, int64_t c,
                                        int64_t pixels, int64_t k) {
    const int64_t total = n * k * pixels;
    const int64_t grid_stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += grid_stride) {
        const int64_t p = t % pixels;
        const int64_t o = (t / pixels) % k;
        const int64_t b = t / (pixels * k);
        const float* xp = x + b * c * pixels + p;
        const float* wp = weight + o * c;
        float acc = 0.0f;
        for (int64_t ci = 0; ci < c; ++ci) {
            acc += xp[ci * pixels] * wp[ci];
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
    const int64_t pixels = args->dims[2] * args->dims[3];
    const int64_t k = args->dims[4];
    constexpr int block = 256;
    const int64_t blocks_needed = (n * k * pixels + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    pointwise_conv2d_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, weight, y, n, c, pixels, k);
    return static_cast<int>(hipGetLastError());
}
