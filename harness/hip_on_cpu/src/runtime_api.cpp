// The HIP runtime API on the CPU: errors, the device description, memory,
// streams and events. Work runs when it is enqueued, so every stream is
// always idle and events record the host's steady clock.
#include "runtime_state.hpp"

#include <hipkb_cpu/control.h>
#include <hipkb_cpu/kernel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>

#include <unistd.h>

struct hipkb_cpu_stream {
    unsigned int flags;
};

struct hipkb_cpu_event {
    unsigned int flags;
    bool recorded;
    std::chrono::steady_clock::time_point at;
};

namespace hipkb::cpu::detail {

namespace {

thread_local hipError_t t_last_error = hipSuccess;
std::mutex g_failure_mutex;
std::string g_failure;

// Every live allocation and its size, so that hipFree of a pointer the
// runtime did not hand out is an error rather than heap corruption.
std::mutex g_allocations_mutex;
std::unordered_map<void*, std::size_t> g_allocations;

hipError_t status(hipError_t error) {
    if (error != hipSuccess) t_last_error = error;
    return error;
}

std::size_t physical_memory_bytes() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long page = ::sysconf(_SC_PAGESIZE);
    return pages > 0 && page > 0 ? static_cast<std::size_t>(pages) * static_cast<std::size_t>(page) : 0;
}

std::size_t available_memory_bytes() {
    const long pages = ::sysconf(_SC_AVPHYS_PAGES);
    const long page = ::sysconf(_SC_PAGESIZE);
    return pages > 0 && page > 0 ? static_cast<std::size_t>(pages) * static_cast<std::size_t>(page) : 0;
}

int cache_bytes() {
    for (const int name : {_SC_LEVEL2_CACHE_SIZE, _SC_LEVEL3_CACHE_SIZE}) {
        const long bytes = ::sysconf(name);
        if (bytes > 0) return static_cast<int>(std::min<long>(bytes, 1L << 30));
    }
    return 0;
}

hipError_t allocate(void** pointer, std::size_t bytes) {
    if (!pointer) return status(hipErrorInvalidValue);
    // 256-byte alignment, as GPU allocators give: vectorised kernels may rely on it.
    const std::size_t rounded = ((bytes == 0 ? 1 : bytes) + 255) / 256 * 256;
    void* memory = std::aligned_alloc(256, rounded);
    if (!memory) {
        *pointer = nullptr;
        return status(hipErrorOutOfMemory);
    }
    std::lock_guard lock(g_allocations_mutex);
    g_allocations.emplace(memory, bytes);
    *pointer = memory;
    return hipSuccess;
}

hipError_t release(void* pointer) {
    if (!pointer) return hipSuccess;
    {
        std::lock_guard lock(g_allocations_mutex);
        if (g_allocations.erase(pointer) == 0) return status(hipErrorInvalidDevicePointer);
    }
    std::free(pointer);
    return hipSuccess;
}

hipError_t copy(void* destination, const void* source, std::size_t bytes) {
    if (bytes == 0) return hipSuccess;
    if (!destination || !source) return status(hipErrorInvalidValue);
    std::memmove(destination, source, bytes);
    return hipSuccess;
}

}  // namespace

void set_last_error(hipError_t error) { t_last_error = error; }

void record_launch_failure(const std::string& message) {
    std::lock_guard lock(g_failure_mutex);
    g_failure = message;
}

}  // namespace hipkb::cpu::detail

namespace hipkb::cpu {

std::string take_launch_failure() {
    std::lock_guard lock(detail::g_failure_mutex);
    return std::exchange(detail::g_failure, std::string());
}

}  // namespace hipkb::cpu

using namespace hipkb::cpu::detail;

extern "C" {

const char* hipGetErrorName(hipError_t error) {
    switch (error) {
        case hipSuccess:
            return "hipSuccess";
        case hipErrorInvalidValue:
            return "hipErrorInvalidValue";
        case hipErrorOutOfMemory:
            return "hipErrorOutOfMemory";
        case hipErrorNotInitialized:
            return "hipErrorNotInitialized";
        case hipErrorInvalidConfiguration:
            return "hipErrorInvalidConfiguration";
        case hipErrorInvalidSymbol:
            return "hipErrorInvalidSymbol";
        case hipErrorInvalidDevicePointer:
            return "hipErrorInvalidDevicePointer";
        case hipErrorInvalidMemcpyDirection:
            return "hipErrorInvalidMemcpyDirection";
        case hipErrorInsufficientDriver:
            return "hipErrorInsufficientDriver";
        case hipErrorInvalidDeviceFunction:
            return "hipErrorInvalidDeviceFunction";
        case hipErrorNoDevice:
            return "hipErrorNoDevice";
        case hipErrorInvalidDevice:
            return "hipErrorInvalidDevice";
        case hipErrorInvalidImage:
            return "hipErrorInvalidImage";
        case hipErrorInvalidContext:
            return "hipErrorInvalidContext";
        case hipErrorInvalidHandle:
            return "hipErrorInvalidHandle";
        case hipErrorIllegalState:
            return "hipErrorIllegalState";
        case hipErrorNotFound:
            return "hipErrorNotFound";
        case hipErrorNotReady:
            return "hipErrorNotReady";
        case hipErrorIllegalAddress:
            return "hipErrorIllegalAddress";
        case hipErrorLaunchOutOfResources:
            return "hipErrorLaunchOutOfResources";
        case hipErrorLaunchTimeOut:
            return "hipErrorLaunchTimeOut";
        case hipErrorAssert:
            return "hipErrorAssert";
        case hipErrorLaunchFailure:
            return "hipErrorLaunchFailure";
        case hipErrorNotSupported:
            return "hipErrorNotSupported";
        case hipErrorUnknown:
            return "hipErrorUnknown";
    }
    return "hipErrorUnknown";
}

const char* hipGetErrorString(hipError_t error) {
    switch (error) {
        case hipSuccess:
            return "no error";
        case hipErrorInvalidValue:
            return "invalid argument";
        case hipErrorOutOfMemory:
            return "out of memory";
        case hipErrorInvalidConfiguration:
            return "invalid configuration argument";
        case hipErrorInvalidDevicePointer:
            return "invalid device pointer";
        case hipErrorInvalidDevice:
            return "invalid device ordinal";
        case hipErrorInvalidHandle:
            return "invalid resource handle";
        case hipErrorNotReady:
            return "device not ready";
        case hipErrorLaunchFailure:
            return "unspecified launch failure";
        case hipErrorNotSupported:
            return "operation not supported";
        default:
            return hipGetErrorName(error);
    }
}

hipError_t hipGetLastError(void) { return std::exchange(t_last_error, hipSuccess); }
hipError_t hipPeekAtLastError(void) { return t_last_error; }

hipError_t hipGetDeviceCount(int* count) {
    if (!count) return status(hipErrorInvalidValue);
    *count = 1;
    return hipSuccess;
}

hipError_t hipGetDevice(int* device) {
    if (!device) return status(hipErrorInvalidValue);
    *device = 0;
    return hipSuccess;
}

hipError_t hipSetDevice(int device) { return device == 0 ? hipSuccess : status(hipErrorInvalidDevice); }

hipError_t hipGetDeviceProperties(hipDeviceProp_t* props, int device) {
    if (!props) return status(hipErrorInvalidValue);
    if (device != 0) return status(hipErrorInvalidDevice);
    *props = hipDeviceProp_t{};
    std::snprintf(props->name, sizeof(props->name), "hipkb CPU execution (%d threads, wavefront %d)",
                  hipkb::cpu::worker_count(), warpSize);
    std::snprintf(props->gcnArchName, sizeof(props->gcnArchName), "cpu");
    props->totalGlobalMem = physical_memory_bytes();
    props->sharedMemPerBlock = 64 * 1024;
    props->sharedMemPerBlockOptin = 64 * 1024;
    props->maxSharedMemoryPerMultiProcessor = 64 * 1024;
    props->totalConstMem = 64 * 1024;
    props->regsPerBlock = 65536;
    props->warpSize = warpSize;
    props->maxThreadsPerBlock = 1024;
    props->maxThreadsDim[0] = 1024;
    props->maxThreadsDim[1] = 1024;
    props->maxThreadsDim[2] = 1024;
    props->maxGridSize[0] = 2147483647;
    props->maxGridSize[1] = 65535;
    props->maxGridSize[2] = 65535;
    // Clock rates and bus widths have no honest CPU value: 0 says unknown.
    props->multiProcessorCount = hipkb::cpu::worker_count();
    props->l2CacheSize = cache_bytes();
    props->maxThreadsPerMultiProcessor = 1024;
    props->integrated = 1;
    props->managedMemory = 1;
    return hipSuccess;
}

hipError_t hipDeviceGetAttribute(int* value, hipDeviceAttribute_t attribute, int device) {
    if (!value) return status(hipErrorInvalidValue);
    hipDeviceProp_t props;
    if (const hipError_t error = hipGetDeviceProperties(&props, device); error != hipSuccess) return error;
    switch (attribute) {
        case hipDeviceAttributeMaxThreadsPerBlock:
            *value = props.maxThreadsPerBlock;
            break;
        case hipDeviceAttributeMaxBlockDimX:
            *value = props.maxThreadsDim[0];
            break;
        case hipDeviceAttributeMaxBlockDimY:
            *value = props.maxThreadsDim[1];
            break;
        case hipDeviceAttributeMaxBlockDimZ:
            *value = props.maxThreadsDim[2];
            break;
        case hipDeviceAttributeMaxGridDimX:
            *value = props.maxGridSize[0];
            break;
        case hipDeviceAttributeMaxGridDimY:
            *value = props.maxGridSize[1];
            break;
        case hipDeviceAttributeMaxGridDimZ:
            *value = props.maxGridSize[2];
            break;
        case hipDeviceAttributeMaxSharedMemoryPerBlock:
            *value = static_cast<int>(props.sharedMemPerBlock);
            break;
        case hipDeviceAttributeSharedMemPerBlockOptin:
            *value = static_cast<int>(props.sharedMemPerBlockOptin);
            break;
        case hipDeviceAttributeMaxSharedMemoryPerMultiprocessor:
            *value = static_cast<int>(props.maxSharedMemoryPerMultiProcessor);
            break;
        case hipDeviceAttributeTotalConstantMemory:
            *value = static_cast<int>(props.totalConstMem);
            break;
        case hipDeviceAttributeWarpSize:
            *value = props.warpSize;
            break;
        case hipDeviceAttributeMaxRegistersPerBlock:
            *value = props.regsPerBlock;
            break;
        case hipDeviceAttributeMultiprocessorCount:
            *value = props.multiProcessorCount;
            break;
        case hipDeviceAttributeL2CacheSize:
            *value = props.l2CacheSize;
            break;
        case hipDeviceAttributeMaxThreadsPerMultiProcessor:
            *value = props.maxThreadsPerMultiProcessor;
            break;
        case hipDeviceAttributeIntegrated:
        case hipDeviceAttributeUnifiedAddressing:
        case hipDeviceAttributeManagedMemory:
            *value = 1;
            break;
        default:
            *value = 0;
            break;  // clocks, bus width, compute capability: unknown on a CPU
    }
    return hipSuccess;
}

hipError_t hipDriverGetVersion(int* version) {
    if (!version) return status(hipErrorInvalidValue);
    *version = 0;
    return hipSuccess;
}

hipError_t hipRuntimeGetVersion(int* version) {
    if (!version) return status(hipErrorInvalidValue);
    *version = 0;
    return hipSuccess;
}

hipError_t hipDeviceSynchronize(void) { return hipSuccess; }
hipError_t hipDeviceReset(void) { return hipSuccess; }

hipError_t hipMemGetInfo(size_t* free_bytes, size_t* total_bytes) {
    if (!free_bytes || !total_bytes) return status(hipErrorInvalidValue);
    *free_bytes = available_memory_bytes();
    *total_bytes = physical_memory_bytes();
    return hipSuccess;
}

hipError_t hipMalloc(void** pointer, size_t bytes) { return allocate(pointer, bytes); }
hipError_t hipMallocManaged(void** pointer, size_t bytes, unsigned int) { return allocate(pointer, bytes); }
hipError_t hipHostMalloc(void** pointer, size_t bytes, unsigned int) { return allocate(pointer, bytes); }
hipError_t hipMallocAsync(void** pointer, size_t bytes, hipStream_t) { return allocate(pointer, bytes); }
hipError_t hipFree(void* pointer) { return release(pointer); }
hipError_t hipHostFree(void* pointer) { return release(pointer); }
hipError_t hipFreeAsync(void* pointer, hipStream_t) { return release(pointer); }

hipError_t hipMemcpy(void* destination, const void* source, size_t bytes, hipMemcpyKind) {
    return copy(destination, source, bytes);
}
hipError_t hipMemcpyAsync(void* destination, const void* source, size_t bytes, hipMemcpyKind, hipStream_t) {
    return copy(destination, source, bytes);
}
hipError_t hipMemcpy2D(void* destination, size_t destination_pitch, const void* source, size_t source_pitch,
                       size_t width, size_t height, hipMemcpyKind) {
    if (width > destination_pitch || width > source_pitch) return status(hipErrorInvalidValue);
    for (size_t row = 0; row < height; ++row) {
        const hipError_t error = copy(static_cast<char*>(destination) + row * destination_pitch,
                                      static_cast<const char*>(source) + row * source_pitch, width);
        if (error != hipSuccess) return error;
    }
    return hipSuccess;
}
hipError_t hipMemcpy2DAsync(void* destination, size_t destination_pitch, const void* source, size_t source_pitch,
                            size_t width, size_t height, hipMemcpyKind kind, hipStream_t) {
    return hipMemcpy2D(destination, destination_pitch, source, source_pitch, width, height, kind);
}
hipError_t hipMemset(void* destination, int value, size_t bytes) {
    if (bytes == 0) return hipSuccess;
    if (!destination) return status(hipErrorInvalidValue);
    std::memset(destination, value, bytes);
    return hipSuccess;
}
hipError_t hipMemsetAsync(void* destination, int value, size_t bytes, hipStream_t) {
    return hipMemset(destination, value, bytes);
}
hipError_t hipMemsetD32(void* destination, int value, size_t count) {
    if (count == 0) return hipSuccess;
    if (!destination) return status(hipErrorInvalidValue);
    std::fill_n(static_cast<int*>(destination), count, value);
    return hipSuccess;
}
hipError_t hipMemsetD32Async(void* destination, int value, size_t count, hipStream_t) {
    return hipMemsetD32(destination, value, count);
}
hipError_t hipMemPrefetchAsync(const void*, size_t, int, hipStream_t) { return hipSuccess; }

hipError_t hipStreamCreate(hipStream_t* stream) { return hipStreamCreateWithFlags(stream, hipStreamDefault); }
hipError_t hipStreamCreateWithFlags(hipStream_t* stream, unsigned int flags) {
    if (!stream) return status(hipErrorInvalidValue);
    *stream = new (std::nothrow) hipkb_cpu_stream{flags};
    return *stream ? hipSuccess : status(hipErrorOutOfMemory);
}
hipError_t hipStreamDestroy(hipStream_t stream) {
    if (!stream) return status(hipErrorInvalidHandle);
    delete stream;
    return hipSuccess;
}
hipError_t hipStreamSynchronize(hipStream_t) { return hipSuccess; }
hipError_t hipStreamQuery(hipStream_t) { return hipSuccess; }
hipError_t hipStreamWaitEvent(hipStream_t, hipEvent_t event, unsigned int) {
    return event ? hipSuccess : status(hipErrorInvalidHandle);
}

hipError_t hipEventCreate(hipEvent_t* event) { return hipEventCreateWithFlags(event, hipEventDefault); }
hipError_t hipEventCreateWithFlags(hipEvent_t* event, unsigned int flags) {
    if (!event) return status(hipErrorInvalidValue);
    *event = new (std::nothrow) hipkb_cpu_event{flags, false, {}};
    return *event ? hipSuccess : status(hipErrorOutOfMemory);
}
hipError_t hipEventDestroy(hipEvent_t event) {
    if (!event) return status(hipErrorInvalidHandle);
    delete event;
    return hipSuccess;
}
hipError_t hipEventRecord(hipEvent_t event, hipStream_t) {
    if (!event) return status(hipErrorInvalidHandle);
    event->recorded = true;
    event->at = std::chrono::steady_clock::now();
    return hipSuccess;
}
hipError_t hipEventSynchronize(hipEvent_t event) { return event ? hipSuccess : status(hipErrorInvalidHandle); }
hipError_t hipEventQuery(hipEvent_t event) { return event ? hipSuccess : status(hipErrorInvalidHandle); }
hipError_t hipEventElapsedTime(float* milliseconds, hipEvent_t start, hipEvent_t stop) {
    if (!milliseconds || !start || !stop) return status(hipErrorInvalidValue);
    if (!start->recorded || !stop->recorded) return status(hipErrorInvalidHandle);
    if ((start->flags & hipEventDisableTiming) != 0 || (stop->flags & hipEventDisableTiming) != 0) {
        return status(hipErrorInvalidHandle);
    }
    *milliseconds = std::chrono::duration<float, std::milli>(stop->at - start->at).count();
    return hipSuccess;
}

hipError_t hipFuncSetAttribute(const void*, hipFuncAttribute attribute, int value) {
    if (attribute == hipFuncAttributeMaxDynamicSharedMemorySize && (value < 0 || value > 64 * 1024)) {
        return status(hipErrorInvalidValue);
    }
    return hipSuccess;
}
hipError_t hipFuncSetCacheConfig(const void*, hipFuncCache_t) { return hipSuccess; }
hipError_t hipDeviceSetCacheConfig(hipFuncCache_t) { return hipSuccess; }

}  // extern "C"
