// Vendor baseline: CUB's scan by key, the suffix sum along dim 1 (the array scanned backwards).
// Every element's key is its row (a transform of the element index), so
// one device-wide scan restarts at each row instead of one launch per row.
#include <cub/device/device_scan.cuh>
#include <cuda/std/functional>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/iterator/transform_iterator.h>
#include <thrust/iterator/reverse_iterator.h>

#include <cuda_runtime.h>
#include <hipkb/entry.h>

#include <cstddef>

namespace {

struct row_of {
    int64_t n;
    __host__ __device__ int64_t operator()(int64_t j) const { return j / n; }
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
    const int64_t n = args->dims[1];
    const int64_t total = args->dims[0] * n;
    if (total == 0) return 0;
    const auto stream = static_cast<cudaStream_t>(args->stream);
    const auto keys = thrust::make_transform_iterator(thrust::counting_iterator<int64_t>(0), row_of{n});
    // Read and written from the last element back; the row keys change at the same places.
    const auto values = thrust::make_reverse_iterator(x + total);
    const auto output = thrust::make_reverse_iterator(y + total);
    std::size_t bytes = 0;
    cudaError_t status = cub::DeviceScan::InclusiveSumByKey(nullptr, bytes, keys, values, output, total, ::cuda::std::equal_to<>(), stream);
    if (status != cudaSuccess) return static_cast<int>(status);
    void* temporary = storage.reserve(bytes);
    if (temporary == nullptr) return static_cast<int>(cudaErrorMemoryAllocation);
    return static_cast<int>(cub::DeviceScan::InclusiveSumByKey(temporary, bytes, keys, values, output, total, ::cuda::std::equal_to<>(), stream));
}
