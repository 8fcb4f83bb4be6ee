// Reference: one 256-thread block per query row (b, h, i). The block copies the
// query row to shared memory, each thread computes the scaled scores of its
// strided share of the keys into a shared row of L scores, the block takes
// their max and the sum of exp(score - max) (shared-memory trees, so nothing
// depends on the warp size), and each thread then forms its strided share of
// the output columns as the softmax-weighted sum of the value rows, so
// neighbouring threads read neighbouring values. Shifting by the max keeps exp
// finite whatever the scores' scale. Dynamic shared memory holds E + L floats
// (6 KiB at the benchmark size).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;  // a power of two: the tree halves it
constexpr int64_t kMaxGrid = 65536;

struct max_op {
    __device__ float operator()(float a, float b) const { return fmaxf(a, b); }
};

struct sum_op {
    __device__ float operator()(float a, float b) const { return a + b; }
};

// Every thread of the block must call this (it synchronizes); all get the result.
template <typename Op>
__device__ float block_reduce(float v, float* smem, Op op) {
    const unsigned t = threadIdx.x;
    smem[t] = v;
    __syncthreads();
    for (unsigned s = kBlock / 2; s > 0; s >>= 1) {
        if (t < s) {
            smem[t] = op(smem[t], smem[t + s]);
        }
        __syncthreads();
    }
    const float result = smem[0];
    // Keeps a following call from overwriting smem[0] before everyone read it.
    __syncthreads();
    return result;
}

__global__ void __launch_bounds__(kBlock)
attention_kernel(const float* q, const float* k, const float* v, float* out, int64_t heads, int64_t l, int64_t e) {
    __shared__ float smem[kBlock];
    extern __shared__ float dynamic[];
    float* query = dynamic;     // e floats
    float* scores = dynamic + e;  // l floats
    const float scale = 1.0f / sqrtf(static_cast<float>(e));
    // The row loop depends only on blockIdx, so the whole block takes the same
    // trips and reaches the barriers together.
    for (int64_t row = blockIdx.x; row < heads * l; row += gridDim.x) {
        const int64_t head = row / l;
        const float* kh = k + head * l * e;
        const float* vh = v + head * l * e;
        for (int64_t c = threadIdx.x; c < e; c += kBlock) {
            query[c] = q[row * e + c];
        }
        __syncthreads();

        float part = -INFINITY;
        for (int64_t j = threadIdx.x; j < l; j += kBlock) {
            float dot = 0.0f;
            for (int64_t c = 0; c < e; ++c) {
                dot += query[c] * kh[j * e + c];
            }
            scores[j] = dot * scale;
            part = fmaxf(part, scores[j]);
        }
        const float row_max = block_reduce(part, smem, max_op{});

        part = 0.0f;
        for (int64_t j = threadIdx.x; j < l; j += kBlock) {
            scores[j] = expf(scores[j] - row_max);
            part += scores[j];
        }
        // The barriers inside also make every thread's scores visible below.
        const float inv_sum = 1.0f / block_reduce(part, smem, sum_op{});

        for (int64_t c = threadIdx.x; c < e; c += kBlock) {
            float acc = 0.0f;
            for (int64_t j = 0; j < l; ++j) {
                acc += scores[j] * vh[j * e + c];
            }
            out[row * e + c] = acc * inv_sum;
        }
        // Everyone has read query and scores before the next row overwrites them.
        __syncthreads();
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* q = static_cast<const float*>(args->inputs[0]);
    const auto* k = static_cast<const float*>(args->inputs[1]);
    const auto* v = static_cast<const float*>(args->inputs[2]);
    auto* out = static_cast<float*>(args->outputs[0]);
    const int64_t heads = args->dims[0] * args->dims[1];
    const int64_t l = args->dims[2];
    const int64_t e = args->dims[3];
    const int64_t rows = heads * l;
    if (rows == 0) {
        return 0;
    }
    const int grid = static_cast<int>(rows < kMaxGrid ? rows : kMaxGrid);
    const size_t shared_bytes = static_cast<size_t>(e + l) * sizeof(float);
    attention_kernel<<<grid, kBlock, shared_bytes, static_cast<hipStream_t>(args->stream)>>>(q, k, v, out, heads, l,
                                                                                              e);
    return static_cast<int>(hipGetLastError());
}
