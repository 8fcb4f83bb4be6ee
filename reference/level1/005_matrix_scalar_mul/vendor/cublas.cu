// Vendor baseline: cuBLAS SGEAM, C = s * A + 0 * A, A and C [M, N] row-major
// (to cuBLAS, column-major N x M with leading dimension N: the same memory).
// s is a one-element device input, so the handle reads alpha and beta from
// device memory (CUBLAS_POINTER_MODE_DEVICE); beta is a device zero made
// once, and with beta 0 the second matrix does not contribute.
#include <cublas_v2.h>
#include <cuda_runtime.h>
#include <hipkb/entry.h>

namespace {

// The handle and the device zero for the process, made by the first call (a
// correctness call, never timed). Deliberately never destroyed: the module
// may be unloaded after the CUDA runtime has shut down.
struct cublas_state {
    cublasStatus_t status = CUBLAS_STATUS_SUCCESS;
    cublasHandle_t handle = nullptr;
    float* device_zero = nullptr;
};

const cublas_state& process_state() {
    static const cublas_state state = [] {
        cublas_state made;
        made.status = cublasCreate(&made.handle);
        if (made.status == CUBLAS_STATUS_SUCCESS)
            made.status = cublasSetPointerMode(made.handle, CUBLAS_POINTER_MODE_DEVICE);
        if (made.status == CUBLAS_STATUS_SUCCESS && cudaMalloc(&made.device_zero, sizeof(float)) != cudaSuccess) {
            made.status = CUBLAS_STATUS_ALLOC_FAILED;
        }
        if (made.status == CUBLAS_STATUS_SUCCESS && cudaMemset(made.device_zero, 0, sizeof(float)) != cudaSuccess) {
            made.status = CUBLAS_STATUS_INTERNAL_ERROR;
        }
        return made;
    }();
    return state;
}

// hipkb_run returns a nonzero code on failure; cuBLAS statuses are offset so
// that they do not read as CUDA error codes.
int failure(cublasStatus_t status) { return 10000 + static_cast<int>(status); }

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* s = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const auto m = static_cast<int>(args->dims[0]);
    const auto n = static_cast<int>(args->dims[1]);
    if (m == 0 || n == 0) return 0;
    const cublas_state& state = process_state();
    if (state.status != CUBLAS_STATUS_SUCCESS) return failure(state.status);
    cublasStatus_t status = cublasSetStream(state.handle, static_cast<cudaStream_t>(args->stream));
    if (status == CUBLAS_STATUS_SUCCESS) {
        status = cublasSgeam(state.handle, CUBLAS_OP_N, CUBLAS_OP_N, n, m, s, a, n, state.device_zero, a, n, c, n);
    }
    return status == CUBLAS_STATUS_SUCCESS ? 0 : failure(status);
}
