// Vendor baseline: hipBLAS SGEMV, y = A * x for a row-major A [M, K]. In
// hipBLAS's column-major terms the row-major A is a K x M matrix (leading
// dimension K), so y = (that matrix)^T * x: HIPBLAS_OP_T, no copies.
// Plain fp32 SGEMM/SGEMV: no reduced-precision compute is asked for.
// Written for ROCm 6.x (/opt/rocm, hipblas-config.cmake); not compiled
// anywhere yet: Debian 12 packages no hipBLAS.
#include <hip/hip_runtime.h>
#include <hipblas/hipblas.h>
#include <hipkb/entry.h>

namespace {

// The handle for the process, made by the first call (a correctness call,
// never timed), which is also where rocBLAS sizes its own workspace.
// Deliberately never destroyed: the module may be unloaded after the HIP
// runtime has shut down.
hipblasHandle_t process_handle(hipblasStatus_t& status) {
    static hipblasStatus_t made = HIPBLAS_STATUS_NOT_INITIALIZED;
    static hipblasHandle_t handle = [] {
        hipblasHandle_t h = nullptr;
        made = hipblasCreate(&h);
        return h;
    }();
    status = made;
    return handle;
}

// hipkb_run returns a nonzero code on failure; hipBLAS statuses are offset so
// that they do not read as HIP error codes.
int failure(hipblasStatus_t status) { return 10000 + static_cast<int>(status); }

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* x = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const auto m = static_cast<int>(args->dims[0]);
    const auto k = static_cast<int>(args->dims[1]);
    if (m == 0) return 0;
    hipblasStatus_t status = HIPBLAS_STATUS_SUCCESS;
    hipblasHandle_t handle = process_handle(status);
    if (status != HIPBLAS_STATUS_SUCCESS) return failure(status);
    status = hipblasSetStream(handle, static_cast<hipStream_t>(args->stream));
    if (status != HIPBLAS_STATUS_SUCCESS) return failure(status);
    const float one = 1.0f;
    const float zero = 0.0f;
    status = hipblasSgemv(handle, HIPBLAS_OP_T, k, m, &one, a, k, x, 1, &zero, y, 1);
    return status == HIPBLAS_STATUS_SUCCESS ? 0 : failure(status);
}
