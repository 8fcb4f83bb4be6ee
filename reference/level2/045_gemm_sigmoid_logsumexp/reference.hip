// Reference: one block per batch row. The block first computes the row's
// hidden activations sigmoid(x_b . W1_j + b1_j), one hidden unit per thread
// in turn, into shared memory; then each thread takes output units o in turn,
// computes z = h . W2_o + b2_o and keeps a running maximum and a sum of
// exp(z - maximum); a shared-memory tree (nothing depends on the warp size)
// merges the threads' pairs into the row's logsumexp. The hidden row must fit
// in shared memory (H <= 12288: 48 KiB, the most a launch gets without a
// per-kernel opt-in), because the entry point may not allocate scratch for it.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr int64_t kMaxHidden = 12288;

__global__ void __launch_bounds__(kBlock)
gemm_sigmoid_gemm_logsumexp_kernel(const float* x, const float* w1, const float* b1, const float* w2,
                                   const float* b2, float* y, int64_t in, int64_t hidden, int64_t out) {
    extern __shared__ float h[];
    __shared__ float max_smem[kBlock];
    __shared__ float sum_smem[kBlock];
    const int64_t b = blockIdx.x;
    const float* xr = x + b * in;
    for (int64_t j = threadIdx.x; j < hidden; j += kBlock) {
        float acc = b1[j];
        for (int64_t k = 0; k < in; ++k) {
            acc += xr[k] * w1[j * in + k];
        }
        h[j] = 1.0f / (1.0f + expf(-acc));
    }
    __syncthreads();

    // (m, s) stands for s * exp(m): the sum of exp(z) over this thread's units.
    float m = -INFINITY;
    float s = 0.0f;
    for (int64_t o = threadIdx.x; o < out; o += kBlock) {
        float z = b2[o];
        for (int64_t j = 0; j < hidden; ++j) {
            z += h[j] * w2[o * hidden + j];
        }
        if (z > m) {
            s = s * expf(m - z) + 1.0f;
            m = z;
        } else {
            s += expf(z - m);
        }
    }
    const unsigned t = threadIdx.x;
    max_smem[t] = m;
    sum_smem[t] = s;
    __syncthreads();
    for (unsigned half = kBlock / 2; half > 0; half >>= 1) {
        if (t < half) {
            const float m1 = max_smem[t];
            const float m2 = max_smem[t + half];
            const float merged = fmaxf(m1, m2);
            // A thread without units has m = -inf and s = 0: it adds nothing
            // (and exp(-inf - -inf) is never formed).
            const float s1 = (m1 == -INFINITY) ? 0.0f : sum_smem[t] * expf(m1 - merged);
            const float s2 = (m2 == -INFINITY) ? 0.0f : sum_smem[t + half] * expf(m2 - merged);
            max_smem[t] = merged;
            sum_smem[t] = s1 + s2;
        }
        __syncthreads();
    }
    if (t == 0) {
        y[b] = max_smem[0] + logf(sum_smem[0]);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w1 = static_cast<const float*>(args->inputs[1]);
    const auto* b1 = static_cast<const float*>(args->inputs[2]);
    const auto* w2 = static_cast<const float*>(args->inputs[3]);
    const auto* b2 = static_cast<const float*>(args->inputs[4]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t in = args->dims[1];
    const int64_t hidden = args->dims[2];
    const int64_t out = args->dims[3];
    if (hidden > kMaxHidden) {
        return static_cast<int>(hipErrorInvalidValue);
    }
    if (batch == 0) {
        return 0;
    }
    const size_t shared_bytes = static_cast<size_t>(hidden > 0 ? hidden : 1) * sizeof(float);
    gemm_sigmoid_gemm_logsumexp_kernel<<<static_cast<unsigned>(batch), kBlock, shared_bytes,
                                         static_cast<hipStream_t>(args->stream)>>>(x, w1, b1, w2, b2, y, in, hidden,
                                                                                   out);
    return static_cast<int>(hipGetLastError());
}
