// Adversarial candidate "constant_rows": reduces batch 0 only and writes its
// D2 sums to every batch, as if the input were the same for every batch
// element, doing 1/B of the work. It would pass a check on degenerate inputs
// (all ones, all zeros, a constant fill, one repeated slice), where every
// batch's sums are indeed equal. Caught by the inputs: the harness draws
// every input element independently from the spec's distribution (here
// normal(0, 1)) for each seed, so the batches differ, every output element
// is compared, and the verdict is mismatch from batch 1 on.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void first_batch_broadcast(const float* x, float* y, int64_t batch, int64_t d1, int64_t d2) {
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t j = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; j < d2; j += stride) {
        float sum = 0.0f;
        for (int64_t i = 0; i < d1; ++i) {
            sum += x[i * d2 + j];
        }
        for (int64_t b = 0; b < batch; ++b) {
            y[b * d2 + j] = sum;
        }
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    constexpr int block = 256;
    const int64_t blocks_needed = (d2 + block - 1) / block;
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    first_batch_broadcast<<<grid > 0 ? grid : 1, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, batch, d1, d2);
    return static_cast<int>(hipGetLastError());
}
