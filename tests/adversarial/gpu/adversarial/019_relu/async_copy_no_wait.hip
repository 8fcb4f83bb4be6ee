// Adversarial candidate "async_copy_no_wait": computes ReLU on the harness's
// stream into a scratch buffer of its own (allocated once), then copies the
// scratch buffer to the output with hipMemcpyAsync on a second stream
// (ordered after the kernel by an event) and returns without waiting for the
// copy. The harness's events see only the kernel; the copy that actually
// produces the output lands after the stop event, so its time is never
// counted, yet the output is right by the time anyone reads it after a
// device-wide synchronize. Caught by the wall-clock comparison: the harness
// measures wall time from before the launch to a device-wide synchronize,
// and the copy keeps the device busy past the event interval, so the verdict
// is unsynchronized_work. The copy moves as many bytes as the kernel, so
// here the hidden part is about half of the wall time; see docs/trust.md
// for how much hidden work the check needs before it fires.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cstddef>

// C++11 (Debian's hipcc compiles .hip as C++11 by default): no if-initialisers.
#define RETURN_ON_ERROR(call)                                  \
    do {                                                       \
        const hipError_t rc_ = (call);                         \
        if (rc_ != hipSuccess) return static_cast<int>(rc_);   \
    } while (0)

namespace {

__global__ void relu_kernel(const float* x, float* y, int64_t n) {
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride) {
        y[i] = fmaxf(x[i], 0.0f);
    }
}

// Everything the candidate keeps between calls: created on first use and
// never released (the process ends first).
struct copy_state {
    hipStream_t copy_stream = nullptr;
    hipEvent_t computed = nullptr;
    float* scratch = nullptr;
    std::size_t capacity = 0;  // elements
};

copy_state g_state;

// 0, or the HIP error that stopped it.
int prepare(std::size_t elements) {
    if (g_state.copy_stream == nullptr) {
        RETURN_ON_ERROR(hipStreamCreateWithFlags(&g_state.copy_stream, hipStreamNonBlocking));
    }
    if (g_state.computed == nullptr) {
        RETURN_ON_ERROR(hipEventCreateWithFlags(&g_state.computed, hipEventDisableTiming));
    }
    if (elements > g_state.capacity) {
        if (g_state.scratch != nullptr) (void)hipFree(g_state.scratch);
        g_state.scratch = nullptr;
        g_state.capacity = 0;
        RETURN_ON_ERROR(hipMalloc(&g_state.scratch, elements * sizeof(float)));
        g_state.capacity = elements;
    }
    return 0;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    const auto stream = static_cast<hipStream_t>(args->stream);
    const int prepared = prepare(static_cast<std::size_t>(n));
    if (prepared != 0) return prepared;
    constexpr int block = 256;
    const int64_t blocks_needed = (n + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    relu_kernel<<<grid, block, 0, stream>>>(x, g_state.scratch, n);
    RETURN_ON_ERROR(hipGetLastError());
    // The copy waits for the kernel (so the result is right), but nothing on
    // the harness's stream waits for the copy.
    RETURN_ON_ERROR(hipEventRecord(g_state.computed, stream));
    RETURN_ON_ERROR(hipStreamWaitEvent(g_state.copy_stream, g_state.computed, 0));
    return static_cast<int>(hipMemcpyAsync(y, g_state.scratch, static_cast<std::size_t>(n) * sizeof(float),
                                           hipMemcpyDeviceToDevice, g_state.copy_stream));
}
