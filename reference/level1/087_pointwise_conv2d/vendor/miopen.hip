// Vendor baseline: MIOpen's forward convolution (miopenConvolutionForward) for torch.nn.Conv2d(C,
// K, kernel_size=1), no bias: x [N, C, H, W], weight [K, C, 1, 1] -> y [N, K, H, W] (spec.json).
// Cross-correlation as in PyTorch (miopenConvolution mode). The algorithm is MIOpen's
// miopenFindConvolutionForwardAlgorithm choice (it runs the candidate solvers on this call's own
// buffers, non-exhaustive search), made per shape on the first call of that shape and kept; the
// workspace is sized for every solver before the search. Written for ROCm 6.x (/opt/rocm,
// miopen-config.cmake); not compiled anywhere yet: Debian 12 packages no MIOpen.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>
#include <miopen/miopen.h>

#include <cstddef>
#include <cstdint>

namespace {

// The convolution as MIOpen sees it: 2 spatial axes (H, W).
constexpr int spatial_axes = 2;
constexpr int tensor_rank = spatial_axes + 2;
constexpr int kernel[spatial_axes] = {1, 1};
constexpr int stride[spatial_axes] = {1, 1};
constexpr int padding[spatial_axes] = {0, 0};
constexpr int dilation[spatial_axes] = {1, 1};

// The problem's sizes, read from the spec's dims (in the spec's order:
// N, C, H, W, K).
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
    g.out_channels = static_cast<int>(dims[4]);
    g.groups = 1;
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
// module may be unloaded after the HIP runtime has shut down.
struct miopen_state {
    miopenStatus_t status = miopenStatusSuccess;
    miopenHandle_t handle = nullptr;
    miopenTensorDescriptor_t input = nullptr;
    miopenTensorDescriptor_t output = nullptr;
    miopenTensorDescriptor_t filter = nullptr;
    miopenConvolutionDescriptor_t convolution = nullptr;
    // The dims the algorithm below was chosen for.
    int64_t shape[5] = {};
    miopenConvFwdAlgorithm_t algorithm = miopenConvolutionFwdAlgoGEMM;
    void* workspace = nullptr;
    std::size_t workspace_bytes = 0;
};

miopen_state& process_state() {
    static miopen_state state = [] {
        miopen_state made;
        made.status = miopenCreate(&made.handle);
        if (made.status == miopenStatusSuccess) made.status = miopenCreateTensorDescriptor(&made.input);
        if (made.status == miopenStatusSuccess) made.status = miopenCreateTensorDescriptor(&made.output);
        if (made.status == miopenStatusSuccess) made.status = miopenCreateTensorDescriptor(&made.filter);
        if (made.status == miopenStatusSuccess) made.status = miopenCreateConvolutionDescriptor(&made.convolution);
        // Mutable copies: older MIOpen headers take these arrays as int*.
        int pads[spatial_axes];
        int strides[spatial_axes];
        int dilations[spatial_axes];
        for (int i = 0; i < spatial_axes; ++i) {
            pads[i] = padding[i];
            strides[i] = stride[i];
            dilations[i] = dilation[i];
        }
        if (made.status == miopenStatusSuccess) {
            made.status = miopenInitConvolutionNdDescriptor(made.convolution, spatial_axes, pads, strides, dilations,
                                                            miopenConvolution);
        }
        return made;
    }();
    return state;
}

// A packed NCHW-style tensor of the given sizes.
miopenStatus_t set_packed(miopenTensorDescriptor_t descriptor, int (&sizes)[tensor_rank]) {
    int strides[tensor_rank];
    int step = 1;
    for (int i = tensor_rank - 1; i >= 0; --i) {
        strides[i] = step;
        step *= sizes[i];
    }
    return miopenSetTensorDescriptor(descriptor, miopenFloat, tensor_rank, sizes, strides);
}

// Host-side descriptor settings for this call's sizes: inside the timed
// call, cheap.
miopenStatus_t describe(miopen_state& state, const geometry& g) {
    int input[tensor_rank] = {g.batch, g.in_channels};
    int output[tensor_rank] = {g.batch, g.out_channels};
    int filter[tensor_rank] = {g.out_channels, g.in_channels / g.groups};
    for (int i = 0; i < spatial_axes; ++i) {
        input[i + 2] = g.in[i];
        output[i + 2] = g.out[i];
        filter[i + 2] = kernel[i];
    }
    miopenStatus_t status = set_packed(state.input, input);
    if (status == miopenStatusSuccess) status = set_packed(state.output, output);
    if (status == miopenStatusSuccess) status = set_packed(state.filter, filter);
    if (status == miopenStatusSuccess) status = miopenSetConvolutionGroupCount(state.convolution, g.groups);
    return status;
}

// A new shape: the workspace grows to what any solver needs, then MIOpen's
// find runs the solvers on this call's buffers (y is overwritten by the
// convolution that follows) and the fastest is kept. Only on the first call
// of a shape, which is never timed.
miopenStatus_t choose_algorithm(miopen_state& state, const float* x, const float* weight, float* y) {
    std::size_t bytes = 0;
    miopenStatus_t status = miopenConvolutionForwardGetWorkSpaceSize(state.handle, state.filter, state.input,
                                                                     state.convolution, state.output, &bytes);
    if (status != miopenStatusSuccess) return status;
    if (bytes > state.workspace_bytes) {
        if (state.workspace != nullptr && hipFree(state.workspace) != hipSuccess) return miopenStatusInternalError;
        state.workspace = nullptr;
        state.workspace_bytes = 0;
        if (hipMalloc(&state.workspace, bytes) != hipSuccess) return miopenStatusAllocFailed;
        state.workspace_bytes = bytes;
    }
    miopenConvAlgoPerf_t fastest{};
    int returned = 0;
    status = miopenFindConvolutionForwardAlgorithm(state.handle, state.input, x, state.filter, weight,
                                                   state.convolution, state.output, y, 1, &returned, &fastest,
                                                   state.workspace, state.workspace_bytes,
                                                   /*exhaustiveSearch=*/false);
    if (status != miopenStatusSuccess) return status;
    if (returned < 1) return miopenStatusUnsupportedOp;
    state.algorithm = fastest.fwd_algo;
    return miopenStatusSuccess;
}

// hipkb_run returns a nonzero code on failure; MIOpen statuses are offset so
// that they do not read as HIP error codes.
int failure(miopenStatus_t status) { return 30000 + static_cast<int>(status); }

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* weight = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const geometry g = geometry_of(args->dims);
    bool empty = g.batch == 0 || g.in_channels == 0 || g.out_channels == 0;
    for (int i = 0; i < spatial_axes; ++i) empty = empty || g.in[i] <= 0 || g.out[i] <= 0;
    if (empty) return 0;
    miopen_state& state = process_state();
    if (state.status != miopenStatusSuccess) return failure(state.status);
    miopenStatus_t status = miopenSetStream(state.handle, static_cast<hipStream_t>(args->stream));
    if (status == miopenStatusSuccess) status = describe(state, g);
    bool same_shape = true;
    for (int i = 0; i < 5; ++i) same_shape = same_shape && state.shape[i] == args->dims[i];
    if (status == miopenStatusSuccess && !same_shape) {
        status = choose_algorithm(state, x, weight, y);
        if (status == miopenStatusSuccess) {
            for (int i = 0; i < 5; ++i) state.shape[i] = args->dims[i];
        }
    }
    const float one = 1.0f;
    const float zero = 0.0f;
    if (status == miopenStatusSuccess) {
        status =
            miopenConvolutionForward(state.handle, &one, state.input, x, state.filter, weight, state.convolution,
                                     state.algorithm, &zero, state.output, y, state.workspace, state.workspace_bytes);
    }
    return status == miopenStatusSuccess ? 0 : failure(status);
}
