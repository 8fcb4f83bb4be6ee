// Vendor baseline: rocPRIM's scan by key, the inclusive prefix product along dim 1.
// Every element's key is its row (a transform of the element index), so
// one device-wide scan restarts at each row instead of one launch per row.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <rocprim/rocprim.hpp>

#include <cstddef>

namespace {

struct row_of {
    int64_t n;
    __host__ __device__ int64_t operator()(int64_t j) const { return j / n; }
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
    const int64_t n = args->dims[1];
    const int64_t total = args->dims[0] * n;
    if (total == 0) return 0;
    const auto stream = static_cast<hipStream_t>(args->stream);
    const auto keys = rocprim::make_transform_iterator(rocprim::counting_iterator<int64_t>(0), row_of{n});
    const float* values = x;
    auto* output = y;
    std::size_t bytes = 0;
    hipError_t status = rocprim::inclusive_scan_by_key(nullptr, bytes, keys, values, output, static_cast<std::size_t>(total), rocprim::multiplies<float>(), rocprim::equal_to<int64_t>(), stream);
    if (status != hipSuccess) return static_cast<int>(status);
    void* temporary = storage.reserve(bytes);
    if (temporary == nullptr) return static_cast<int>(hipErrorOutOfMemory);
    return static_cast<int>(rocprim::inclusive_scan_by_key(temporary, bytes, keys, values, output, static_cast<std::size_t>(total), rocprim::multiplies<float>(), rocprim::equal_to<int64_t>(), stream));
}
