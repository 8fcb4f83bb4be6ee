// Adversarial candidate "other_stream_no_sync": launches a correct ReLU on a
// stream of its own and returns without waiting. The harness times with
// events on the stream it hands over; nothing was enqueued there, so the
// events bracket an empty stretch and a naive harness reports a near-zero
// time. The result is still right once the device is idle, so every
// correctness check passes. Caught by the wall-clock comparison: the harness
// also measures wall time from before the launch to a device-wide
// synchronize and, when the device stays busy well past the end of the
// event interval, fails the candidate as unsynchronized_work. (Its
// device-wide synchronize after every launch also keeps the stray work from
// overlapping the next launch or the recheck.)
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void relu_kernel(const float* x, float* y, int64_t n) {
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        y[i] = fmaxf(x[i], 0.0f);
    }
}

// Non-blocking, so it does not even synchronize with the legacy default
// stream; created once and kept for the life of the process.
hipStream_t own_stream() {
    static hipStream_t stream = [] {
        hipStream_t created = nullptr;
        if (hipStreamCreateWithFlags(&created, hipStreamNonBlocking) != hipSuccess) return static_cast<hipStream_t>(nullptr);
        return created;
    }();
    return stream;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    const hipStream_t stream = own_stream();
    if (stream == nullptr) return static_cast<int>(hipErrorOutOfMemory);
    constexpr int block = 256;
    const int64_t blocks_needed = (n + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    relu_kernel<<<grid, block, 0, stream>>>(x, y, n);  // args->stream is ignored on purpose
    return static_cast<int>(hipGetLastError());
}
