// Reference: two kernels. A direct convolution (one thread per output
// element, grid-stride, conv bias included) writes the conv output into y;
// then one block per channel computes that channel's mean and biased variance
// over the batch and both spatial dims (two passes: mean, then squared
// deviations; each a strided per-thread partial and a shared-memory tree, so
// nothing depends on the warp size) and normalizes and scales the channel in
// place.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr float kEps = 1e-5f;
constexpr float kScale = 2.0f;

__global__ void conv2d_kernel(const float* x, const float* weight, const float* conv_bias, float* y, int64_t n,
                              int64_t c, int64_t h, int64_t w, int64_t k) {
    const int64_t oh = h - 2;
    const int64_t ow = w - 2;
    const int64_t total = n * k * oh * ow;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t ox = t % ow;
        const int64_t oy = (t / ow) % oh;
        const int64_t o = (t / (ow * oh)) % k;
        const int64_t b = t / (ow * oh * k);
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
        y[t] = acc;
    }
}

// Every thread of the block must call this (it synchronizes); all get the sum.
__device__ float block_sum(float v, float* smem) {
    const unsigned t = threadIdx.x;
    smem[t] = v;
    __syncthreads();
    for (unsigned s = kBlock / 2; s > 0; s >>= 1) {
        if (t < s) {
            smem[t] += smem[t + s];
        }
        __syncthreads();
    }
    const float total = smem[0];
    // Keeps a following call from overwriting smem[0] before everyone read it.
    __syncthreads();
    return total;
}

// Block o owns channel o: element i of the channel is plane i / area at
// position i % area of image i / area.
__global__ void __launch_bounds__(kBlock)
batch_norm_scale_kernel(float* y, const float* gamma, const float* beta, int64_t n, int64_t k, int64_t area) {
    __shared__ float smem[kBlock];
    const int64_t o = blockIdx.x;
    const int64_t count = n * area;
    float part = 0.0f;
    for (int64_t i = threadIdx.x; i < count; i += kBlock) {
        part += y[((i / area) * k + o) * area + i % area];
    }
    const float mean = block_sum(part, smem) / static_cast<float>(count);
    part = 0.0f;
    for (int64_t i = threadIdx.x; i < count; i += kBlock) {
        const float d = y[((i / area) * k + o) * area + i % area] - mean;
        part += d * d;
    }
    const float var = block_sum(part, smem) / static_cast<float>(count);
    const float rstd = 1.0f / sqrtf(var + kEps);
    for (int64_t i = threadIdx.x; i < count; i += kBlock) {
        float& v = y[((i / area) * k + o) * area + i % area];
        v = ((v - mean) * rstd * gamma[o] + beta[o]) * kScale;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    const auto* conv_bias = static_cast<const float*>(args->inputs[2]);
    const auto* gamma = static_cast<const float*>(args->inputs[3]);
    const auto* beta = static_cast<const float*>(args->inputs[4]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t h = args->dims[2];
    const int64_t w = args->dims[3];
    const int64_t k = args->dims[4];
    const int64_t area = (h - 2) * (w - 2);
    const int64_t total = n * k * area;
    if (total <= 0) {
        return 0;
    }
    const auto stream = static_cast<hipStream_t>(args->stream);
    const int64_t blocks_needed = (total + kBlock - 1) / kBlock;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    conv2d_kernel<<<grid, kBlock, 0, stream>>>(x, weight, conv_bias, y, n, c, h, w, k);
    batch_norm_scale_kernel<<<static_cast<unsigned>(k), kBlock, 0, stream>>>(y, gamma, beta, n, k, area);
    return static_cast<int>(hipGetLastError());
}
