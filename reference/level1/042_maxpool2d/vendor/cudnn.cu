// Vendor baseline: cuDNN's 2-D max pooling of x [N, C, H, W] with a K x K
// window, stride S and padding P (padding never wins the max, as in PyTorch),
// CUDNN_POOLING_MAX_DETERMINISTIC. cuDNN pooling has no dilation: a DIL other
// than 1 is refused (hipkb_run returns an error, reported as a launch error).
#include <cuda_runtime.h>
#include <cudnn.h>
#include <hipkb/entry.h>

namespace {

// The handle and descriptors for the process, made by the first call (a
// correctness call, never timed). Deliberately never destroyed: the module
// may be unloaded after the CUDA runtime has shut down.
struct cudnn_state {
    cudnnStatus_t status = CUDNN_STATUS_SUCCESS;
    cudnnHandle_t handle = nullptr;
    cudnnTensorDescriptor_t input = nullptr;
    cudnnTensorDescriptor_t output = nullptr;
    cudnnPoolingDescriptor_t pooling = nullptr;
};

const cudnn_state& process_state() {
    static const cudnn_state state = [] {
        cudnn_state made;
        made.status = cudnnCreate(&made.handle);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = cudnnCreateTensorDescriptor(&made.input);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = cudnnCreateTensorDescriptor(&made.output);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = cudnnCreatePoolingDescriptor(&made.pooling);
        return made;
    }();
    return state;
}

// hipkb_run returns a nonzero code on failure; cuDNN statuses are offset so
// that they do not read as CUDA error codes.
int failure(cudnnStatus_t status) { return 20000 + static_cast<int>(status); }

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
    if (args->dims[7] != 1) return failure(CUDNN_STATUS_NOT_SUPPORTED);
    const int out_h = (h + 2 * padding - window) / stride + 1;
    const int out_w = (w + 2 * padding - window) / stride + 1;
    if (n == 0 || c == 0 || out_h <= 0 || out_w <= 0) return 0;
    const cudnn_state& state = process_state();
    if (state.status != CUDNN_STATUS_SUCCESS) return failure(state.status);
    // Host-side descriptor and stream settings: inside the timed call, cheap.
    cudnnStatus_t status = cudnnSetStream(state.handle, static_cast<cudaStream_t>(args->stream));
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetPooling2dDescriptor(state.pooling, CUDNN_POOLING_MAX_DETERMINISTIC, CUDNN_NOT_PROPAGATE_NAN,
                                             window, window, padding, padding, stride, stride);
    }
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetTensor4dDescriptor(state.input, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, n, c, h, w);
    }
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetTensor4dDescriptor(state.output, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, n, c, out_h, out_w);
    }
    const float one = 1.0f;
    const float zero = 0.0f;
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnPoolingForward(state.handle, state.pooling, &one, state.input, x, &zero, state.output, y);
    }
    return status == CUDNN_STATUS_SUCCESS ? 0 : failure(status);
}
