// Reference: one block per (image, channel) output. The block's threads take
// grid-strided conv outputs of that channel's plane, computed directly (conv
// bias included), add their GELUs to per-thread partials, and a shared-memory
// tree (nothing depends on the warp size) gives the plane's sum, divided by
// its area.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr float kInvSqrt2 = 0.70710678118654752f;

__global__ void __launch_bounds__(kBlock)
conv2d_gelu_global_avgpool_kernel(const float* x, const float* weight, const float* conv_bias, float* y, int64_t c,
                                  int64_t h, int64_t w, int64_t k) {
    __shared__ float smem[kBlock];
    const int64_t b = blockIdx.x / k;
    const int64_t o = blockIdx.x % k;
    const int64_t oh = h - 2;
    const int64_t ow = w - 2;
    const int64_t area = oh * ow;
    float part = 0.0f;
    for (int64_t i = threadIdx.x; i < area; i += kBlock) {
        const int64_t oy = i / ow;
        const int64_t ox = i % ow;
        float acc = conv_bias[o];
        for (int64_t ci = 0; ci < c; ++ci) {
            const float* xp = x + ((b * c + ci) * h + oy) * w + ox;
            const float* wp = weight + (o * c + ci) * 9;
            for (int ky = 0; ky < 3; ++ky) {
                for (int kx = 0; kx < 3; ++kx) {
                    acc += xp[ky * w + kx] * wp[ky * 3 + kx];
                }
            }
        }
        part += 0.5f * acc * (1.0f + erff(acc * kInvSqrt2));
    }
    const unsigned tid = threadIdx.x;
    smem[tid] = part;
    __syncthreads();
    for (unsigned s = kBlock / 2; s > 0; s >>= 1) {
        if (tid < s) {
            smem[tid] += smem[tid + s];
        }
        __syncthreads();
    }
    if (tid == 0) {
        y[blockIdx.x] = smem[0] / static_cast<float>(area);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    const auto* conv_bias = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    if (n * k == 0) {
        return 0;
    }
    conv2d_gelu_global_avgpool_kernel<<<static_cast<unsigned>(n * k), kBlock, 0,
                                        static_cast<hipStream_t>(args->stream)>>>(x, weight, conv_bias, y, c, h, w, k);
    return static_cast<int>(hipGetLastError());
}
