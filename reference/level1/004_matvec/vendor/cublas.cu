// Vendor baseline: cuBLAS SGEMV, y = A * x for a row-major A [M, K]. In
// cuBLAS's column-major terms the row-major A is a K x M matrix (leading
// dimension K), so y = (that matrix)^T * x: CUBLAS_OP_T, no copies.
// Pure FP32 math (CUBLAS_DEFAULT_MATH).
#include <cublas_v2.h>
#include <cuda_runtime.h>
#include <hipkb/entry.h>

#include <cstddef>

namespace {

// cuBLAS's recommended workspace on Hopper (32 MiB); handed to the handle so
// that cuBLAS never allocates during a call.
constexpr std::size_t workspace_bytes = std::size_t{32} << 20;

// The handle and its workspace for the process, made by the first call (a
// correctness call, never timed). Deliberately never destroyed: the module may
// be unloaded after the CUDA runtime has shut down.
cublasHandle_t process_handle(cublasStatus_t& status) {
    static cublasStatus_t made = CUBLAS_STATUS_NOT_INITIALIZED;
    static cublasHandle_t handle = [] {
        cublasHandle_t h = nullptr;
        made = cublasCreate(&h);
        void* workspace = nullptr;
        if (made == CUBLAS_STATUS_SUCCESS && cudaMalloc(&workspace, workspace_bytes) != cudaSuccess) {
            made = CUBLAS_STATUS_ALLOC_FAILED;
        }
        if (made == CUBLAS_STATUS_SUCCESS) made = cublasSetWorkspace(h, workspace, workspace_bytes);
        if (made == CUBLAS_STATUS_SUCCESS) made = cublasSetMathMode(h, CUBLAS_DEFAULT_MATH);
        return h;
    }();
    status = made;
    return handle;
}

// hipkb_run returns a nonzero code on failure; cuBLAS statuses are offset so
// that they do not read as CUDA error codes.
int failure(cublasStatus_t status) { return 10000 + static_cast<int>(status); }

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* x = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const auto m = static_cast<int>(args->dims[0]);
    const auto k = static_cast<int>(args->dims[1]);
    if (m == 0) return 0;
    cublasStatus_t status = CUBLAS_STATUS_SUCCESS;
    cublasHandle_t handle = process_handle(status);
    if (status != CUBLAS_STATUS_SUCCESS) return failure(status);
    status = cublasSetStream(handle, static_cast<cudaStream_t>(args->stream));
    if (status != CUBLAS_STATUS_SUCCESS) return failure(status);
    const float one = 1.0f;
    const float zero = 0.0f;
    status = cublasSgemv(handle, CUBLAS_OP_T, k, m, &one, a, k, x, 1, &zero, y, 1);
    return status == CUBLAS_STATUS_SUCCESS ? 0 : failure(status);
}
