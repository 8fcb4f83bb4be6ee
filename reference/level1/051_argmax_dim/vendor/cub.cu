// Vendor baseline: CUB's segmented reduction as argmax over dim 1.
// Each element x[b, i, d2] enters as the pair (i, value) through a transform
// iterator (the D1 elements of a segment lie D2 apart in memory); the
// reduction keeps the max value and, on a tie, the lower index, as the
// reference does. The pairs land in a workspace and CUB's DeviceTransform
// writes their indices to y as int64.
#include <cub/device/device_segmented_reduce.cuh>
#include <cub/device/device_transform.cuh>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/iterator/transform_iterator.h>

#include <cuda_runtime.h>
#include <hipkb/entry.h>

#include <cstddef>
#include <limits>

namespace {

using indexed_value = cub::KeyValuePair<int, float>;

struct indexed_element {
    const float* x;
    int64_t d1;
    int64_t d2;
    __host__ __device__ indexed_value operator()(int64_t j) const {
        const int64_t segment = j / d1;
        const int64_t i = j % d1;
        return indexed_value(static_cast<int>(i), x[((segment / d2) * d1 + i) * d2 + segment % d2]);
    }
};

struct segment_offset {
    int64_t d1;
    __host__ __device__ int64_t operator()(int64_t segment) const { return segment * d1; }
};

struct keep_argmax {
    __host__ __device__ indexed_value operator()(const indexed_value& a, const indexed_value& b) const {
        if (b.value > a.value) return b;
        if (a.value > b.value) return a;
        return b.key < a.key ? b : a;
    }
};

struct index_of {
    __host__ __device__ int64_t operator()(const indexed_value& pair) const { return pair.key; }
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
    static device_workspace pairs;
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<int64_t*>(args->outputs[0]);
    const int64_t d1 = args->dims[1];
    const int64_t d2 = args->dims[2];
    const auto segments = static_cast<int>(args->dims[0] * d2);
    if (segments == 0) return 0;
    const auto stream = static_cast<cudaStream_t>(args->stream);
    const auto input =
        thrust::make_transform_iterator(thrust::counting_iterator<int64_t>(0), indexed_element{x, d1, d2});
    const auto offsets = thrust::make_transform_iterator(thrust::counting_iterator<int64_t>(0), segment_offset{d1});
    // Loses to every real element: an index past any segment and the worst value.
    const indexed_value identity(std::numeric_limits<int>::max(), -std::numeric_limits<float>::infinity());
    auto* reduced = static_cast<indexed_value*>(pairs.reserve(segments * sizeof(indexed_value)));
    if (reduced == nullptr) return static_cast<int>(cudaErrorMemoryAllocation);
    std::size_t bytes = 0;
    cudaError_t status = cub::DeviceSegmentedReduce::Reduce(nullptr, bytes, input, reduced, segments, offsets, offsets + 1,
                                                  keep_argmax(), identity, stream);
    if (status != cudaSuccess) return static_cast<int>(status);
    void* temporary = storage.reserve(bytes);
    if (temporary == nullptr) return static_cast<int>(cudaErrorMemoryAllocation);
    status = cub::DeviceSegmentedReduce::Reduce(temporary, bytes, input, reduced, segments, offsets, offsets + 1,
                                       keep_argmax(), identity, stream);
    if (status != cudaSuccess) return static_cast<int>(status);
    return static_cast<int>(cub::DeviceTransform::Transform(reduced, y, segments, index_of(), stream));
}
