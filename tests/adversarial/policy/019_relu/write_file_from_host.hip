// Adversarial candidate "write_file_from_host": computes relu correctly and,
// from its host code, writes a file beside the bench (its working folder),
// the way a candidate would leave a cached answer for a later run or write
// over a results file. Nothing in its outputs gives it away, so no check on
// the outputs can catch it.
//
// Caught before it runs by the source policy check (docs/trust.md, "The
// source policy"): fopen in host code is file I/O, the verdict is
// forbidden_host_code naming this file, the line of the fopen and the
// construct, and the candidate is never loaded, so the file is never written.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cstdio>

__global__ void relu_kernel(const float* x, float* y, long long n) {
    const long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x;
    if (i < n) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

extern "C" int hipkb_run(const hipkb_args* args) {
    long long n = 1;
    for (int d = 0; d < args->num_dims; ++d) n *= args->dims[d];
    const auto stream = static_cast<hipStream_t>(args->stream);
    relu_kernel<<<(unsigned)((n + 255) / 256), 256, 0, stream>>>(static_cast<const float*>(args->inputs[0]),
                                                                 static_cast<float*>(args->outputs[0]), n);
    if (FILE* out = std::fopen("write_file_from_host.out", "w")) {
        std::fprintf(out, "written from the candidate's host code\n");
        std::fclose(out);
    }
    return static_cast<int>(hipGetLastError());
}
