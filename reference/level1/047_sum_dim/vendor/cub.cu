// Vendor baseline: CUB's segmented reduction (sum over dim 1).
// Output y[b, d2] reduces the D1 elements x[b, :, d2], which lie D2 apart in
// memory, so CUB reads them through a transform iterator over the element
// index instead of a transposed copy.
#include <cub/device/device_segmented_reduce.cuh>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/iterator/transform_iterator.h>

#include <cuda_runtime.h>
#include <hipkb/entry.h>

#include <cstddef>

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
// module may be unloaded after the CUDA runtime has shut down.
class device_workspace {
public:
    device_workspace() = default;
    device_workspace(const device_workspace&) = delete;
    device_workspace& operator=(const device_workspace&) = delete;
    void* reserve(std::size_t bytes) {
        if (bytes > m_bytes) {
            if (m_data != nullptr && cudaFree(m_data) != cudaSuccess) return nullptr;
            m_data = nullptr;
            m_bytes = 0;
            if (cudaMalloc(&m_data, bytes) != cudaSuccess) return nullptr;
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
    const auto segments = static_cast<int>(args->dims[0] * d2);
    if (segments == 0) return 0;
    const auto stream = static_cast<cudaStream_t>(args->stream);
    const auto input =
        thrust::make_transform_iterator(thrust::counting_iterator<int64_t>(0), strided_column_element{x, d1, d2});
    const auto offsets = thrust::make_transform_iterator(thrust::counting_iterator<int64_t>(0), segment_offset{d1});
    const auto output = y;
    std::size_t bytes = 0;
    cudaError_t status = cub::DeviceSegmentedReduce::Sum(nullptr, bytes, input, output, segments, offsets, offsets + 1, stream);
    if (status != cudaSuccess) return static_cast<int>(status);
    void* temporary = storage.reserve(bytes);
    if (temporary == nullptr) return static_cast<int>(cudaErrorMemoryAllocation);
    status = cub::DeviceSegmentedReduce::Sum(temporary, bytes, input, output, segments, offsets, offsets + 1, stream);
    return static_cast<int>(status);
}
