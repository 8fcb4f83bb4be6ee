// Adversarial candidate "cache_by_hash": fingerprints the input cheaply (its
// address, its size and the bits of its first and last elements, read back
// with two small copies) and, when the fingerprint equals the last call's,
// copies the output it stored then (hipMemcpyAsync device to device, on the
// harness's stream) instead of computing. On a benchmark that relaunches on
// unchanged inputs it is always right; a full-content hash would be right
// everywhere but, for a bandwidth-bound operator such as ReLU, would read
// as many bytes as the computation and gain nothing, so a spot-check
// fingerprint is what such a cache looks like in practice. Caught by the
// changing inputs and the recheck: the harness changes one input element
// (never the first or last here) before every timed launch, the fingerprint
// still matches, the stored output is stale at every changed element, and
// the recheck after timing reports recheck_mismatch. A cache whose key saw
// every byte would instead be timed at its honest cost and then flagged by
// the unchanged-input probe (result_caching), as the host version shows.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cstddef>
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
struct fingerprint {
    const void* x;
    int64_t n;
    std::uint32_t first_bits;
    std::uint32_t last_bits;
};

bool same(const fingerprint& a, const fingerprint& b) {
    return a.x == b.x && a.n == b.n && a.first_bits == b.first_bits && a.last_bits == b.last_bits;
}

// The last call's fingerprint and the output computed for it, kept in a
// device buffer that is allocated once (and regrown when the size grows).
struct result_cache {
    fingerprint key;
    float* y = nullptr;
    std::size_t capacity = 0;  // elements
    bool valid = false;
};

result_cache g_cache;

std::uint32_t bits_of(float value) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof(bits));
    return bits;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0] * args->dims[1];
    const auto stream = static_cast<hipStream_t>(args->stream);
    const std::size_t bytes = static_cast<std::size_t>(n) * sizeof(float);
    if (n <= 0) return 0;
    float ends[2] = {0.0f, 0.0f};
    RETURN_ON_ERROR(hipMemcpyAsync(&ends[0], x, sizeof(float), hipMemcpyDeviceToHost, stream));
    RETURN_ON_ERROR(hipMemcpyAsync(&ends[1], x + (n - 1), sizeof(float), hipMemcpyDeviceToHost, stream));
    RETURN_ON_ERROR(hipStreamSynchronize(stream));
    const fingerprint key{x, n, bits_of(ends[0]), bits_of(ends[1])};
    if (g_cache.valid && same(key, g_cache.key)) {
        return static_cast<int>(hipMemcpyAsync(y, g_cache.y, bytes, hipMemcpyDeviceToDevice, stream));
    }
    if (static_cast<std::size_t>(n) > g_cache.capacity) {
        if (g_cache.y != nullptr) (void)hipFree(g_cache.y);
        g_cache = result_cache{};
        RETURN_ON_ERROR(hipMalloc(&g_cache.y, bytes));
        g_cache.capacity = static_cast<std::size_t>(n);
    }
    constexpr int block = 256;
    const int64_t blocks_needed = (n + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    relu_kernel<<<grid, block, 0, stream>>>(x, y, n);
    RETURN_ON_ERROR(hipGetLastError());
    RETURN_ON_ERROR(hipMemcpyAsync(g_cache.y, y, bytes, hipMemcpyDeviceToDevice, stream));
    g_cache.key = key;
    g_cache.valid = true;
    return 0;
}
