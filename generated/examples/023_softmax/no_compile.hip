// Handwritten example candidate, deliberately NOT COMPILABLE (expected verdict
// "compile_error"). It imitates a common LLM slip: the kernel calls a warp
// reduction helper, warp_reduce_max, that the answer never defines (only
// warp_reduce_sum was written), so every compiler stops at an undeclared
// identifier. Do not fix it: it exists to show how the bench records a
// candidate that fails to build.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;

__device__ float warp_reduce_sum(float v) {
    for (int offset = warpSize / 2; offset > 0; offset /= 2) {
        v += __shfl_down(v, offset);
    }
    return v;
}

__global__ void softmax_kernel(const float* x, float* y, int64_t d) {
    __shared__ float scratch[kBlock];
    const float* xr = x + static_cast<int64_t>(blockIdx.x) * d;
    float* yr = y + static_cast<int64_t>(blockIdx.x) * d;

    float m = -INFINITY;
    for (int64_t i = threadIdx.x; i < d; i += kBlock) {
        m = fmaxf(m, xr[i]);
    }
    m = warp_reduce_max(m);
    if (threadIdx.x % warpSize == 0) {
        scratch[threadIdx.x / warpSize] = m;
    }
    __syncthreads();
    m = scratch[0];
    for (int w = 1; w < kBlock / warpSize; ++w) {
        m = fmaxf(m, scratch[w]);
    }
    __syncthreads();

    float s = 0.0f;
    for (int64_t i = threadIdx.x; i < d; i += kBlock) {
        s += expf(xr[i] - m);
    }
    s = warp_reduce_sum(s);
    if (threadIdx.x % warpSize == 0) {
        scratch[threadIdx.x / warpSize] = s;
    }
    __syncthreads();
    s = 0.0f;
    for (int w = 0; w < kBlock / warpSize; ++w) {
        s += scratch[w];
    }

    for (int64_t i = threadIdx.x; i < d; i += kBlock) {
        yr[i] = expf(xr[i] - m) / s;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t rows = args->dims[0];
    const int64_t d = args->dims[1];
    softmax_kernel<<<static_cast<unsigned>(rows), kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, d);
    return static_cast<int>(hipGetLastError());
}
