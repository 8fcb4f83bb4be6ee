/* hipkb's HIP-on-CPU layer: the HIP runtime API, for HIP sources compiled by
 * the host C++ compiler whose kernels run on the CPU (the `cpu` execution
 * layer, docs/platforms.md).
 *
 * "Device" memory is host memory, every stream runs its work at the moment it
 * is enqueued (so every asynchronous call has finished when it returns), and
 * events read a steady clock. The device the properties describe is the CPU
 * itself, honestly: no clock rates or bus widths are invented.
 *
 * Error codes keep HIP's numbers, so a status a module returns reads the same
 * as on an AMD GPU.
 */
#ifndef HIPKB_CPU_HIP_RUNTIME_API_H
#define HIPKB_CPU_HIP_RUNTIME_API_H

#include <hipkb_cpu/qualifiers.h>

#include <stddef.h>
#include <stdint.h>

#include <type_traits>

/* HIP code tests the platform with these; the CPU layer is neither AMD nor
 * NVIDIA, so code guarded for one of them is not compiled here. */
#define __HIP_PLATFORM_HIPKB_CPU__ 1
#define HIPKB_HIP_ON_CPU 1

#if defined(__GNUC__) || defined(__clang__)
#define HIPKB_CPU_API __attribute__((visibility("default")))
#else
#define HIPKB_CPU_API
#endif

enum hipError_t {
    hipSuccess = 0,
    hipErrorInvalidValue = 1,
    hipErrorOutOfMemory = 2,
    hipErrorMemoryAllocation = 2,
    hipErrorNotInitialized = 3,
    hipErrorInitializationError = 3,
    hipErrorInvalidConfiguration = 9,
    hipErrorInvalidSymbol = 13,
    hipErrorInvalidDevicePointer = 17,
    hipErrorInvalidMemcpyDirection = 21,
    hipErrorInsufficientDriver = 35,
    hipErrorInvalidDeviceFunction = 98,
    hipErrorNoDevice = 100,
    hipErrorInvalidDevice = 101,
    hipErrorInvalidImage = 200,
    hipErrorInvalidContext = 201,
    hipErrorInvalidHandle = 400,
    hipErrorInvalidResourceHandle = 400,
    hipErrorIllegalState = 401,
    hipErrorNotFound = 500,
    hipErrorNotReady = 600,
    hipErrorIllegalAddress = 700,
    hipErrorLaunchOutOfResources = 701,
    hipErrorLaunchTimeOut = 702,
    hipErrorAssert = 710,
    hipErrorLaunchFailure = 719,
    hipErrorNotSupported = 801,
    hipErrorUnknown = 999,
};

enum hipMemcpyKind {
    hipMemcpyHostToHost = 0,
    hipMemcpyHostToDevice = 1,
    hipMemcpyDeviceToHost = 2,
    hipMemcpyDeviceToDevice = 3,
    hipMemcpyDefault = 4,
};

enum hipDeviceAttribute_t {
    hipDeviceAttributeMaxThreadsPerBlock,
    hipDeviceAttributeMaxBlockDimX,
    hipDeviceAttributeMaxBlockDimY,
    hipDeviceAttributeMaxBlockDimZ,
    hipDeviceAttributeMaxGridDimX,
    hipDeviceAttributeMaxGridDimY,
    hipDeviceAttributeMaxGridDimZ,
    hipDeviceAttributeMaxSharedMemoryPerBlock,
    hipDeviceAttributeSharedMemPerBlockOptin,
    hipDeviceAttributeMaxSharedMemoryPerMultiprocessor,
    hipDeviceAttributeTotalConstantMemory,
    hipDeviceAttributeWarpSize,
    hipDeviceAttributeMaxRegistersPerBlock,
    hipDeviceAttributeClockRate,
    hipDeviceAttributeMemoryClockRate,
    hipDeviceAttributeMemoryBusWidth,
    hipDeviceAttributeMultiprocessorCount,
    hipDeviceAttributeL2CacheSize,
    hipDeviceAttributeMaxThreadsPerMultiProcessor,
    hipDeviceAttributeComputeCapabilityMajor,
    hipDeviceAttributeComputeCapabilityMinor,
    hipDeviceAttributeConcurrentKernels,
    hipDeviceAttributeIntegrated,
    hipDeviceAttributeUnifiedAddressing,
    hipDeviceAttributeManagedMemory,
    hipDeviceAttributeWallClockRate,
};

enum hipFuncAttribute {
    hipFuncAttributeMaxDynamicSharedMemorySize = 8,
    hipFuncAttributePreferredSharedMemoryCarveout = 9,
};

enum hipFuncCache_t { hipFuncCachePreferNone, hipFuncCachePreferShared, hipFuncCachePreferL1, hipFuncCachePreferEqual };

struct dim3 {
    uint32_t x;
    uint32_t y;
    uint32_t z;
    constexpr dim3(uint32_t x_ = 1, uint32_t y_ = 1, uint32_t z_ = 1) : x(x_), y(y_), z(z_) {}
};

struct hipDeviceProp_t {
    char name[256];
    char gcnArchName[256];
    size_t totalGlobalMem;
    size_t sharedMemPerBlock;
    size_t sharedMemPerBlockOptin;
    size_t maxSharedMemoryPerMultiProcessor;
    size_t totalConstMem;
    int regsPerBlock;
    int warpSize;
    int maxThreadsPerBlock;
    int maxThreadsDim[3];
    int maxGridSize[3];
    int clockRate;
    int memoryClockRate;
    int memoryBusWidth;
    int multiProcessorCount;
    int l2CacheSize;
    int maxThreadsPerMultiProcessor;
    int major;
    int minor;
    int concurrentKernels;
    int integrated;
    int managedMemory;
    int gcnArch;
};

typedef struct hipkb_cpu_stream* hipStream_t;
typedef struct hipkb_cpu_event* hipEvent_t;
typedef int hipDevice_t;
typedef void* hipDeviceptr_t;

inline constexpr unsigned int hipStreamDefault = 0;
inline constexpr unsigned int hipStreamNonBlocking = 1;
inline constexpr unsigned int hipEventDefault = 0;
inline constexpr unsigned int hipEventBlockingSync = 1;
inline constexpr unsigned int hipEventDisableTiming = 2;
inline constexpr unsigned int hipEventInterprocess = 4;
inline constexpr unsigned int hipHostMallocDefault = 0;
inline constexpr unsigned int hipHostMallocPortable = 1;
inline constexpr unsigned int hipHostMallocMapped = 2;
inline constexpr unsigned int hipMemAttachGlobal = 1;
inline const hipStream_t hipStreamPerThread = nullptr;

extern "C" {

HIPKB_CPU_API const char* hipGetErrorString(hipError_t error);
HIPKB_CPU_API const char* hipGetErrorName(hipError_t error);
HIPKB_CPU_API hipError_t hipGetLastError(void);
HIPKB_CPU_API hipError_t hipPeekAtLastError(void);

HIPKB_CPU_API hipError_t hipGetDeviceCount(int* count);
HIPKB_CPU_API hipError_t hipGetDevice(int* device);
HIPKB_CPU_API hipError_t hipSetDevice(int device);
HIPKB_CPU_API hipError_t hipGetDeviceProperties(hipDeviceProp_t* props, int device);
HIPKB_CPU_API hipError_t hipDeviceGetAttribute(int* value, hipDeviceAttribute_t attribute, int device);
HIPKB_CPU_API hipError_t hipDriverGetVersion(int* version);
HIPKB_CPU_API hipError_t hipRuntimeGetVersion(int* version);
HIPKB_CPU_API hipError_t hipDeviceSynchronize(void);
HIPKB_CPU_API hipError_t hipDeviceReset(void);
HIPKB_CPU_API hipError_t hipMemGetInfo(size_t* free_bytes, size_t* total_bytes);

HIPKB_CPU_API hipError_t hipMalloc(void** pointer, size_t bytes);
HIPKB_CPU_API hipError_t hipMallocManaged(void** pointer, size_t bytes, unsigned int flags);
HIPKB_CPU_API hipError_t hipHostMalloc(void** pointer, size_t bytes, unsigned int flags);
HIPKB_CPU_API hipError_t hipMallocAsync(void** pointer, size_t bytes, hipStream_t stream);
HIPKB_CPU_API hipError_t hipFree(void* pointer);
HIPKB_CPU_API hipError_t hipHostFree(void* pointer);
HIPKB_CPU_API hipError_t hipFreeAsync(void* pointer, hipStream_t stream);
HIPKB_CPU_API hipError_t hipMemcpy(void* destination, const void* source, size_t bytes, hipMemcpyKind kind);
HIPKB_CPU_API hipError_t hipMemcpyAsync(void* destination, const void* source, size_t bytes, hipMemcpyKind kind,
                                        hipStream_t stream);
HIPKB_CPU_API hipError_t hipMemcpy2D(void* destination, size_t destination_pitch, const void* source,
                                     size_t source_pitch, size_t width, size_t height, hipMemcpyKind kind);
HIPKB_CPU_API hipError_t hipMemcpy2DAsync(void* destination, size_t destination_pitch, const void* source,
                                          size_t source_pitch, size_t width, size_t height, hipMemcpyKind kind,
                                          hipStream_t stream);
HIPKB_CPU_API hipError_t hipMemset(void* destination, int value, size_t bytes);
HIPKB_CPU_API hipError_t hipMemsetAsync(void* destination, int value, size_t bytes, hipStream_t stream);
HIPKB_CPU_API hipError_t hipMemsetD32(void* destination, int value, size_t count);
HIPKB_CPU_API hipError_t hipMemsetD32Async(void* destination, int value, size_t count, hipStream_t stream);
HIPKB_CPU_API hipError_t hipMemPrefetchAsync(const void* pointer, size_t bytes, int device, hipStream_t stream);

HIPKB_CPU_API hipError_t hipStreamCreate(hipStream_t* stream);
HIPKB_CPU_API hipError_t hipStreamCreateWithFlags(hipStream_t* stream, unsigned int flags);
HIPKB_CPU_API hipError_t hipStreamDestroy(hipStream_t stream);
HIPKB_CPU_API hipError_t hipStreamSynchronize(hipStream_t stream);
HIPKB_CPU_API hipError_t hipStreamQuery(hipStream_t stream);
HIPKB_CPU_API hipError_t hipStreamWaitEvent(hipStream_t stream, hipEvent_t event, unsigned int flags);

HIPKB_CPU_API hipError_t hipEventCreate(hipEvent_t* event);
HIPKB_CPU_API hipError_t hipEventCreateWithFlags(hipEvent_t* event, unsigned int flags);
HIPKB_CPU_API hipError_t hipEventDestroy(hipEvent_t event);
HIPKB_CPU_API hipError_t hipEventRecord(hipEvent_t event, hipStream_t stream);
HIPKB_CPU_API hipError_t hipEventSynchronize(hipEvent_t event);
HIPKB_CPU_API hipError_t hipEventQuery(hipEvent_t event);
HIPKB_CPU_API hipError_t hipEventElapsedTime(float* milliseconds, hipEvent_t start, hipEvent_t stop);

HIPKB_CPU_API hipError_t hipFuncSetAttribute(const void* function, hipFuncAttribute attribute, int value);
HIPKB_CPU_API hipError_t hipFuncSetCacheConfig(const void* function, hipFuncCache_t config);
HIPKB_CPU_API hipError_t hipDeviceSetCacheConfig(hipFuncCache_t config);

}  // extern "C"

/* Typed forms HIP's C++ API offers. */
template <class T>
inline hipError_t hipMalloc(T** pointer, size_t bytes) {
    return hipMalloc(reinterpret_cast<void**>(pointer), bytes);
}
template <class T>
inline hipError_t hipMallocManaged(T** pointer, size_t bytes, unsigned int flags = hipMemAttachGlobal) {
    return hipMallocManaged(reinterpret_cast<void**>(pointer), bytes, flags);
}
template <class T>
inline hipError_t hipHostMalloc(T** pointer, size_t bytes, unsigned int flags = hipHostMallocDefault) {
    return hipHostMalloc(reinterpret_cast<void**>(pointer), bytes, flags);
}
template <class T>
inline hipError_t hipMallocAsync(T** pointer, size_t bytes, hipStream_t stream) {
    return hipMallocAsync(reinterpret_cast<void**>(pointer), bytes, stream);
}
template <class F>
inline hipError_t hipFuncSetAttribute(F* function, hipFuncAttribute attribute, int value) {
    return hipFuncSetAttribute(reinterpret_cast<const void*>(function), attribute, value);
}
template <class F>
inline hipError_t hipFuncSetCacheConfig(F* function, hipFuncCache_t config) {
    return hipFuncSetCacheConfig(reinterpret_cast<const void*>(function), config);
}

/* __constant__ and __device__ variables are ordinary globals here. */
#define HIP_SYMBOL(symbol) (symbol)
template <class T>
inline hipError_t hipMemcpyToSymbol(T& symbol, const void* source, size_t bytes, size_t offset = 0,
                                    hipMemcpyKind kind = hipMemcpyHostToDevice) {
    if (offset + bytes > sizeof(T)) return hipErrorInvalidValue;
    return hipMemcpy(reinterpret_cast<char*>(&symbol) + offset, source, bytes, kind);
}
template <class T>
inline hipError_t hipMemcpyToSymbolAsync(T& symbol, const void* source, size_t bytes, size_t offset, hipMemcpyKind kind,
                                         hipStream_t stream) {
    if (offset + bytes > sizeof(T)) return hipErrorInvalidValue;
    return hipMemcpyAsync(reinterpret_cast<char*>(&symbol) + offset, source, bytes, kind, stream);
}
template <class T>
inline hipError_t hipMemcpyFromSymbol(void* destination, const T& symbol, size_t bytes, size_t offset = 0,
                                      hipMemcpyKind kind = hipMemcpyDeviceToHost) {
    if (offset + bytes > sizeof(T)) return hipErrorInvalidValue;
    return hipMemcpy(destination, reinterpret_cast<const char*>(&symbol) + offset, bytes, kind);
}
template <class T>
inline hipError_t hipGetSymbolAddress(void** address, T& symbol) {
    *address = static_cast<void*>(&symbol);
    return hipSuccess;
}

/* Occupancy: one block per emulated multiprocessor (a CPU thread) at a time. */
template <class Kernel>
inline hipError_t hipOccupancyMaxPotentialBlockSize(int* grid_size, int* block_size, Kernel, size_t = 0,
                                                    int block_size_limit = 0) {
    int processors = 1;
    const hipError_t status = hipDeviceGetAttribute(&processors, hipDeviceAttributeMultiprocessorCount, 0);
    *block_size = block_size_limit > 0 && block_size_limit < 256 ? block_size_limit : 256;
    *grid_size = processors;
    return status;
}
template <class Kernel>
inline hipError_t hipOccupancyMaxActiveBlocksPerMultiprocessor(int* blocks, Kernel, int, size_t) {
    *blocks = 1;
    return hipSuccess;
}

#endif /* HIPKB_CPU_HIP_RUNTIME_API_H */
