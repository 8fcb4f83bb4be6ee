// Adversarial candidate "cache_by_pointer": remembers the buffers it has
// already computed and returns at once, launching nothing, when handed them
// again. Benchmarks usually relaunch on the same buffers, so every launch
// after the first would be free. The key is the input and output pointers
// and the size, plus the bits of x[0] (read back with one small copy):
// hipMalloc hands freed addresses straight back, so the harness's per-seed
// correctness buffers can share an address, and without that spot check the
// cache would already hit (and fail) on the second correctness seed. With it
// the candidate is right on every correctness seed and wrong only while
// being timed. Caught by the recheck: the harness changes one input element
// and re-poisons the outputs before every timed launch, then compares the
// last launch's output with the reference on those changed inputs; the
// skipped launch left NaN there, so the verdict is recheck_mismatch.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cstdint>
#include <cstring>

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

// A plain aggregate (no member initialisers), so C++11 can brace-initialise it.
struct buffers_key {
    const void* x;
    void* y;
    int64_t n;
    std::uint32_t first_x_bits;
};

bool same(const buffers_key& a, const buffers_key& b) {
    return a.x == b.x && a.y == b.y && a.n == b.n && a.first_x_bits == b.first_x_bits;
}

buffers_key g_last = {nullptr, nullptr, -1, 0};  // the buffers of the last computed call

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    const auto stream = static_cast<hipStream_t>(args->stream);
    float first = 0.0f;
    if (n > 0) {
        RETURN_ON_ERROR(hipMemcpyAsync(&first, x, sizeof(float), hipMemcpyDeviceToHost, stream));
        RETURN_ON_ERROR(hipStreamSynchronize(stream));
    }
    buffers_key key{x, y, n, 0};
    std::memcpy(&key.first_x_bits, &first, sizeof(first));
    if (same(key, g_last)) return 0;  // "these buffers already hold the result"
    constexpr int block = 256;
    const int64_t blocks_needed = (n + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    relu_kernel<<<grid > 0 ? grid : 1, block, 0, stream>>>(x, y, n);
    RETURN_ON_ERROR(hipGetLastError());
    g_last = key;
    return 0;
}
