// Adversarial candidate "hang": a kernel that spins until a device flag
// flips, and nothing ever flips it, as in a broken inter-block handshake.
// The launch itself returns at once; the process then blocks forever in the
// harness's synchronize. Not an exploit that wins anything, but a broken
// candidate must cost a bounded time and not stop the rest of the suite.
// Caught by the driver: every benchmark executable runs in its own process
// with a time limit (bench --timeout); the process group is killed when it
// runs out (which also tears down its GPU context and the spinning kernel),
// and run.json records status "timeout"; no verdict is written, or one with
// correct=false.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

// Set by nobody. volatile: every iteration must reload it from memory, so
// the compiler can neither hoist the load nor delete the loop.
__device__ volatile int g_released = 0;

__global__ void wait_then_relu(const float* x, float* y, int64_t n) {
    while (g_released == 0) {
    }
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        y[i] = fmaxf(x[i], 0.0f);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    wait_then_relu<<<1, 64, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, n);
    return static_cast<int>(hipGetLastError());
}
