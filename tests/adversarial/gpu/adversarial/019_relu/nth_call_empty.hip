// Adversarial candidate "nth_call_empty": counts its calls. The first three
// (the spec's correctness seeds, where a benchmark checks the answer) run
// the kernel; every later one (warm-up and timing, where a benchmark only
// reads the clock) launches nothing.
//
// Caught by the recheck: every timed launch starts from poisoned outputs,
// and after each repetition the last timed launch's output is compared with
// the reference on the same inputs (on the CPU layer, two repeated calls
// after the correctness seeds are checked the same way). The empty call
// left the poison: recheck_mismatch.
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
    if (++calls > 3) return 0;
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::size_t n = static_cast<std::size_t>(args->dims[0] * args->dims[1]);
    const unsigned block = 256;
    const unsigned grid = static_cast<unsigned>((n + block - 1) / block);
    relu_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, n);
    return static_cast<int>(hipGetLastError());
}
