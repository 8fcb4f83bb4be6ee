// Reference: one thread per pooled output, grid-stride. Each thread computes
// the four conv outputs of its 2x2 window directly (conv bias included),
// applies the subtract-tanh-subtract chain to each and averages them. Conv
// rows and columns past the last whole window are never computed, as the
// floor pooling drops them.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kPool = 2;
constexpr float kSubtract1 = 0.5f;
constexpr float kSubtract2 = 0.2f;

__global__ void conv2d_tanh_avgpool_kernel(const float* x, const float* weight, const float* conv_bias, float* y,
                                           int64_t n, int64_t c, int64_t h, int64_t w, int64_t k) {
    const int64_t ph = (h - 2) / kPool;
    const int64_t pw = (w - 2) / kPool;
    const int64_t total = n * k * ph * pw;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t px = t % pw;
        const int64_t py = (t / pw) % ph;
        const int64_t o = (t / (pw * ph)) % k;
        const int64_t b = t / (pw * ph * k);
        float window_sum = 0.0f;
        for (int dy = 0; dy < kPool; ++dy) {
            for (int dx = 0; dx < kPool; ++dx) {
                const int64_t oy = py * kPool + dy;
                const int64_t ox = px * kPool + dx;
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
                window_sum += tanhf(acc - kSubtract1) - kSubtract2;
            }
        }
        y[t] = window_sum / static_cast<float>(kPool * kPool);
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
    const int64_t total = n * k * ((h - 2) / kPool) * ((w - 2) / kPool);
    if (total <= 0) {
        return 0;
    }
    constexpr int block = 256;
    const int64_t blocks_needed = (total + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    conv2d_tanh_avgpool_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, weight, conv_bias, y,
                                                                                          n, c, h, w, k);
    return static_cast<int>(hipGetLastError());
}
