// Adversarial candidate "clobber_inputs": honest on its first three calls
// (the spec's correctness seeds), then it zeroes its input and its output
// with two memsets instead of running ReLU. A harness that rechecks the
// timed result by running the reference on the same buffers afterwards
// compares relu(0) = 0 with 0, and the memsets pass.
//
// Caught by the input check: after every correctness launch and after each
// timed repetition the harness downloads the inputs and compares them with
// its own copy (with the per-launch perturbations applied). The verdict is
// input_modified.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cstddef>

namespace {

__global__ void relu_kernel(const float* x, float* y, std::size_t n) {
    const std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (i < n) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    static int calls = 0;
    float* x = const_cast<float*>(static_cast<const float*>(args->inputs[0]));
    float* y = static_cast<float*>(args->outputs[0]);
    const std::size_t n = static_cast<std::size_t>(args->dims[0] * args->dims[1]);
    const hipStream_t stream = static_cast<hipStream_t>(args->stream);
    if (++calls <= 3) {
        const unsigned block = 256;
        const unsigned grid = static_cast<unsigned>((n + block - 1) / block);
        relu_kernel<<<grid, block, 0, stream>>>(x, y, n);
        return static_cast<int>(hipGetLastError());
    }
    hipError_t rc = hipMemsetAsync(x, 0, n * sizeof(float), stream);
    if (rc == hipSuccess) rc = hipMemsetAsync(y, 0, n * sizeof(float), stream);
    return static_cast<int>(rc);
}
