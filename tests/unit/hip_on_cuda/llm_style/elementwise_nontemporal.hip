// Compile test: an elementwise kernel "tuned for MI300" the way language
// models write it: float4 loads and stores through HIP-Clang's
// __builtin_nontemporal_load/store, HIP vector arithmetic, __launch_bounds__
// with HIP's second argument, a grid sized from
// hipDeviceGetAttribute(hipDeviceAttributeMultiprocessorCount), a scalar tail.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <algorithm>

constexpr int kThreads = 256;

__global__ void __launch_bounds__(kThreads, 2)
silu_vec4(const float4* __restrict__ x, float4* __restrict__ y, long long n4) {
    const long long stride = static_cast<long long>(gridDim.x) * blockDim.x;
    for (long long i = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x; i < n4; i += stride) {
        float4 v = __builtin_nontemporal_load(&x[i]);
        float4 s;
        s.x = 1.0f / (1.0f + __expf(-v.x));
        s.y = 1.0f / (1.0f + __expf(-v.y));
        s.z = 1.0f / (1.0f + __expf(-v.z));
        s.w = 1.0f / (1.0f + __expf(-v.w));
        __builtin_nontemporal_store(v * s, &y[i]);
    }
}

__global__ void silu_tail(const float* x, float* y, long long start, long long n) {
    const long long i = start + blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x;
    if (__builtin_expect(i < n, 1)) {
        const float v = x[i];
        y[i] = v / (1.0f + __expf(-v));
    }
}

extern "C" int hipkb_run(const hipkb_args* args) {
    const float* x = static_cast<const float*>(args->inputs[0]);
    float* y = static_cast<float*>(args->outputs[0]);
    const long long n = args->dims[0] * args->dims[1];
    hipStream_t stream = static_cast<hipStream_t>(args->stream);
    int device = 0;
    int sms = 0;
    hipGetDevice(&device);
    hipDeviceGetAttribute(&sms, hipDeviceAttributeMultiprocessorCount, device);
    const long long n4 = n / 4;
    const int blocks = static_cast<int>(std::min<long long>((n4 + kThreads - 1) / kThreads, std::max(sms, 1) * 8LL));
    if (n4 > 0) {
        hipLaunchKernelGGL(silu_vec4, dim3(blocks), dim3(kThreads), 0, stream, reinterpret_cast<const float4*>(x),
                           reinterpret_cast<float4*>(y), n4);
    }
    if (n % 4 != 0) {
        hipLaunchKernelGGL(silu_tail, dim3(1), dim3(4), 0, stream, x, y, n4 * 4, n);
    }
    return hipGetLastError();
}
