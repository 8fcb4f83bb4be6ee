// Adversarial candidate "pending_error": computes ReLU correctly, then
// launches a kernel with an impossible configuration (2048 threads per
// block) and returns 0 without reading the error. The runtime's error state
// is shared by every module in the process, so without a check the next
// call of hipGetLastError() (the reference's, say) would report it, and the
// harness would blame the reference.
//
// Caught by the harness clearing the error state before every hipkb_run and
// reading it right after: the pending error is the candidate's, launch_error.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void relu_kernel(const float* x, float* y, int64_t n) {
    const int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    if (i < n) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

__global__ void never_runs(float*) {}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    const auto stream = static_cast<hipStream_t>(args->stream);
    relu_kernel<<<static_cast<unsigned>((n + 255) / 256), 256, 0, stream>>>(x, y, n);
    never_runs<<<1, 2048, 0, stream>>>(y);
    return 0;
}
