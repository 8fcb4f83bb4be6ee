// Vendor baseline: rocPRIM's segmented reduction (sum over dim 1).
// Output y[b, d2] reduces the D1 elements x[b, :, d2], which lie D2 apart in
// memory, so rocPRIM reads them through a transform iterator over the element
// index instead of a transposed copy.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <rocprim/rocprim.hpp>

#include <cstddef>
#include <limits>

namespace {

// Element j of the segmented view of x[B, D1, D2]: segment s = j / D1 is the
// output element (b, d2), and j % D1 the index along the reduced dim 1.
struct strided_column_element {
    const float* x;
    int64_t d1;
    int64_t d2;
    __host__ __device__ float operator()(int64_t j) const {
        const int64_t segment = j / d1;
        return x[((segment / d2) * d1 + j % d1) * d2 + segment % d2];
    }
};

struct segment_offset {
    int64_t d1;
    __host__ __device__ int64_t operator()(int64_t segment) const { return segment * d1; }
};

// Device memory kept for the process: sized on the first call (a
// correctness call at the benchmark sizes, never timed) and only grown when a
// later call needs more, so timed calls allocate nothing. Never freed: the
// module may be unloaded after the HIP runtime has shut down.
class device_workspace {
public:
    device_workspace() = default;
    device_workspace(const device_workspace&) = delete;
    device_workspace& operator=(const device_workspace&) = delete;
    void* reserve(std::size_t bytes) {
        if (bytes > m_bytes) {
            if (m_data != nullptr && hipFree(m_data) != hipSuccess) return nullptr;
            m_data = nullptr;
            m_bytes = 0;
            if (hipMalloc(&m_data, bytes) != hipSuccess) return nullptr;
            m_bytes = bytes;
        }
        return m_data;
    }

private:
    void* m_data = nullptr;
    std::size_t m_bytes = 0;
};


}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    static device_workspace storage;
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    const auto segments = static_cast<unsigned>(args->dims[0] * d2);
    if (segments == 0) return 0;
    const auto stream = static_cast<hipStream_t>(args->stream);
    const auto input = rocprim::make_transform_iterator(rocprim::counting_iterator<int64_t>(0),
                                                        strided_column_element{x, d1, d2});
    const auto offsets = rocprim::make_transform_iterator(rocprim::counting_iterator<int64_t>(0), segment_offset{d1});
    std::size_t bytes = 0;
    hipError_t status =
        rocprim::segmented_reduce(nullptr, bytes, input, y, segments, offsets, offsets + 1, rocprim::plus<float>(), 0.0f, stream);
    if (status != hipSuccess) return static_cast<int>(status);
    void* temporary = storage.reserve(bytes);
    if (temporary == nullptr) return static_cast<int>(hipErrorOutOfMemory);
    status = rocprim::segmented_reduce(temporary, bytes, input, y, segments, offsets, offsets + 1, rocprim::plus<float>(), 0.0f, stream);
    return static_cast<int>(status);
}
