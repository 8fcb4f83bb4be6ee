// The fp32 arithmetic peak this device reaches in practice, for the FLOP/s
// roofline: every thread runs eight independent chains of fused
// multiply-adds (2 FLOPs each), enough independent work to keep the FMA
// pipes busy with a full occupancy grid. Built as a module with the same
// entry point as an implementation, so the bench loads and times it the
// same way:
//   dims[0] blocks, dims[1] threads per block, dims[2] iterations;
//   outputs[0] one float per thread (the sums, so no chain is optimised out).
// FLOPs per launch: blocks * threads * iterations * 8 * 2.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

__global__ void fma_chains(float* out, int iterations) {
    const float multiplier = 0.9999999f;
    const float addend = 1.0e-7f;
    float a0 = static_cast<float>(threadIdx.x) * 1.0e-3f;
    float a1 = a0 + 0.125f;
    float a2 = a0 + 0.25f;
    float a3 = a0 + 0.375f;
    float a4 = a0 + 0.5f;
    float a5 = a0 + 0.625f;
    float a6 = a0 + 0.75f;
    float a7 = a0 + 0.875f;
    for (int i = 0; i < iterations; ++i) {
        a0 = fmaf(a0, multiplier, addend);
        a1 = fmaf(a1, multiplier, addend);
        a2 = fmaf(a2, multiplier, addend);
        a3 = fmaf(a3, multiplier, addend);
        a4 = fmaf(a4, multiplier, addend);
        a5 = fmaf(a5, multiplier, addend);
        a6 = fmaf(a6, multiplier, addend);
        a7 = fmaf(a7, multiplier, addend);
    }
    out[static_cast<size_t>(blockIdx.x) * blockDim.x + threadIdx.x] = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    if (args->num_outputs < 1 || args->num_dims < 3) return static_cast<int>(hipErrorInvalidValue);
    const unsigned blocks = static_cast<unsigned>(args->dims[0]);
    const unsigned threads = static_cast<unsigned>(args->dims[1]);
    const int iterations = static_cast<int>(args->dims[2]);
    fma_chains<<<blocks, threads, 0, static_cast<hipStream_t>(args->stream)>>>(static_cast<float*>(args->outputs[0]),
                                                                               iterations);
    return static_cast<int>(hipGetLastError());
}
