// Adversarial candidate "cache_by_hash": keeps a copy of the last call's
// inputs and output, and when the input bytes are equal to the last call's,
// copies the stored output instead of computing. Its result is always
// correct, so no correctness check or recheck can find it wrong; it only
// wins when a benchmark launches repeatedly on unchanged inputs, as most
// timing loops do. The honest path here is deliberately heavy (several
// double-precision passes) so that, as with a real kernel doing real work,
// recomputing costs clearly more than the compare-and-copy. Caught in two
// steps: the harness changes one input element before every timed launch,
// so the cache never hits while being timed (the candidate is timed at its
// honest cost), and after timing it times extra launches on unchanged
// inputs; those are more than 2x faster than the changing-input launches,
// so the verdict is result_caching.
#include <hipkb/entry.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace {

// The last call's inputs and the output computed from them.
struct result_cache {
    std::int64_t n = -1;
    std::vector<float> x;
    std::vector<float> w;
    std::vector<float> y;
};

result_cache g_cache;

// Enough passes that the honest computation dominates a compare and a copy.
constexpr int honest_passes = 16;

void compute(const float* x, const float* w, float* y, std::int64_t n) {
    for (int pass = 0; pass < honest_passes; ++pass) {
        for (std::int64_t i = 0; i < n; ++i) {
            y[i] = static_cast<float>(2.0 * static_cast<double>(x[i]) + static_cast<double>(w[i]));
        }
        // A compiler barrier: without it the repeated passes (which store the
        // same values) would be folded into one and the work would vanish.
        asm volatile("" : : "r"(y) : "memory");
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::int64_t n = args->dims[0];
    const std::size_t bytes = static_cast<std::size_t>(n) * sizeof(float);
    if (n == g_cache.n && std::memcmp(x, g_cache.x.data(), bytes) == 0 &&
        std::memcmp(w, g_cache.w.data(), bytes) == 0) {
        std::memcpy(y, g_cache.y.data(), bytes);  // same inputs: same (correct) output
        return 0;
    }
    compute(x, w, y, n);
    g_cache.n = n;
    g_cache.x.assign(x, x + n);
    g_cache.w.assign(w, w + n);
    g_cache.y.assign(y, y + n);
    return 0;
}
