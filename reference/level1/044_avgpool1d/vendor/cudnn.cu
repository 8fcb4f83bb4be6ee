// Vendor baseline: cuDNN's average pooling (cudnnPoolingForward) for
// nn.AvgPool1d(kernel_size=K, stride=S, padding=P), ceil_mode false, count_include_pad true:
// x [N, C, L] -> y [N, C, (L+2*P-K)/S+1] (spec.json), the window K and stride S
// on every spatial axis, zero padding P counted in the divisor
// (CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING: always K^1). cuDNN
// rounds output sizes down, as ceil_mode false does.
// The 1-D pooling is a 2-D one over [N, C, 1, L] with a 1 x K window.
#include <cuda_runtime.h>
#include <cudnn.h>
#include <hipkb/entry.h>

#include <cstdint>

namespace {

// Spatial axes as cuDNN sees them (the 1-D problem as 2-D with H = 1), and the tensor rank.
constexpr int spatial_axes = 2;
constexpr int tensor_rank = spatial_axes + 2;

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
    // The spec's dims: N, C, L, K, S, P.
    const auto n = static_cast<int>(args->dims[0]);
    const auto c = static_cast<int>(args->dims[1]);
    const auto window_size = static_cast<int>(args->dims[3]);
    const auto stride_size = static_cast<int>(args->dims[3 + 1]);
    const auto padding_size = static_cast<int>(args->dims[3 + 2]);
    int input[tensor_rank] = {n, c};
    int output[tensor_rank] = {n, c};
    int window[spatial_axes];
    int stride[spatial_axes];
    int padding[spatial_axes];
    bool empty = n == 0 || c == 0;
    for (int i = 0; i < spatial_axes; ++i) {
        const bool lifted_axis = i == 0;  // H = 1: a window of 1, no stride, no padding
        input[i + 2] = lifted_axis ? 1 : static_cast<int>(args->dims[2]);
        window[i] = lifted_axis ? 1 : window_size;
        stride[i] = lifted_axis ? 1 : stride_size;
        padding[i] = lifted_axis ? 0 : padding_size;
        const int padded = input[i + 2] + 2 * padding[i];
        output[i + 2] = padded < window[i] ? 0 : (padded - window[i]) / stride[i] + 1;
        empty = empty || output[i + 2] <= 0;
    }
    if (empty) return 0;
    const cudnn_state& state = process_state();
    if (state.status != CUDNN_STATUS_SUCCESS) return failure(state.status);
    // Host-side descriptor and stream settings: inside the timed call, cheap.
    cudnnStatus_t status = cudnnSetStream(state.handle, static_cast<cudaStream_t>(args->stream));
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetPoolingNdDescriptor(state.pooling, CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING,
                                             CUDNN_NOT_PROPAGATE_NAN, spatial_axes, window, padding, stride);
    }
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetTensorNdDescriptorEx(state.input, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, tensor_rank, input);
    }
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetTensorNdDescriptorEx(state.output, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, tensor_rank, output);
    }
    const float one = 1.0f;
    const float zero = 0.0f;
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnPoolingForward(state.handle, state.pooling, &one, state.input, x, &zero, state.output, y);
    }
    return status == CUDNN_STATUS_SUCCESS ? 0 : failure(status);
}
