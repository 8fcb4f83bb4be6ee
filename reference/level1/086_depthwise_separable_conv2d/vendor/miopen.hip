// Vendor baseline: MIOpen's forward convolution twice, for a depthwise 3 x 3
// convolution (padding 1, groups = C) into an intermediate d [N, C, H, W],
// then a pointwise 1 x 1 convolution d -> y [N, K, H, W], neither with bias
// (spec.json). MIOpen has no fused depthwise-separable call, and PyTorch's
// eager module runs the same two convolutions. d is a buffer of this module,
// grown on the first call of a shape (never timed); both convolutions are
// timed. Each convolution's algorithm is MIOpen's
// miopenFindConvolutionForwardAlgorithm choice (non-exhaustive, run on this
// call's buffers), made per shape on the first call of that shape and kept.
// Written for ROCm 6.x (/opt/rocm, miopen-config.cmake); not compiled
// anywhere yet: Debian 12 packages no MIOpen.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>
#include <miopen/miopen.h>

#include <cstddef>
#include <cstdint>

namespace {

// The spec's dims: N, C, H, W, K.
constexpr int dim_count = 5;

// One of the two convolutions: its filter, its descriptor and the algorithm
// chosen for the current shape.
struct convolution_stage {
    miopenTensorDescriptor_t filter = nullptr;
    miopenConvolutionDescriptor_t convolution = nullptr;
    miopenConvFwdAlgorithm_t algorithm = miopenConvolutionFwdAlgoGEMM;
};

// Handle, descriptors, workspace and the intermediate for the process, made
// by the first call (a correctness call, never timed). Deliberately never
// destroyed: the module may be unloaded after the HIP runtime has shut down.
struct miopen_state {
    miopenStatus_t status = miopenStatusSuccess;
    miopenHandle_t handle = nullptr;
    // x and the intermediate d share one shape, [N, C, H, W].
    miopenTensorDescriptor_t planes = nullptr;
    miopenTensorDescriptor_t output = nullptr;
    convolution_stage depthwise;
    convolution_stage pointwise;
    // The dims the algorithms were chosen and the buffers sized for.
    int64_t shape[dim_count] = {};
    void* workspace = nullptr;
    std::size_t workspace_bytes = 0;
    void* intermediate = nullptr;
    std::size_t intermediate_bytes = 0;
};

miopenStatus_t make_stage(convolution_stage& stage, int padding) {
    miopenStatus_t status = miopenCreateTensorDescriptor(&stage.filter);
    if (status == miopenStatusSuccess) status = miopenCreateConvolutionDescriptor(&stage.convolution);
    if (status == miopenStatusSuccess) {
        status = miopenInitConvolutionDescriptor(stage.convolution, miopenConvolution, padding, padding, 1, 1, 1, 1);
    }
    return status;
}

miopen_state& process_state() {
    static miopen_state state = [] {
        miopen_state made;
        made.status = miopenCreate(&made.handle);
        if (made.status == miopenStatusSuccess) made.status = miopenCreateTensorDescriptor(&made.planes);
        if (made.status == miopenStatusSuccess) made.status = miopenCreateTensorDescriptor(&made.output);
        if (made.status == miopenStatusSuccess) made.status = make_stage(made.depthwise, /*padding=*/1);
        if (made.status == miopenStatusSuccess) made.status = make_stage(made.pointwise, /*padding=*/0);
        return made;
    }();
    return state;
}

// A device buffer at least `bytes` long, kept between calls.
miopenStatus_t grow(void*& buffer, std::size_t& held, std::size_t bytes) {
    if (bytes <= held) return miopenStatusSuccess;
    if (buffer != nullptr && hipFree(buffer) != hipSuccess) return miopenStatusInternalError;
    buffer = nullptr;
    held = 0;
    if (hipMalloc(&buffer, bytes) != hipSuccess) return miopenStatusAllocFailed;
    held = bytes;
    return miopenStatusSuccess;
}

// The workspace grown to what any solver of the stage needs, then MIOpen's
// find runs the solvers on the real buffers (out is overwritten by the
// convolution that follows) and the fastest is kept.
miopenStatus_t choose_algorithm(miopen_state& state, convolution_stage& stage, miopenTensorDescriptor_t input_desc,
                                const void* input, const void* weight, miopenTensorDescriptor_t output_desc,
                                void* output) {
    std::size_t bytes = 0;
    miopenStatus_t status = miopenConvolutionForwardGetWorkSpaceSize(state.handle, stage.filter, input_desc,
                                                                     stage.convolution, output_desc, &bytes);
    if (status == miopenStatusSuccess) status = grow(state.workspace, state.workspace_bytes, bytes);
    if (status != miopenStatusSuccess) return status;
    miopenConvAlgoPerf_t fastest{};
    int returned = 0;
    status = miopenFindConvolutionForwardAlgorithm(state.handle, input_desc, input, stage.filter, weight,
                                                   stage.convolution, output_desc, output, 1, &returned, &fastest,
                                                   state.workspace, state.workspace_bytes,
                                                   /*exhaustiveSearch=*/false);
    if (status != miopenStatusSuccess) return status;
    if (returned < 1) return miopenStatusUnsupportedOp;
    stage.algorithm = fastest.fwd_algo;
    return miopenStatusSuccess;
}

// hipkb_run returns a nonzero code on failure; MIOpen statuses are offset so
// that they do not read as HIP error codes.
int failure(miopenStatus_t status) { return 30000 + static_cast<int>(status); }

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
    miopen_state& state = process_state();
    if (state.status != miopenStatusSuccess) return failure(state.status);
    // Host-side descriptor and stream settings: inside the timed call, cheap.
    miopenStatus_t status = miopenSetStream(state.handle, static_cast<hipStream_t>(args->stream));
    if (status == miopenStatusSuccess) status = miopenSet4dTensorDescriptor(state.planes, miopenFloat, n, c, h, w);
    if (status == miopenStatusSuccess) status = miopenSet4dTensorDescriptor(state.output, miopenFloat, n, k, h, w);
    if (status == miopenStatusSuccess) {
        status = miopenSet4dTensorDescriptor(state.depthwise.filter, miopenFloat, c, 1, 3, 3);
    }
    if (status == miopenStatusSuccess) status = miopenSetConvolutionGroupCount(state.depthwise.convolution, c);
    if (status == miopenStatusSuccess) {
        status = miopenSet4dTensorDescriptor(state.pointwise.filter, miopenFloat, k, c, 1, 1);
    }
    bool same_shape = true;
    for (int i = 0; i < dim_count; ++i) same_shape = same_shape && state.shape[i] == args->dims[i];
    if (status == miopenStatusSuccess && !same_shape) {
        // A new shape: only on its first call, which is never timed.
        const std::size_t planes = static_cast<std::size_t>(n) * static_cast<std::size_t>(c) *
                                   static_cast<std::size_t>(h) * static_cast<std::size_t>(w);
        status = grow(state.intermediate, state.intermediate_bytes, sizeof(float) * planes);
        if (status == miopenStatusSuccess) {
            status = choose_algorithm(state, state.depthwise, state.planes, x, depthwise_weight, state.planes,
                                      state.intermediate);
        }
        if (status == miopenStatusSuccess) {
            status = choose_algorithm(state, state.pointwise, state.planes, state.intermediate, pointwise_weight,
                                      state.output, y);
        }
        if (status == miopenStatusSuccess) {
            for (int i = 0; i < dim_count; ++i) state.shape[i] = args->dims[i];
        }
    }
    const float one = 1.0f;
    const float zero = 0.0f;
    if (status == miopenStatusSuccess) {
        status = miopenConvolutionForward(state.handle, &one, state.planes, x, state.depthwise.filter, depthwise_weight,
                                          state.depthwise.convolution, state.depthwise.algorithm, &zero, state.planes,
                                          state.intermediate, state.workspace, state.workspace_bytes);
    }
    if (status == miopenStatusSuccess) {
        status = miopenConvolutionForward(state.handle, &one, state.planes, state.intermediate, state.pointwise.filter,
                                          pointwise_weight, state.pointwise.convolution, state.pointwise.algorithm,
                                          &zero, state.output, y, state.workspace, state.workspace_bytes);
    }
    return status == miopenStatusSuccess ? 0 : failure(status);
}
