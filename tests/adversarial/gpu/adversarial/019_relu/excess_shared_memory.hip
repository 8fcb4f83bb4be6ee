// Adversarial candidate "excess_shared_memory": stages each block's inputs
// through dynamic shared memory and asks for 1 MiB of it per block, far past
// any device's limit (64 KiB of LDS on AMD CDNA, 227 KiB opted in on an
// H100). Some ROCm versions did not reject such a launch: the kernel ran
// and read shared memory it never owned, uninitialised or another block's.
// A benchmark that trusts the launch then times a kernel whose results are
// garbage that may pass by chance.
//
// Caught by the launch check: the launch must fail, and the harness turns
// the error hipkb_run returns (or leaves pending) into launch_error. The CPU
// layer refuses more than 64 KiB per block; HIP-on-CUDA launches through
// CUDA, which refuses more than the opted-in size; on ROCm the runtime's own
// check applies (hipErrorInvalidValue on current releases).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cstddef>

namespace {

constexpr std::size_t requested_shared_bytes = std::size_t{1} << 20;

__global__ void relu_through_shared(const float* x, float* y, std::size_t n) {
    extern __shared__ float staged[];
    const std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    staged[threadIdx.x] = i < n ? x[i] : 0.0f;
    __syncthreads();
    if (i < n) y[i] = staged[threadIdx.x] > 0.0f ? staged[threadIdx.x] : 0.0f;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::size_t n = static_cast<std::size_t>(args->dims[0] * args->dims[1]);
    const unsigned block = 256;
    const unsigned grid = static_cast<unsigned>((n + block - 1) / block);
    hipLaunchKernelGGL(relu_through_shared, dim3(grid), dim3(block), requested_shared_bytes,
                       static_cast<hipStream_t>(args->stream), x, y, n);
    return static_cast<int>(hipGetLastError());
}
