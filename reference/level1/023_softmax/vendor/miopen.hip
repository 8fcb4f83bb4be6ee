// Vendor baseline: MIOpen's softmax over each row of x [B, D] (the tensor as
// B x D x 1 x 1, MIOPEN_SOFTMAX_MODE_INSTANCE: over C*H*W per image, here D),
// the max-subtracting MIOPEN_SOFTMAX_ACCURATE algorithm.
// Written for ROCm 6.x (/opt/rocm, miopen-config.cmake); not compiled
// anywhere yet: Debian 12 packages no MIOpen.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>
#include <miopen/miopen.h>

namespace {

// The handle and the tensor descriptor for the process, made by the first
// call (a correctness call, never timed). Deliberately never destroyed: the
// module may be unloaded after the HIP runtime has shut down.
struct miopen_state {
    miopenStatus_t status = miopenStatusSuccess;
    miopenHandle_t handle = nullptr;
    miopenTensorDescriptor_t rows = nullptr;
};

const miopen_state& process_state() {
    static const miopen_state state = [] {
        miopen_state made;
        made.status = miopenCreate(&made.handle);
        if (made.status == miopenStatusSuccess) made.status = miopenCreateTensorDescriptor(&made.rows);
        return made;
    }();
    return state;
}

// hipkb_run returns a nonzero code on failure; MIOpen statuses are offset so
// that they do not read as HIP error codes.
int failure(miopenStatus_t status) { return 30000 + static_cast<int>(status); }

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const auto rows = static_cast<int>(args->dims[0]);
    const auto columns = static_cast<int>(args->dims[1]);
    if (rows == 0 || columns == 0) return 0;
    const miopen_state& state = process_state();
    if (state.status != miopenStatusSuccess) return failure(state.status);
    // Host-side descriptor and stream settings: inside the timed call, cheap.
    miopenStatus_t status = miopenSetStream(state.handle, static_cast<hipStream_t>(args->stream));
    if (status == miopenStatusSuccess) {
        status = miopenSet4dTensorDescriptor(state.rows, miopenFloat, rows, columns, 1, 1);
    }
    const float one = 1.0f;
    const float zero = 0.0f;
    if (status == miopenStatusSuccess) {
        status = miopenSoftmaxForward_V2(state.handle, &one, state.rows, x, &zero, state.rows, y,
                                         MIOPEN_SOFTMAX_ACCURATE, MIOPEN_SOFTMAX_MODE_INSTANCE);
    }
    return status == miopenStatusSuccess ? 0 : failure(status);
}
