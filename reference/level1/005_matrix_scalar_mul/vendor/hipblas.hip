// Vendor baseline: hipBLAS SGEAM, C = s * A + 0 * A, A and C [M, N] row-major
// (to hipBLAS, column-major N x M with leading dimension N: the same memory).
// s is a one-element device input, so the handle reads alpha and beta from
// device memory (HIPBLAS_POINTER_MODE_DEVICE); beta is a device zero made
// once, and with beta 0 the second matrix does not contribute.
// Written for ROCm 6.x (/opt/rocm, hipblas-config.cmake); not compiled
// anywhere yet: Debian 12 packages no hipBLAS.
#include <hip/hip_runtime.h>
#include <hipblas/hipblas.h>
#include <hipkb/entry.h>

namespace {

// The handle and the device zero for the process, made by the first call (a
// correctness call, never timed). Deliberately never destroyed: the module
// may be unloaded after the HIP runtime has shut down.
struct hipblas_state {
    hipblasStatus_t status = HIPBLAS_STATUS_SUCCESS;
    hipblasHandle_t handle = nullptr;
    float* device_zero = nullptr;
};

const hipblas_state& process_state() {
    static const hipblas_state state = [] {
        hipblas_state made;
        made.status = hipblasCreate(&made.handle);
        if (made.status == HIPBLAS_STATUS_SUCCESS)
            made.status = hipblasSetPointerMode(made.handle, HIPBLAS_POINTER_MODE_DEVICE);
        if (made.status == HIPBLAS_STATUS_SUCCESS && hipMalloc(&made.device_zero, sizeof(float)) != hipSuccess) {
            made.status = HIPBLAS_STATUS_ALLOC_FAILED;
        }
        if (made.status == HIPBLAS_STATUS_SUCCESS && hipMemset(made.device_zero, 0, sizeof(float)) != hipSuccess) {
            made.status = HIPBLAS_STATUS_INTERNAL_ERROR;
        }
        return made;
    }();
    return state;
}

// hipkb_run returns a nonzero code on failure; hipBLAS statuses are offset so
// that they do not read as HIP error codes.
int failure(hipblasStatus_t status) { return 10000 + static_cast<int>(status); }

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* a = static_cast<const float*>(args->inputs[0]);
    const auto* s = static_cast<const float*>(args->inputs[1]);
    auto* c = static_cast<float*>(args->outputs[0]);
    const auto m = static_cast<int>(args->dims[0]);
    const auto n = static_cast<int>(args->dims[1]);
    if (m == 0 || n == 0) return 0;
    const hipblas_state& state = process_state();
    if (state.status != HIPBLAS_STATUS_SUCCESS) return failure(state.status);
    hipblasStatus_t status = hipblasSetStream(state.handle, static_cast<hipStream_t>(args->stream));
    if (status == HIPBLAS_STATUS_SUCCESS) {
        status = hipblasSgeam(state.handle, HIPBLAS_OP_N, HIPBLAS_OP_N, n, m, s, a, n, state.device_zero, a, n, c, n);
    }
    return status == HIPBLAS_STATUS_SUCCESS ? 0 : failure(status);
}
