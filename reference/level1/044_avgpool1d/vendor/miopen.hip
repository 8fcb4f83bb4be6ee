// Vendor baseline: MIOpen's average pooling (miopenPoolingForward) for nn.AvgPool1d(kernel_size=K,
// stride=S, padding=P), ceil_mode false, count_include_pad true: x [N, C, L] -> y [N, C,
// (L+2*P-K)/S+1] (spec.json), the window K and stride S on every spatial axis, zero padding P
// counted in the divisor (miopenPoolingAverageInclusive: always K^1); output sizes rounded down, as
// ceil_mode false does. The 1-D pooling is a 2-D one over [N, C, 1, L] with a 1 x K window. Forward
// only, so no workspace. Written for ROCm 6.x (/opt/rocm, miopen-config.cmake); not compiled
// anywhere yet: Debian 12 packages no MIOpen.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>
#include <miopen/miopen.h>

#include <cstdint>

namespace {

// Spatial axes as MIOpen sees them (the 1-D problem as 2-D with H = 1), and the tensor rank.
constexpr int spatial_axes = 2;
constexpr int tensor_rank = spatial_axes + 2;

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

// A packed tensor of the given sizes.
miopenStatus_t set_packed(miopenTensorDescriptor_t descriptor, int (&sizes)[tensor_rank]) {
    int strides[tensor_rank];
    int step = 1;
    for (int i = tensor_rank - 1; i >= 0; --i) {
        strides[i] = step;
        step *= sizes[i];
    }
    return miopenSetTensorDescriptor(descriptor, miopenFloat, tensor_rank, sizes, strides);
}

// hipkb_run returns a nonzero code on failure; MIOpen statuses are offset so
// that they do not read as HIP error codes.
int failure(miopenStatus_t status) { return 30000 + static_cast<int>(status); }

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
    const miopen_state& state = process_state();
    if (state.status != miopenStatusSuccess) return failure(state.status);
    // Host-side descriptor and stream settings: inside the timed call, cheap.
    miopenStatus_t status = miopenSetStream(state.handle, static_cast<hipStream_t>(args->stream));
    if (status == miopenStatusSuccess) {
        status = miopenSetNdPoolingDescriptor(state.pooling, miopenPoolingAverageInclusive, spatial_axes, window,
                                              padding, stride);
    }
    if (status == miopenStatusSuccess) status = set_packed(state.input, input);
    if (status == miopenStatusSuccess) status = set_packed(state.output, output);
    const float one = 1.0f;
    const float zero = 0.0f;
    if (status == miopenStatusSuccess) {
        status = miopenPoolingForward(state.handle, state.pooling, &one, state.input, x, &zero, state.output, y,
                                      /*do_backward=*/false, /*workSpace=*/nullptr, /*workSpaceSize=*/0);
    }
    return status == miopenStatusSuccess ? 0 : failure(status);
}
