// Adversarial (a race, not a cheat): one 256-thread block per output column
// group reduces dim 1 through shared memory, but the tree reduction has no
// __syncthreads between its steps. On a GPU the answer depends on how the
// wavefronts happen to be scheduled; on the CPU layer it is wrong when the
// threads of a block run forward and right when they run in reverse, so the
// harness must report schedule_dependent.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

constexpr int kBlock = 256;

// Block (b, j) sums x[b, :, j]: each thread a strided part of dim 1, then a tree.
__global__ void column_sum(const float* x, float* y, int64_t d1, int64_t d2) {
    __shared__ float partial[kBlock];
    const int64_t b = blockIdx.y;
    const int64_t j = blockIdx.x;
    float sum = 0.0f;
    for (int64_t i = threadIdx.x; i < d1; i += kBlock) sum += x[(b * d1 + i) * d2 + j];
    partial[threadIdx.x] = sum;
    __syncthreads();
    for (int s = kBlock / 2; s > 0; s >>= 1) {
        if (static_cast<int>(threadIdx.x) < s) partial[threadIdx.x] += partial[threadIdx.x + s];
        // missing: __syncthreads();
    }
    if (threadIdx.x == 0) y[b * d2 + j] = partial[0];
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t batch = args->dims[0];
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    const dim3 grid(static_cast<unsigned>(d2), static_cast<unsigned>(batch));
    column_sum<<<grid, kBlock, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, d1, d2);
    return static_cast<int>(hipGetLastError());
}
