// Vendor baseline: cuDNN's forward convolution for torch.nn.Conv2d(C, C, kernel_size=3, groups=C),
// no padding, no bias: x [N, C, H, W], weight [C, 1, 3, 3] -> y [N, C, H-2, W-2] (spec.json).
// Cross-correlation as in PyTorch. Depthwise: the group count is C, so each channel is its own
// group. CUDNN_FMA_MATH keeps it FP32 (no TF32 tensor cores), so it meets the same fp32 tolerance
// as the rest. The algorithm is cuDNN's own heuristic choice
// (cudnnGetConvolutionForwardAlgorithm_v7, nothing benchmarked), made per shape on the first call
// of that shape and kept.
#include <cuda_runtime.h>
#include <cudnn.h>
#include <hipkb/entry.h>

#include <cstddef>
#include <cstdint>

namespace {

// The convolution as cuDNN sees it: 2 spatial axes (H, W).
constexpr int spatial_axes = 2;
constexpr int tensor_rank = spatial_axes + 2;
constexpr int kernel[spatial_axes] = {3, 3};
constexpr int stride[spatial_axes] = {1, 1};
constexpr int padding[spatial_axes] = {0, 0};
constexpr int dilation[spatial_axes] = {1, 1};

// The problem's sizes, read from the spec's dims (in the spec's order:
// N, C, H, W).
struct geometry {
    int batch = 0;
    int in_channels = 0;
    int out_channels = 0;
    int groups = 1;
    int in[spatial_axes] = {};
    int out[spatial_axes] = {};
};

geometry geometry_of(const int64_t* dims) {
    geometry g;
    g.batch = static_cast<int>(dims[0]);
    g.in_channels = static_cast<int>(dims[1]);
    g.out_channels = static_cast<int>(dims[1]);
    g.groups = g.in_channels;
    g.in[0] = static_cast<int>(dims[2]);  // H
    g.in[1] = static_cast<int>(dims[3]);  // W
    for (int i = 0; i < spatial_axes; ++i) {
        const int reach = dilation[i] * (kernel[i] - 1) + 1;
        const int padded = g.in[i] + 2 * padding[i];
        g.out[i] = padded < reach ? 0 : (padded - reach) / stride[i] + 1;
    }
    return g;
}

// Handle, descriptors and workspace for the process, made by the first call
// (a correctness call, never timed). Deliberately never destroyed: the
// module may be unloaded after the CUDA runtime has shut down.
struct cudnn_state {
    cudnnStatus_t status = CUDNN_STATUS_SUCCESS;
    cudnnHandle_t handle = nullptr;
    cudnnTensorDescriptor_t input = nullptr;
    cudnnTensorDescriptor_t output = nullptr;
    cudnnFilterDescriptor_t filter = nullptr;
    cudnnConvolutionDescriptor_t convolution = nullptr;
    // The dims the algorithm below was chosen for.
    int64_t shape[4] = {};
    cudnnConvolutionFwdAlgo_t algorithm = CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM;
    void* workspace = nullptr;
    std::size_t workspace_bytes = 0;
};

cudnn_state& process_state() {
    static cudnn_state state = [] {
        cudnn_state made;
        made.status = cudnnCreate(&made.handle);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = cudnnCreateTensorDescriptor(&made.input);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = cudnnCreateTensorDescriptor(&made.output);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = cudnnCreateFilterDescriptor(&made.filter);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = cudnnCreateConvolutionDescriptor(&made.convolution);
        if (made.status == CUDNN_STATUS_SUCCESS) {
            made.status = cudnnSetConvolutionNdDescriptor(made.convolution, spatial_axes, padding, stride, dilation,
                                                          CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT);
        }
        if (made.status == CUDNN_STATUS_SUCCESS) {
            made.status = cudnnSetConvolutionMathType(made.convolution, CUDNN_FMA_MATH);
        }
        return made;
    }();
    return state;
}

// Host-side descriptor settings for this call's sizes: inside the timed
// call, cheap.
cudnnStatus_t describe(cudnn_state& state, const geometry& g) {
    int input[tensor_rank] = {g.batch, g.in_channels};
    int output[tensor_rank] = {g.batch, g.out_channels};
    int filter[tensor_rank] = {g.out_channels, g.in_channels / g.groups};
    for (int i = 0; i < spatial_axes; ++i) {
        input[i + 2] = g.in[i];
        output[i + 2] = g.out[i];
        filter[i + 2] = kernel[i];
    }
    cudnnStatus_t status =
        cudnnSetTensorNdDescriptorEx(state.input, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, tensor_rank, input);
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetTensorNdDescriptorEx(state.output, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, tensor_rank, output);
    }
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetFilterNdDescriptor(state.filter, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, tensor_rank, filter);
    }
    if (status == CUDNN_STATUS_SUCCESS) status = cudnnSetConvolutionGroupCount(state.convolution, g.groups);
    return status;
}

// A new shape: cuDNN's heuristic ranks the algorithms, the first that works
// without tensor-core math is kept and the workspace grows to fit it. Only
// on the first call of a shape, which is never timed.
cudnnStatus_t choose_algorithm(cudnn_state& state) {
    cudnnConvolutionFwdAlgoPerf_t ranked[CUDNN_CONVOLUTION_FWD_ALGO_COUNT]{};
    int returned = 0;
    cudnnStatus_t status =
        cudnnGetConvolutionForwardAlgorithm_v7(state.handle, state.input, state.filter, state.convolution, state.output,
                                               CUDNN_CONVOLUTION_FWD_ALGO_COUNT, &returned, ranked);
    if (status != CUDNN_STATUS_SUCCESS) return status;
    int chosen = -1;
    for (int i = 0; i < returned && chosen < 0; ++i) {
        const bool tensor_ops =
            ranked[i].mathType == CUDNN_TENSOR_OP_MATH || ranked[i].mathType == CUDNN_TENSOR_OP_MATH_ALLOW_CONVERSION;
        if (ranked[i].status == CUDNN_STATUS_SUCCESS && !tensor_ops) chosen = i;
    }
    if (chosen < 0) return CUDNN_STATUS_NOT_SUPPORTED;
    state.algorithm = ranked[chosen].algo;
    std::size_t bytes = 0;
    status = cudnnGetConvolutionForwardWorkspaceSize(state.handle, state.input, state.filter, state.convolution,
                                                     state.output, state.algorithm, &bytes);
    if (status != CUDNN_STATUS_SUCCESS) return status;
    if (bytes > state.workspace_bytes) {
        if (state.workspace != nullptr && cudaFree(state.workspace) != cudaSuccess) return CUDNN_STATUS_INTERNAL_ERROR;
        state.workspace = nullptr;
        state.workspace_bytes = 0;
        if (cudaMalloc(&state.workspace, bytes) != cudaSuccess) return CUDNN_STATUS_ALLOC_FAILED;
        state.workspace_bytes = bytes;
    }
    return CUDNN_STATUS_SUCCESS;
}

// hipkb_run returns a nonzero code on failure; cuDNN statuses are offset so
// that they do not read as CUDA error codes.
int failure(cudnnStatus_t status) { return 20000 + static_cast<int>(status); }

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const geometry g = geometry_of(args->dims);
    bool empty = g.batch == 0 || g.in_channels == 0 || g.out_channels == 0;
    for (int i = 0; i < spatial_axes; ++i) empty = empty || g.in[i] <= 0 || g.out[i] <= 0;
    if (empty) return 0;
    cudnn_state& state = process_state();
    if (state.status != CUDNN_STATUS_SUCCESS) return failure(state.status);
    cudnnStatus_t status = cudnnSetStream(state.handle, static_cast<cudaStream_t>(args->stream));
    if (status == CUDNN_STATUS_SUCCESS) status = describe(state, g);
    bool same_shape = true;
    for (int i = 0; i < 4; ++i) same_shape = same_shape && state.shape[i] == args->dims[i];
    if (status == CUDNN_STATUS_SUCCESS && !same_shape) {
        status = choose_algorithm(state);
        if (status == CUDNN_STATUS_SUCCESS) {
            for (int i = 0; i < 4; ++i) state.shape[i] = args->dims[i];
        }
    }
    const float one = 1.0f;
    const float zero = 0.0f;
    if (status == CUDNN_STATUS_SUCCESS) {
        status =
            cudnnConvolutionForward(state.handle, &one, state.input, x, state.filter, weight, state.convolution,
                                    state.algorithm, state.workspace, state.workspace_bytes, &zero, state.output, y);
    }
    return status == CUDNN_STATUS_SUCCESS ? 0 : failure(status);
}
