// Adversarial candidate "other_stream_no_sync" on a short kernel: the
// reference's reduction, launched on a stream of its own, returning without
// waiting (as 019_relu/other_stream_no_sync does on a long one). 047_sum_dim at its
// benchmark size (16 x 256 x 256, 4 MiB) runs for tens of microseconds, so
// this tests the unsynchronized_work check where the hidden work is short:
// the harness compares the median event time on its stream (here almost
// nothing) with the median wall time to a device-wide synchronize, and must
// flag the candidate even when all the hidden work is shorter than its
// fixed slack for launch and synchronize overhead. Expected: caught as
// unsynchronized_work; a harness whose slack exceeds the kernel's duration
// lets it through as a huge speedup (see docs/trust.md).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void sum_dim_kernel(const float* x, float* y, int64_t batch, int64_t d1, int64_t d2) {
    const int64_t total = batch * d2;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t b = t / d2;
        const int64_t j = t - b * d2;
        const float* xp = x + b * d1 * d2 + j;
        float sum = 0.0f;
        for (int64_t i = 0; i < d1; ++i) {
            sum += xp[i * d2];
        }
        y[t] = sum;
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
    const int64_t batch = args->dims[0];
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    const hipStream_t stream = own_stream();
    if (stream == nullptr) return static_cast<int>(hipErrorOutOfMemory);
    constexpr int block = 256;
    const int64_t blocks_needed = (batch * d2 + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    sum_dim_kernel<<<grid, block, 0, stream>>>(x, y, batch, d1, d2);  // args->stream is ignored on purpose
    return static_cast<int>(hipGetLastError());
}
