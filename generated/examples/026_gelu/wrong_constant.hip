// Handwritten example candidate, deliberately WRONG (expected verdict
// "incorrect"). It imitates a common LLM slip: the erf argument should be
// x / sqrt(2) = x * 0.7071..., but the constant below is sqrt(2) itself, so
// the kernel computes 0.5*x*(1+erf(x*sqrt(2))). Every element with |x| above
// about 0.02 is off by more than the tolerance, at any size, so it fails at
// the test sizes and at the benchmark size alike. Do not fix it.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr float kSqrt2 = 1.41421356237309505f;

__global__ void gelu_kernel(const float* __restrict__ x, float* __restrict__ y, int64_t n) {
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        const float v = x[i];
        // GELU(x) = 0.5 * x * (1 + erf(x / sqrt(2)))
        y[i] = 0.5f * v * (1.0f + erff(v * kSqrt2));
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    if (n == 0) {
        return 0;
    }
    constexpr int block = 256;
    const int64_t blocks_needed = (n + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    gelu_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, n);
    return static_cast<int>(hipGetLastError());
}
