// Compile test: fp16/bf16 HIP in the style of LLM-written kernels. half2
// vector loads, __half2float/__float2half, __hmul2/__hfma2, __hip_bfloat16
// conversions, hipMemcpyAsync device-to-device on the given stream, and a
// tail loop for odd sizes.
#include <hip/hip_bf16.h>
#include <hip/hip_fp16.h>
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

__global__ void scale_bias_half2(const __half2* __restrict__ x, __half2* __restrict__ y, __half2 scale,
                                 __half2 bias, int n2) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n2) y[i] = __hfma2(x[i], scale, bias);
}

__global__ void scale_bias_tail(const __half* x, __half* y, float scale, float bias, int start, int n) {
    int i = start + blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = __float2half(__half2float(x[i]) * scale + bias);
}

__global__ void bf16_gelu(const __hip_bfloat16* x, __hip_bfloat16* y, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float v = __bfloat162float(x[i]);
    float g = 0.5f * v * (1.0f + tanhf(0.7978845608f * (v + 0.044715f * v * v * v)));
    y[i] = __float2bfloat16(g);
}

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const __half*>(args->inputs[0]);
    auto* y = static_cast<__half*>(args->outputs[0]);
    const int n = static_cast<int>(args->dims[0]);
    hipStream_t stream = static_cast<hipStream_t>(args->stream);
    const int n2 = n / 2;
    const __half2 scale = __floats2half2_rn(2.0f, 2.0f);
    const __half2 bias = __float2half2_rn(0.5f);
    const int threads = 256;
    if (n2 > 0) {
        scale_bias_half2<<<(n2 + threads - 1) / threads, threads, 0, stream>>>(
            reinterpret_cast<const __half2*>(x), reinterpret_cast<__half2*>(y), scale, bias, n2);
    }
    if (n % 2) {
        hipLaunchKernelGGL(scale_bias_tail, dim3(1), dim3(1), 0, stream, x, y, 2.0f, 0.5f, n2 * 2, n);
    }
    if (args->num_outputs > 1) {
        auto* copy = static_cast<__half*>(args->outputs[1]);
        hipMemcpyAsync(copy, y, n * sizeof(__half), hipMemcpyDeviceToDevice, stream);
        bf16_gelu<<<(n + threads - 1) / threads, threads, 0, stream>>>(
            reinterpret_cast<const __hip_bfloat16*>(x), reinterpret_cast<__hip_bfloat16*>(copy), n);
    }
    return hipGetLastError();
}
