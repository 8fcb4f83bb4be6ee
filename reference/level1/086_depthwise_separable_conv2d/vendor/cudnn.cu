// Vendor baseline: cuDNN's forward convolution twice, for a depthwise 3 x 3
// convolution (padding 1, groups = C) into an intermediate d [N, C, H, W],
// then a pointwise 1 x 1 convolution d -> y [N, K, H, W], neither with bias
// (spec.json). cuDNN's legacy API has no fused depthwise-separable call, and
// PyTorch's eager module runs the same two convolutions. d is a buffer of
// this module, grown on the first call of a shape (never timed); both
// convolutions are timed. CUDNN_FMA_MATH keeps both FP32 (no TF32 tensor
// cores). Each convolution's algorithm is cuDNN's heuristic choice
// (cudnnGetConvolutionForwardAlgorithm_v7), made per shape on the first call
// of that shape and kept.
#include <cuda_runtime.h>
#include <cudnn.h>
#include <hipkb/entry.h>

#include <cstddef>
#include <cstdint>

namespace {

// The spec's dims: N, C, H, W, K.
constexpr int dim_count = 5;

// One of the two convolutions: its filter, its descriptor and the algorithm
// chosen for the current shape with the workspace that algorithm needs.
struct convolution_stage {
    cudnnFilterDescriptor_t filter = nullptr;
    cudnnConvolutionDescriptor_t convolution = nullptr;
    cudnnConvolutionFwdAlgo_t algorithm = CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM;
    std::size_t workspace_bytes = 0;
};

// Handle, descriptors, workspace and the intermediate for the process, made
// by the first call (a correctness call, never timed). Deliberately never
// destroyed: the module may be unloaded after the CUDA runtime has shut down.
struct cudnn_state {
    cudnnStatus_t status = CUDNN_STATUS_SUCCESS;
    cudnnHandle_t handle = nullptr;
    // x and the intermediate d share one shape, [N, C, H, W].
    cudnnTensorDescriptor_t planes = nullptr;
    cudnnTensorDescriptor_t output = nullptr;
    convolution_stage depthwise;
    convolution_stage pointwise;
    // The dims the algorithms were chosen and the buffers sized for.
    int64_t shape[dim_count] = {};
    void* workspace = nullptr;
    std::size_t workspace_bytes = 0;
    float* intermediate = nullptr;
    std::size_t intermediate_bytes = 0;
};

cudnnStatus_t make_stage(convolution_stage& stage, int padding) {
    cudnnStatus_t status = cudnnCreateFilterDescriptor(&stage.filter);
    if (status == CUDNN_STATUS_SUCCESS) status = cudnnCreateConvolutionDescriptor(&stage.convolution);
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetConvolution2dDescriptor(stage.convolution, padding, padding, 1, 1, 1, 1,
                                                 CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT);
    }
    if (status == CUDNN_STATUS_SUCCESS) status = cudnnSetConvolutionMathType(stage.convolution, CUDNN_FMA_MATH);
    return status;
}

cudnn_state& process_state() {
    static cudnn_state state = [] {
        cudnn_state made;
        made.status = cudnnCreate(&made.handle);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = cudnnCreateTensorDescriptor(&made.planes);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = cudnnCreateTensorDescriptor(&made.output);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = make_stage(made.depthwise, /*padding=*/1);
        if (made.status == CUDNN_STATUS_SUCCESS) made.status = make_stage(made.pointwise, /*padding=*/0);
        return made;
    }();
    return state;
}

// cuDNN's heuristic ranks the algorithms; the first that works without
// tensor-core math is kept, with the workspace it needs.
cudnnStatus_t choose_algorithm(const cudnn_state& state, convolution_stage& stage, cudnnTensorDescriptor_t input,
                               cudnnTensorDescriptor_t output) {
    cudnnConvolutionFwdAlgoPerf_t ranked[CUDNN_CONVOLUTION_FWD_ALGO_COUNT]{};
    int returned = 0;
    cudnnStatus_t status =
        cudnnGetConvolutionForwardAlgorithm_v7(state.handle, input, stage.filter, stage.convolution, output,
                                               CUDNN_CONVOLUTION_FWD_ALGO_COUNT, &returned, ranked);
    if (status != CUDNN_STATUS_SUCCESS) return status;
    int chosen = -1;
    for (int i = 0; i < returned && chosen < 0; ++i) {
        const bool tensor_ops =
            ranked[i].mathType == CUDNN_TENSOR_OP_MATH || ranked[i].mathType == CUDNN_TENSOR_OP_MATH_ALLOW_CONVERSION;
        if (ranked[i].status == CUDNN_STATUS_SUCCESS && !tensor_ops) chosen = i;
    }
    if (chosen < 0) return CUDNN_STATUS_NOT_SUPPORTED;
    stage.algorithm = ranked[chosen].algo;
    return cudnnGetConvolutionForwardWorkspaceSize(state.handle, input, stage.filter, stage.convolution, output,
                                                   stage.algorithm, &stage.workspace_bytes);
}

// A device buffer at least `bytes` long, kept between calls.
cudnnStatus_t grow(void*& buffer, std::size_t& held, std::size_t bytes) {
    if (bytes <= held) return CUDNN_STATUS_SUCCESS;
    if (buffer != nullptr && cudaFree(buffer) != cudaSuccess) return CUDNN_STATUS_INTERNAL_ERROR;
    buffer = nullptr;
    held = 0;
    if (cudaMalloc(&buffer, bytes) != cudaSuccess) return CUDNN_STATUS_ALLOC_FAILED;
    held = bytes;
    return CUDNN_STATUS_SUCCESS;
}

// A new shape: both algorithms chosen, the workspace and the intermediate
// grown to fit. Only on the first call of a shape, which is never timed.
cudnnStatus_t prepare_shape(cudnn_state& state, std::size_t intermediate_bytes) {
    cudnnStatus_t status = choose_algorithm(state, state.depthwise, state.planes, state.planes);
    if (status == CUDNN_STATUS_SUCCESS) status = choose_algorithm(state, state.pointwise, state.planes, state.output);
    const std::size_t workspace_bytes = state.depthwise.workspace_bytes > state.pointwise.workspace_bytes
                                            ? state.depthwise.workspace_bytes
                                            : state.pointwise.workspace_bytes;
    if (status == CUDNN_STATUS_SUCCESS) status = grow(state.workspace, state.workspace_bytes, workspace_bytes);
    void* intermediate = state.intermediate;
    if (status == CUDNN_STATUS_SUCCESS) status = grow(intermediate, state.intermediate_bytes, intermediate_bytes);
    state.intermediate = static_cast<float*>(intermediate);
    return status;
}

// hipkb_run returns a nonzero code on failure; cuDNN statuses are offset so
// that they do not read as CUDA error codes.
int failure(cudnnStatus_t status) { return 20000 + static_cast<int>(status); }

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* depthwise_weight = static_cast<const float*>(args->inputs[1]);
    const auto* pointwise_weight = static_cast<const float*>(args->inputs[2]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const auto n = static_cast<int>(args->dims[0]);
    const auto c = static_cast<int>(args->dims[1]);
    const auto h = static_cast<int>(args->dims[2]);
    const auto w = static_cast<int>(args->dims[3]);
    const auto k = static_cast<int>(args->dims[4]);
    if (n == 0 || c == 0 || h == 0 || w == 0 || k == 0) return 0;
    cudnn_state& state = process_state();
    if (state.status != CUDNN_STATUS_SUCCESS) return failure(state.status);
    // Host-side descriptor and stream settings: inside the timed call, cheap.
    cudnnStatus_t status = cudnnSetStream(state.handle, static_cast<cudaStream_t>(args->stream));
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetTensor4dDescriptor(state.planes, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, n, c, h, w);
    }
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetTensor4dDescriptor(state.output, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, n, k, h, w);
    }
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetFilter4dDescriptor(state.depthwise.filter, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, c, 1, 3, 3);
    }
    if (status == CUDNN_STATUS_SUCCESS) status = cudnnSetConvolutionGroupCount(state.depthwise.convolution, c);
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnSetFilter4dDescriptor(state.pointwise.filter, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, k, c, 1, 1);
    }
    bool same_shape = true;
    for (int i = 0; i < dim_count; ++i) same_shape = same_shape && state.shape[i] == args->dims[i];
    if (status == CUDNN_STATUS_SUCCESS && !same_shape) {
        const std::size_t planes = static_cast<std::size_t>(n) * static_cast<std::size_t>(c) *
                                   static_cast<std::size_t>(h) * static_cast<std::size_t>(w);
        status = prepare_shape(state, sizeof(float) * planes);
        if (status == CUDNN_STATUS_SUCCESS) {
            for (int i = 0; i < dim_count; ++i) state.shape[i] = args->dims[i];
        }
    }
    const float one = 1.0f;
    const float zero = 0.0f;
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnConvolutionForward(state.handle, &one, state.planes, x, state.depthwise.filter, depthwise_weight,
                                         state.depthwise.convolution, state.depthwise.algorithm, state.workspace,
                                         state.workspace_bytes, &zero, state.planes, state.intermediate);
    }
    if (status == CUDNN_STATUS_SUCCESS) {
        status = cudnnConvolutionForward(state.handle, &one, state.planes, state.intermediate, state.pointwise.filter,
                                         pointwise_weight, state.pointwise.convolution, state.pointwise.algorithm,
                                         state.workspace, state.workspace_bytes, &zero, state.output, y);
    }
    return status == CUDNN_STATUS_SUCCESS ? 0 : failure(status);
}
