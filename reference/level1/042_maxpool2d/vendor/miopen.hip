// Vendor baseline: MIOpen's 2-D max pooling of x [N, C, H, W] with a K x K
// window, stride S and padding P (padding never wins the max). MIOpen
// pooling has no dilation: a DIL other than 1 is refused (hipkb_run returns
// an error, reported as a launch error). Forward only, so no index workspace.
// Written for ROCm 6.x (/opt/rocm, miopen-config.cmake); not compiled
// anywhere yet: Debian 12 packages no MIOpen.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>
#include <miopen/miopen.h>

namespace {

// The handle and descriptors for the process, made by the first call (a
// correctness call, never timed). Deliberately never destroyed: the module
// may be unloaded after the HIP runtime has shut down.
struct miopen_state {
    miopenStatus_t status = miopenStatusSuccess;
    miopenHandle_t handle = nullptr;
    miopenTensorDescriptor_t input = nullptr;
    miopenTensorDescriptor_t output = nullptr;
    miopenPoolingDescriptor_t pooling = nullptr;
};

const miopen_state& process_state() {
    static const miopen_state state = [] {
        miopen_state made;
        made.status = miopenCreate(&made.handle);
        if (made.status == miopenStatusSuccess) made.status = miopenCreateTensorDescriptor(&made.input);
        if (made.status == miopenStatusSuccess) made.status = miopenCreateTensorDescriptor(&made.output);
        if (made.status == miopenStatusSuccess) made.status = miopenCreatePoolingDescriptor(&made.pooling);
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
    const auto n = static_cast<int>(args->dims[0]);
    const auto c = static_cast<int>(args->dims[1]);
    const auto h = static_cast<int>(args->dims[2]);
    const auto w = static_cast<int>(args->dims[3]);
    const auto window = static_cast<int>(args->dims[4]);
    const auto stride = static_cast<int>(args->dims[5]);
    const auto padding = static_cast<int>(args->dims[6]);
    if (args->dims[7] != 1) return failure(miopenStatusUnsupportedOp);
    const int out_h = (h + 2 * padding - window) / stride + 1;
    const int out_w = (w + 2 * padding - window) / stride + 1;
    if (n == 0 || c == 0 || out_h <= 0 || out_w <= 0) return 0;
    const miopen_state& state = process_state();
    if (state.status != miopenStatusSuccess) return failure(state.status);
    // Host-side descriptor and stream settings: inside the timed call, cheap.
    miopenStatus_t status = miopenSetStream(state.handle, static_cast<hipStream_t>(args->stream));
    if (status == miopenStatusSuccess) {
        status = miopenSet2dPoolingDescriptor(state.pooling, miopenPoolingMax, window, window, padding, padding, stride,
                                              stride);
    }
    if (status == miopenStatusSuccess) {
        status = miopenSet4dTensorDescriptor(state.input, miopenFloat, n, c, h, w);
    }
    if (status == miopenStatusSuccess) {
        status = miopenSet4dTensorDescriptor(state.output, miopenFloat, n, c, out_h, out_w);
    }
    const float one = 1.0f;
    const float zero = 0.0f;
    if (status == miopenStatusSuccess) {
        status = miopenPoolingForward(state.handle, state.pooling, &one, state.input, x, &zero, state.output, y,
                                      /*do_backward=*/false, /*workSpace=*/nullptr, /*workSpaceSize=*/0);
    }
    return status == miopenStatusSuccess ? 0 : failure(status);
}
