/* hipkb's HIP-on-CUDA layer: the HIP host runtime API, mapped onto the CUDA
 * runtime API.
 *
 * Why this exists: HIP's own NVIDIA headers do not compile with CUDA 13, and
 * hipkb builds the same HIP sources for NVIDIA GPUs with nvcc. This header is
 * hipkb's own mapping, written for what the corpus, the harness and typical
 * LLM-written HIP use (docs/platforms.md lists the coverage).
 *
 * It is plain C++ over <cuda_runtime_api.h>: the harness's device layer
 * includes it from code compiled by the host compiler (g++), so nothing here
 * may need nvcc. Kernel-language features live in <hip/hip_runtime.h>.
 *
 * How things are mapped, and why:
 *  - HIP handle and enum types are aliases of their CUDA counterparts
 *    (hipError_t is cudaError_t, hipStream_t is cudaStream_t, ...), so values
 *    cross between this layer, CUDA libraries and the harness unchanged.
 *  - HIP enumerators and flags are constexpr constants of those types.
 *  - HIP functions are inline functions that forward to CUDA. Where CUDA 13
 *    changed or removed something HIP still has (clockRate and
 *    memoryClockRate in the device properties, the device argument of
 *    prefetch/advise), the wrapper rebuilds the HIP behaviour.
 *  - Error codes are CUDA's numbers; hipGetErrorName() answers with the HIP
 *    name where HIP has one ("hipErrorInvalidValue"), else CUDA's name.
 *  - Whatever is not mapped is a compile-time error naming the HIP symbol:
 *    either it is simply not declared, or, for HIP APIs code is likely to
 *    reach for (AMD-only extensions, the module/driver API), it is declared
 *    as a template whose static_assert says what it is and what to use.
 *
 * The only macros are the platform macros HIP code tests with #if, and
 * HIP_SYMBOL, which HIP defines as a macro too.
 */
#ifndef HIPKB_HIP_ON_CUDA_HIP_RUNTIME_API_H
#define HIPKB_HIP_ON_CUDA_HIP_RUNTIME_API_H

#if defined(__HIP_PLATFORM_AMD__) || defined(__HIP_PLATFORM_HCC__)
#error \
    "hipkb HIP-on-CUDA layer included while __HIP_PLATFORM_AMD__ is defined: this include path is for the nvidia platform only"
#endif

#ifndef __cplusplus
#error "hipkb's HIP-on-CUDA layer is C++ only (it maps HIP onto CUDA with inline functions and constexpr constants)"
#endif

// HIP code selects its NVIDIA paths with these; HIP defines both names.
#ifndef __HIP_PLATFORM_NVIDIA__
#define __HIP_PLATFORM_NVIDIA__ 1
#endif
#ifndef __HIP_PLATFORM_NVCC__
#define __HIP_PLATFORM_NVCC__ 1
#endif

#include <cuda_profiler_api.h>
#include <cuda_runtime_api.h>

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <type_traits>
#include <unordered_map>

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

using hipError_t = cudaError_t;
using hipStream_t = cudaStream_t;
using hipEvent_t = cudaEvent_t;
using hipDevice_t = int;
using hipDeviceptr_t = void*;
using hipMemcpyKind = cudaMemcpyKind;
using hipDeviceAttribute_t = cudaDeviceAttr;
using hipFuncAttribute = cudaFuncAttribute;
using hipFuncAttributes = cudaFuncAttributes;
using hipFuncCache_t = cudaFuncCache;
using hipLimit_t = cudaLimit;
using hipMemoryType = cudaMemoryType;
using hipMemoryAdvise = cudaMemoryAdvise;
using hipPointerAttribute_t = cudaPointerAttributes;
using hipUUID = cudaUUID_t;
using hipStreamCallback_t = cudaStreamCallback_t;
using hipHostFn_t = cudaHostFn_t;
using hipGraph_t = cudaGraph_t;
using hipGraphExec_t = cudaGraphExec_t;
using hipGraphNode_t = cudaGraphNode_t;
using hipStreamCaptureMode = cudaStreamCaptureMode;
using hipStreamCaptureStatus = cudaStreamCaptureStatus;

// ---------------------------------------------------------------------------
// Error codes: CUDA's values under HIP's names. Where HIP has two names for
// one code (hipErrorOutOfMemory / hipErrorMemoryAllocation) both are given.
// ---------------------------------------------------------------------------

inline constexpr hipError_t hipSuccess = cudaSuccess;
inline constexpr hipError_t hipErrorInvalidValue = cudaErrorInvalidValue;
inline constexpr hipError_t hipErrorOutOfMemory = cudaErrorMemoryAllocation;
inline constexpr hipError_t hipErrorMemoryAllocation = cudaErrorMemoryAllocation;
inline constexpr hipError_t hipErrorNotInitialized = cudaErrorInitializationError;
inline constexpr hipError_t hipErrorInitializationError = cudaErrorInitializationError;
inline constexpr hipError_t hipErrorDeinitialized = cudaErrorCudartUnloading;
inline constexpr hipError_t hipErrorProfilerDisabled = cudaErrorProfilerDisabled;
inline constexpr hipError_t hipErrorProfilerNotInitialized = cudaErrorProfilerNotInitialized;
inline constexpr hipError_t hipErrorProfilerAlreadyStarted = cudaErrorProfilerAlreadyStarted;
inline constexpr hipError_t hipErrorProfilerAlreadyStopped = cudaErrorProfilerAlreadyStopped;
inline constexpr hipError_t hipErrorInvalidConfiguration = cudaErrorInvalidConfiguration;
inline constexpr hipError_t hipErrorInvalidPitchValue = cudaErrorInvalidPitchValue;
inline constexpr hipError_t hipErrorInvalidSymbol = cudaErrorInvalidSymbol;
inline constexpr hipError_t hipErrorInvalidDevicePointer = cudaErrorInvalidDevicePointer;
inline constexpr hipError_t hipErrorInvalidMemcpyDirection = cudaErrorInvalidMemcpyDirection;
inline constexpr hipError_t hipErrorInsufficientDriver = cudaErrorInsufficientDriver;
inline constexpr hipError_t hipErrorMissingConfiguration = cudaErrorMissingConfiguration;
inline constexpr hipError_t hipErrorPriorLaunchFailure = cudaErrorPriorLaunchFailure;
inline constexpr hipError_t hipErrorInvalidDeviceFunction = cudaErrorInvalidDeviceFunction;
inline constexpr hipError_t hipErrorNoDevice = cudaErrorNoDevice;
inline constexpr hipError_t hipErrorInvalidDevice = cudaErrorInvalidDevice;
inline constexpr hipError_t hipErrorInvalidImage = cudaErrorInvalidKernelImage;
inline constexpr hipError_t hipErrorInvalidContext = cudaErrorDeviceUninitialized;
inline constexpr hipError_t hipErrorMapFailed = cudaErrorMapBufferObjectFailed;
inline constexpr hipError_t hipErrorUnmapFailed = cudaErrorUnmapBufferObjectFailed;
inline constexpr hipError_t hipErrorArrayIsMapped = cudaErrorArrayIsMapped;
inline constexpr hipError_t hipErrorAlreadyMapped = cudaErrorAlreadyMapped;
inline constexpr hipError_t hipErrorNoBinaryForGpu = cudaErrorNoKernelImageForDevice;
inline constexpr hipError_t hipErrorAlreadyAcquired = cudaErrorAlreadyAcquired;
inline constexpr hipError_t hipErrorNotMapped = cudaErrorNotMapped;
inline constexpr hipError_t hipErrorNotMappedAsArray = cudaErrorNotMappedAsArray;
inline constexpr hipError_t hipErrorNotMappedAsPointer = cudaErrorNotMappedAsPointer;
inline constexpr hipError_t hipErrorECCNotCorrectable = cudaErrorECCUncorrectable;
inline constexpr hipError_t hipErrorUnsupportedLimit = cudaErrorUnsupportedLimit;
inline constexpr hipError_t hipErrorContextAlreadyInUse = cudaErrorDeviceAlreadyInUse;
inline constexpr hipError_t hipErrorPeerAccessUnsupported = cudaErrorPeerAccessUnsupported;
inline constexpr hipError_t hipErrorInvalidKernelFile = cudaErrorInvalidPtx;
inline constexpr hipError_t hipErrorInvalidGraphicsContext = cudaErrorInvalidGraphicsContext;
inline constexpr hipError_t hipErrorInvalidSource = cudaErrorInvalidSource;
inline constexpr hipError_t hipErrorFileNotFound = cudaErrorFileNotFound;
inline constexpr hipError_t hipErrorSharedObjectSymbolNotFound = cudaErrorSharedObjectSymbolNotFound;
inline constexpr hipError_t hipErrorSharedObjectInitFailed = cudaErrorSharedObjectInitFailed;
inline constexpr hipError_t hipErrorOperatingSystem = cudaErrorOperatingSystem;
inline constexpr hipError_t hipErrorInvalidHandle = cudaErrorInvalidResourceHandle;
inline constexpr hipError_t hipErrorInvalidResourceHandle = cudaErrorInvalidResourceHandle;
inline constexpr hipError_t hipErrorIllegalState = cudaErrorIllegalState;
inline constexpr hipError_t hipErrorNotFound = cudaErrorSymbolNotFound;
inline constexpr hipError_t hipErrorNotReady = cudaErrorNotReady;
inline constexpr hipError_t hipErrorIllegalAddress = cudaErrorIllegalAddress;
inline constexpr hipError_t hipErrorLaunchOutOfResources = cudaErrorLaunchOutOfResources;
inline constexpr hipError_t hipErrorLaunchTimeOut = cudaErrorLaunchTimeout;
inline constexpr hipError_t hipErrorPeerAccessAlreadyEnabled = cudaErrorPeerAccessAlreadyEnabled;
inline constexpr hipError_t hipErrorPeerAccessNotEnabled = cudaErrorPeerAccessNotEnabled;
inline constexpr hipError_t hipErrorSetOnActiveProcess = cudaErrorSetOnActiveProcess;
inline constexpr hipError_t hipErrorContextIsDestroyed = cudaErrorContextIsDestroyed;
inline constexpr hipError_t hipErrorAssert = cudaErrorAssert;
inline constexpr hipError_t hipErrorHostMemoryAlreadyRegistered = cudaErrorHostMemoryAlreadyRegistered;
inline constexpr hipError_t hipErrorHostMemoryNotRegistered = cudaErrorHostMemoryNotRegistered;
inline constexpr hipError_t hipErrorLaunchFailure = cudaErrorLaunchFailure;
inline constexpr hipError_t hipErrorCooperativeLaunchTooLarge = cudaErrorCooperativeLaunchTooLarge;
inline constexpr hipError_t hipErrorNotSupported = cudaErrorNotSupported;
inline constexpr hipError_t hipErrorStreamCaptureUnsupported = cudaErrorStreamCaptureUnsupported;
inline constexpr hipError_t hipErrorStreamCaptureInvalidated = cudaErrorStreamCaptureInvalidated;
inline constexpr hipError_t hipErrorStreamCaptureMerge = cudaErrorStreamCaptureMerge;
inline constexpr hipError_t hipErrorStreamCaptureUnmatched = cudaErrorStreamCaptureUnmatched;
inline constexpr hipError_t hipErrorStreamCaptureUnjoined = cudaErrorStreamCaptureUnjoined;
inline constexpr hipError_t hipErrorStreamCaptureIsolation = cudaErrorStreamCaptureIsolation;
inline constexpr hipError_t hipErrorStreamCaptureImplicit = cudaErrorStreamCaptureImplicit;
inline constexpr hipError_t hipErrorCapturedEvent = cudaErrorCapturedEvent;
inline constexpr hipError_t hipErrorStreamCaptureWrongThread = cudaErrorStreamCaptureWrongThread;
inline constexpr hipError_t hipErrorGraphExecUpdateFailure = cudaErrorGraphExecUpdateFailure;
inline constexpr hipError_t hipErrorUnknown = cudaErrorUnknown;

// ---------------------------------------------------------------------------
// Enumerators and flags
// ---------------------------------------------------------------------------

inline constexpr hipMemcpyKind hipMemcpyHostToHost = cudaMemcpyHostToHost;
inline constexpr hipMemcpyKind hipMemcpyHostToDevice = cudaMemcpyHostToDevice;
inline constexpr hipMemcpyKind hipMemcpyDeviceToHost = cudaMemcpyDeviceToHost;
inline constexpr hipMemcpyKind hipMemcpyDeviceToDevice = cudaMemcpyDeviceToDevice;
inline constexpr hipMemcpyKind hipMemcpyDefault = cudaMemcpyDefault;

inline constexpr unsigned int hipStreamDefault = cudaStreamDefault;
inline constexpr unsigned int hipStreamNonBlocking = cudaStreamNonBlocking;
// CUDA spells these two as casts of small integers to a pointer, which cannot
// be constexpr; they are still single shared constants.
inline const hipStream_t hipStreamLegacy = cudaStreamLegacy;
inline const hipStream_t hipStreamPerThread = cudaStreamPerThread;

inline constexpr unsigned int hipEventDefault = cudaEventDefault;
inline constexpr unsigned int hipEventBlockingSync = cudaEventBlockingSync;
inline constexpr unsigned int hipEventDisableTiming = cudaEventDisableTiming;
inline constexpr unsigned int hipEventInterprocess = cudaEventInterprocess;

inline constexpr unsigned int hipHostMallocDefault = cudaHostAllocDefault;
inline constexpr unsigned int hipHostMallocPortable = cudaHostAllocPortable;
inline constexpr unsigned int hipHostMallocMapped = cudaHostAllocMapped;
inline constexpr unsigned int hipHostMallocWriteCombined = cudaHostAllocWriteCombined;
inline constexpr unsigned int hipHostAllocDefault = cudaHostAllocDefault;
inline constexpr unsigned int hipHostAllocPortable = cudaHostAllocPortable;
inline constexpr unsigned int hipHostAllocMapped = cudaHostAllocMapped;
inline constexpr unsigned int hipHostAllocWriteCombined = cudaHostAllocWriteCombined;
inline constexpr unsigned int hipHostRegisterDefault = cudaHostRegisterDefault;
inline constexpr unsigned int hipHostRegisterPortable = cudaHostRegisterPortable;
inline constexpr unsigned int hipHostRegisterMapped = cudaHostRegisterMapped;
inline constexpr unsigned int hipHostRegisterIoMemory = cudaHostRegisterIoMemory;
inline constexpr unsigned int hipHostRegisterReadOnly = cudaHostRegisterReadOnly;

inline constexpr unsigned int hipMemAttachGlobal = cudaMemAttachGlobal;
inline constexpr unsigned int hipMemAttachHost = cudaMemAttachHost;
inline constexpr unsigned int hipMemAttachSingle = cudaMemAttachSingle;

inline constexpr unsigned int hipDeviceScheduleAuto = cudaDeviceScheduleAuto;
inline constexpr unsigned int hipDeviceScheduleSpin = cudaDeviceScheduleSpin;
inline constexpr unsigned int hipDeviceScheduleYield = cudaDeviceScheduleYield;
inline constexpr unsigned int hipDeviceScheduleBlockingSync = cudaDeviceScheduleBlockingSync;
inline constexpr unsigned int hipDeviceMapHost = cudaDeviceMapHost;
inline constexpr unsigned int hipDeviceLmemResizeToMax = cudaDeviceLmemResizeToMax;

inline constexpr int hipCpuDeviceId = cudaCpuDeviceId;
inline constexpr int hipInvalidDeviceId = cudaInvalidDeviceId;

inline constexpr hipMemoryType hipMemoryTypeUnregistered = cudaMemoryTypeUnregistered;
inline constexpr hipMemoryType hipMemoryTypeHost = cudaMemoryTypeHost;
inline constexpr hipMemoryType hipMemoryTypeDevice = cudaMemoryTypeDevice;
inline constexpr hipMemoryType hipMemoryTypeManaged = cudaMemoryTypeManaged;

inline constexpr hipMemoryAdvise hipMemAdviseSetReadMostly = cudaMemAdviseSetReadMostly;
inline constexpr hipMemoryAdvise hipMemAdviseUnsetReadMostly = cudaMemAdviseUnsetReadMostly;
inline constexpr hipMemoryAdvise hipMemAdviseSetPreferredLocation = cudaMemAdviseSetPreferredLocation;
inline constexpr hipMemoryAdvise hipMemAdviseUnsetPreferredLocation = cudaMemAdviseUnsetPreferredLocation;
inline constexpr hipMemoryAdvise hipMemAdviseSetAccessedBy = cudaMemAdviseSetAccessedBy;
inline constexpr hipMemoryAdvise hipMemAdviseUnsetAccessedBy = cudaMemAdviseUnsetAccessedBy;

inline constexpr hipFuncAttribute hipFuncAttributeMaxDynamicSharedMemorySize =
    cudaFuncAttributeMaxDynamicSharedMemorySize;
inline constexpr hipFuncAttribute hipFuncAttributePreferredSharedMemoryCarveout =
    cudaFuncAttributePreferredSharedMemoryCarveout;

inline constexpr hipFuncCache_t hipFuncCachePreferNone = cudaFuncCachePreferNone;
inline constexpr hipFuncCache_t hipFuncCachePreferShared = cudaFuncCachePreferShared;
inline constexpr hipFuncCache_t hipFuncCachePreferL1 = cudaFuncCachePreferL1;
inline constexpr hipFuncCache_t hipFuncCachePreferEqual = cudaFuncCachePreferEqual;

inline constexpr hipLimit_t hipLimitStackSize = cudaLimitStackSize;
inline constexpr hipLimit_t hipLimitPrintfFifoSize = cudaLimitPrintfFifoSize;
inline constexpr hipLimit_t hipLimitMallocHeapSize = cudaLimitMallocHeapSize;

inline constexpr hipStreamCaptureMode hipStreamCaptureModeGlobal = cudaStreamCaptureModeGlobal;
inline constexpr hipStreamCaptureMode hipStreamCaptureModeThreadLocal = cudaStreamCaptureModeThreadLocal;
inline constexpr hipStreamCaptureMode hipStreamCaptureModeRelaxed = cudaStreamCaptureModeRelaxed;
inline constexpr hipStreamCaptureStatus hipStreamCaptureStatusNone = cudaStreamCaptureStatusNone;
inline constexpr hipStreamCaptureStatus hipStreamCaptureStatusActive = cudaStreamCaptureStatusActive;
inline constexpr hipStreamCaptureStatus hipStreamCaptureStatusInvalidated = cudaStreamCaptureStatusInvalidated;

// Device attributes. Only attributes with an exact CUDA meaning are named;
// AMD-only ones (hipDeviceAttributeWallClockRate, ...) are deliberately
// missing, so code that asks for them does not compile.
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxThreadsPerBlock = cudaDevAttrMaxThreadsPerBlock;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxBlockDimX = cudaDevAttrMaxBlockDimX;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxBlockDimY = cudaDevAttrMaxBlockDimY;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxBlockDimZ = cudaDevAttrMaxBlockDimZ;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxGridDimX = cudaDevAttrMaxGridDimX;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxGridDimY = cudaDevAttrMaxGridDimY;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxGridDimZ = cudaDevAttrMaxGridDimZ;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxSharedMemoryPerBlock = cudaDevAttrMaxSharedMemoryPerBlock;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeSharedMemPerBlockOptin =
    cudaDevAttrMaxSharedMemoryPerBlockOptin;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxSharedMemoryPerMultiprocessor =
    cudaDevAttrMaxSharedMemoryPerMultiprocessor;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeTotalConstantMemory = cudaDevAttrTotalConstantMemory;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeWarpSize = cudaDevAttrWarpSize;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxPitch = cudaDevAttrMaxPitch;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxRegistersPerBlock = cudaDevAttrMaxRegistersPerBlock;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxRegistersPerMultiprocessor =
    cudaDevAttrMaxRegistersPerMultiprocessor;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeClockRate = cudaDevAttrClockRate;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMemoryClockRate = cudaDevAttrMemoryClockRate;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMemoryBusWidth = cudaDevAttrGlobalMemoryBusWidth;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeTextureAlignment = cudaDevAttrTextureAlignment;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMultiprocessorCount = cudaDevAttrMultiProcessorCount;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeKernelExecTimeout = cudaDevAttrKernelExecTimeout;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeIntegrated = cudaDevAttrIntegrated;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeCanMapHostMemory = cudaDevAttrCanMapHostMemory;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeComputeMode = cudaDevAttrComputeMode;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeConcurrentKernels = cudaDevAttrConcurrentKernels;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeEccEnabled = cudaDevAttrEccEnabled;
inline constexpr hipDeviceAttribute_t hipDeviceAttributePciBusId = cudaDevAttrPciBusId;
inline constexpr hipDeviceAttribute_t hipDeviceAttributePciDeviceId = cudaDevAttrPciDeviceId;
inline constexpr hipDeviceAttribute_t hipDeviceAttributePciDomainID = cudaDevAttrPciDomainId;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeL2CacheSize = cudaDevAttrL2CacheSize;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxThreadsPerMultiProcessor =
    cudaDevAttrMaxThreadsPerMultiProcessor;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMaxBlocksPerMultiProcessor =
    cudaDevAttrMaxBlocksPerMultiprocessor;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeAsyncEngineCount = cudaDevAttrAsyncEngineCount;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeUnifiedAddressing = cudaDevAttrUnifiedAddressing;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeComputeCapabilityMajor = cudaDevAttrComputeCapabilityMajor;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeComputeCapabilityMinor = cudaDevAttrComputeCapabilityMinor;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeStreamPrioritiesSupported =
    cudaDevAttrStreamPrioritiesSupported;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeGlobalL1CacheSupported = cudaDevAttrGlobalL1CacheSupported;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeLocalL1CacheSupported = cudaDevAttrLocalL1CacheSupported;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeManagedMemory = cudaDevAttrManagedMemory;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeIsMultiGpuBoard = cudaDevAttrIsMultiGpuBoard;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMultiGpuBoardGroupID = cudaDevAttrMultiGpuBoardGroupID;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeHostNativeAtomicSupported =
    cudaDevAttrHostNativeAtomicSupported;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeSingleToDoublePrecisionPerfRatio =
    cudaDevAttrSingleToDoublePrecisionPerfRatio;
inline constexpr hipDeviceAttribute_t hipDeviceAttributePageableMemoryAccess = cudaDevAttrPageableMemoryAccess;
inline constexpr hipDeviceAttribute_t hipDeviceAttributePageableMemoryAccessUsesHostPageTables =
    cudaDevAttrPageableMemoryAccessUsesHostPageTables;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeConcurrentManagedAccess = cudaDevAttrConcurrentManagedAccess;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeDirectManagedMemAccessFromHost =
    cudaDevAttrDirectManagedMemAccessFromHost;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeComputePreemptionSupported =
    cudaDevAttrComputePreemptionSupported;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeCanUseHostPointerForRegisteredMem =
    cudaDevAttrCanUseHostPointerForRegisteredMem;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeCooperativeLaunch = cudaDevAttrCooperativeLaunch;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeAccessPolicyMaxWindowSize =
    cudaDevAttrMaxAccessPolicyWindowSize;
inline constexpr hipDeviceAttribute_t hipDeviceAttributeMemoryPoolsSupported = cudaDevAttrMemoryPoolsSupported;

// ---------------------------------------------------------------------------
// Device properties
// ---------------------------------------------------------------------------

// HIP's hipDeviceProp_t field names (those the corpus, the harness and common
// HIP code read), filled from cudaDeviceProp plus device attributes. CUDA 13
// dropped clockRate, memoryClockRate, computeMode and
// kernelExecTimeoutEnabled from cudaDeviceProp; they come from
// cudaDeviceGetAttribute. HIP-only fields carry their NVIDIA meaning:
// gcnArchName is "sm_<major><minor>". Fields HIP has for AMD hardware only
// (arch, gcnArch, isLargeBar, ...) are absent, so reading them does not
// compile.
struct hipDeviceProp_t {
    char name[256];
    hipUUID uuid;
    size_t totalGlobalMem;
    size_t sharedMemPerBlock;
    int regsPerBlock;
    int warpSize;
    size_t memPitch;
    int maxThreadsPerBlock;
    int maxThreadsDim[3];
    int maxGridSize[3];
    int clockRate;  // kHz
    size_t totalConstMem;
    int major;
    int minor;
    size_t textureAlignment;
    size_t texturePitchAlignment;
    int multiProcessorCount;
    int kernelExecTimeoutEnabled;
    int integrated;
    int canMapHostMemory;
    int computeMode;
    int concurrentKernels;
    int ECCEnabled;
    int pciBusID;
    int pciDeviceID;
    int pciDomainID;
    int tccDriver;
    int asyncEngineCount;
    int unifiedAddressing;
    int memoryClockRate;  // kHz
    int memoryBusWidth;   // bits
    int l2CacheSize;      // bytes
    int persistingL2CacheMaxSize;
    int maxThreadsPerMultiProcessor;
    int streamPrioritiesSupported;
    int globalL1CacheSupported;
    int localL1CacheSupported;
    size_t sharedMemPerMultiprocessor;
    int regsPerMultiprocessor;
    int managedMemory;
    int isMultiGpuBoard;
    int multiGpuBoardGroupID;
    int hostNativeAtomicSupported;
    int pageableMemoryAccess;
    int concurrentManagedAccess;
    int computePreemptionSupported;
    int canUseHostPointerForRegisteredMem;
    int cooperativeLaunch;
    size_t sharedMemPerBlockOptin;
    int pageableMemoryAccessUsesHostPageTables;
    int directManagedMemAccessFromHost;
    int maxBlocksPerMultiProcessor;
    int accessPolicyMaxWindowSize;
    size_t reservedSharedMemPerBlock;
    int hostRegisterSupported;
    int memoryPoolsSupported;
    // HIP-only fields, with their NVIDIA meaning.
    char gcnArchName[256];                    // "sm_90" on an H100
    size_t maxSharedMemoryPerMultiProcessor;  // = sharedMemPerMultiprocessor
    int clockInstructionRate;                 // kHz; = clockRate
};

namespace hipkb::hip_on_cuda::detail {

// The hipDeviceProp_t fields CUDA 13 no longer has in cudaDeviceProp.
struct device_prop_attributes {
    int clock_rate_khz = 0;
    int memory_clock_rate_khz = 0;
    int compute_mode = 0;
    int kernel_exec_timeout = 0;
};

// Pure conversion, kept apart from the CUDA calls so it is unit-testable
// without a GPU.
inline hipDeviceProp_t make_device_prop(const cudaDeviceProp& c, const device_prop_attributes& a) {
    hipDeviceProp_t p{};
    std::memcpy(p.name, c.name, sizeof p.name);
    p.name[sizeof p.name - 1] = '\0';
    p.uuid = c.uuid;
    p.totalGlobalMem = c.totalGlobalMem;
    p.sharedMemPerBlock = c.sharedMemPerBlock;
    p.regsPerBlock = c.regsPerBlock;
    p.warpSize = c.warpSize;
    p.memPitch = c.memPitch;
    p.maxThreadsPerBlock = c.maxThreadsPerBlock;
    for (int i = 0; i < 3; ++i) {
        p.maxThreadsDim[i] = c.maxThreadsDim[i];
        p.maxGridSize[i] = c.maxGridSize[i];
    }
    p.clockRate = a.clock_rate_khz;
    p.totalConstMem = c.totalConstMem;
    p.major = c.major;
    p.minor = c.minor;
    p.textureAlignment = c.textureAlignment;
    p.texturePitchAlignment = c.texturePitchAlignment;
    p.multiProcessorCount = c.multiProcessorCount;
    p.kernelExecTimeoutEnabled = a.kernel_exec_timeout;
    p.integrated = c.integrated;
    p.canMapHostMemory = c.canMapHostMemory;
    p.computeMode = a.compute_mode;
    p.concurrentKernels = c.concurrentKernels;
    p.ECCEnabled = c.ECCEnabled;
    p.pciBusID = c.pciBusID;
    p.pciDeviceID = c.pciDeviceID;
    p.pciDomainID = c.pciDomainID;
    p.tccDriver = c.tccDriver;
    p.asyncEngineCount = c.asyncEngineCount;
    p.unifiedAddressing = c.unifiedAddressing;
    p.memoryClockRate = a.memory_clock_rate_khz;
    p.memoryBusWidth = c.memoryBusWidth;
    p.l2CacheSize = c.l2CacheSize;
    p.persistingL2CacheMaxSize = c.persistingL2CacheMaxSize;
    p.maxThreadsPerMultiProcessor = c.maxThreadsPerMultiProcessor;
    p.streamPrioritiesSupported = c.streamPrioritiesSupported;
    p.globalL1CacheSupported = c.globalL1CacheSupported;
    p.localL1CacheSupported = c.localL1CacheSupported;
    p.sharedMemPerMultiprocessor = c.sharedMemPerMultiprocessor;
    p.regsPerMultiprocessor = c.regsPerMultiprocessor;
    p.managedMemory = c.managedMemory;
    p.isMultiGpuBoard = c.isMultiGpuBoard;
    p.multiGpuBoardGroupID = c.multiGpuBoardGroupID;
    p.hostNativeAtomicSupported = c.hostNativeAtomicSupported;
    p.pageableMemoryAccess = c.pageableMemoryAccess;
    p.concurrentManagedAccess = c.concurrentManagedAccess;
    p.computePreemptionSupported = c.computePreemptionSupported;
    p.canUseHostPointerForRegisteredMem = c.canUseHostPointerForRegisteredMem;
    p.cooperativeLaunch = c.cooperativeLaunch;
    p.sharedMemPerBlockOptin = c.sharedMemPerBlockOptin;
    p.pageableMemoryAccessUsesHostPageTables = c.pageableMemoryAccessUsesHostPageTables;
    p.directManagedMemAccessFromHost = c.directManagedMemAccessFromHost;
    p.maxBlocksPerMultiProcessor = c.maxBlocksPerMultiProcessor;
    p.accessPolicyMaxWindowSize = c.accessPolicyMaxWindowSize;
    p.reservedSharedMemPerBlock = c.reservedSharedMemPerBlock;
    p.hostRegisterSupported = c.hostRegisterSupported;
    p.memoryPoolsSupported = c.memoryPoolsSupported;
    std::snprintf(p.gcnArchName, sizeof p.gcnArchName, "sm_%d%d", c.major, c.minor);
    p.maxSharedMemoryPerMultiProcessor = c.sharedMemPerMultiprocessor;
    p.clockInstructionRate = a.clock_rate_khz;
    return p;
}

// The HIP name of a CUDA error code, or nullptr when HIP has no name for it.
// Where HIP has two names for one code the first one listed above is given.
inline const char* hip_error_name(hipError_t e) {
    switch (e) {
        case cudaSuccess:
            return "hipSuccess";
        case cudaErrorInvalidValue:
            return "hipErrorInvalidValue";
        case cudaErrorMemoryAllocation:
            return "hipErrorOutOfMemory";
        case cudaErrorInitializationError:
            return "hipErrorNotInitialized";
        case cudaErrorCudartUnloading:
            return "hipErrorDeinitialized";
        case cudaErrorProfilerDisabled:
            return "hipErrorProfilerDisabled";
        case cudaErrorProfilerNotInitialized:
            return "hipErrorProfilerNotInitialized";
        case cudaErrorProfilerAlreadyStarted:
            return "hipErrorProfilerAlreadyStarted";
        case cudaErrorProfilerAlreadyStopped:
            return "hipErrorProfilerAlreadyStopped";
        case cudaErrorInvalidConfiguration:
            return "hipErrorInvalidConfiguration";
        case cudaErrorInvalidPitchValue:
            return "hipErrorInvalidPitchValue";
        case cudaErrorInvalidSymbol:
            return "hipErrorInvalidSymbol";
        case cudaErrorInvalidDevicePointer:
            return "hipErrorInvalidDevicePointer";
        case cudaErrorInvalidMemcpyDirection:
            return "hipErrorInvalidMemcpyDirection";
        case cudaErrorInsufficientDriver:
            return "hipErrorInsufficientDriver";
        case cudaErrorMissingConfiguration:
            return "hipErrorMissingConfiguration";
        case cudaErrorPriorLaunchFailure:
            return "hipErrorPriorLaunchFailure";
        case cudaErrorInvalidDeviceFunction:
            return "hipErrorInvalidDeviceFunction";
        case cudaErrorNoDevice:
            return "hipErrorNoDevice";
        case cudaErrorInvalidDevice:
            return "hipErrorInvalidDevice";
        case cudaErrorInvalidKernelImage:
            return "hipErrorInvalidImage";
        case cudaErrorDeviceUninitialized:
            return "hipErrorInvalidContext";
        case cudaErrorMapBufferObjectFailed:
            return "hipErrorMapFailed";
        case cudaErrorUnmapBufferObjectFailed:
            return "hipErrorUnmapFailed";
        case cudaErrorArrayIsMapped:
            return "hipErrorArrayIsMapped";
        case cudaErrorAlreadyMapped:
            return "hipErrorAlreadyMapped";
        case cudaErrorNoKernelImageForDevice:
            return "hipErrorNoBinaryForGpu";
        case cudaErrorAlreadyAcquired:
            return "hipErrorAlreadyAcquired";
        case cudaErrorNotMapped:
            return "hipErrorNotMapped";
        case cudaErrorNotMappedAsArray:
            return "hipErrorNotMappedAsArray";
        case cudaErrorNotMappedAsPointer:
            return "hipErrorNotMappedAsPointer";
        case cudaErrorECCUncorrectable:
            return "hipErrorECCNotCorrectable";
        case cudaErrorUnsupportedLimit:
            return "hipErrorUnsupportedLimit";
        case cudaErrorDeviceAlreadyInUse:
            return "hipErrorContextAlreadyInUse";
        case cudaErrorPeerAccessUnsupported:
            return "hipErrorPeerAccessUnsupported";
        case cudaErrorInvalidPtx:
            return "hipErrorInvalidKernelFile";
        case cudaErrorInvalidGraphicsContext:
            return "hipErrorInvalidGraphicsContext";
        case cudaErrorInvalidSource:
            return "hipErrorInvalidSource";
        case cudaErrorFileNotFound:
            return "hipErrorFileNotFound";
        case cudaErrorSharedObjectSymbolNotFound:
            return "hipErrorSharedObjectSymbolNotFound";
        case cudaErrorSharedObjectInitFailed:
            return "hipErrorSharedObjectInitFailed";
        case cudaErrorOperatingSystem:
            return "hipErrorOperatingSystem";
        case cudaErrorInvalidResourceHandle:
            return "hipErrorInvalidHandle";
        case cudaErrorIllegalState:
            return "hipErrorIllegalState";
        case cudaErrorSymbolNotFound:
            return "hipErrorNotFound";
        case cudaErrorNotReady:
            return "hipErrorNotReady";
        case cudaErrorIllegalAddress:
            return "hipErrorIllegalAddress";
        case cudaErrorLaunchOutOfResources:
            return "hipErrorLaunchOutOfResources";
        case cudaErrorLaunchTimeout:
            return "hipErrorLaunchTimeOut";
        case cudaErrorPeerAccessAlreadyEnabled:
            return "hipErrorPeerAccessAlreadyEnabled";
        case cudaErrorPeerAccessNotEnabled:
            return "hipErrorPeerAccessNotEnabled";
        case cudaErrorSetOnActiveProcess:
            return "hipErrorSetOnActiveProcess";
        case cudaErrorContextIsDestroyed:
            return "hipErrorContextIsDestroyed";
        case cudaErrorAssert:
            return "hipErrorAssert";
        case cudaErrorHostMemoryAlreadyRegistered:
            return "hipErrorHostMemoryAlreadyRegistered";
        case cudaErrorHostMemoryNotRegistered:
            return "hipErrorHostMemoryNotRegistered";
        case cudaErrorLaunchFailure:
            return "hipErrorLaunchFailure";
        case cudaErrorCooperativeLaunchTooLarge:
            return "hipErrorCooperativeLaunchTooLarge";
        case cudaErrorNotSupported:
            return "hipErrorNotSupported";
        case cudaErrorStreamCaptureUnsupported:
            return "hipErrorStreamCaptureUnsupported";
        case cudaErrorStreamCaptureInvalidated:
            return "hipErrorStreamCaptureInvalidated";
        case cudaErrorStreamCaptureMerge:
            return "hipErrorStreamCaptureMerge";
        case cudaErrorStreamCaptureUnmatched:
            return "hipErrorStreamCaptureUnmatched";
        case cudaErrorStreamCaptureUnjoined:
            return "hipErrorStreamCaptureUnjoined";
        case cudaErrorStreamCaptureIsolation:
            return "hipErrorStreamCaptureIsolation";
        case cudaErrorStreamCaptureImplicit:
            return "hipErrorStreamCaptureImplicit";
        case cudaErrorCapturedEvent:
            return "hipErrorCapturedEvent";
        case cudaErrorStreamCaptureWrongThread:
            return "hipErrorStreamCaptureWrongThread";
        case cudaErrorGraphExecUpdateFailure:
            return "hipErrorGraphExecUpdateFailure";
        case cudaErrorUnknown:
            return "hipErrorUnknown";
        default:
            return nullptr;
    }
}

// The static_assert condition of every deliberately unmapped API: false, but
// only once the template is instantiated, i.e. once the API is really used.
template <class... Args>
inline constexpr bool unmapped = false;

}  // namespace hipkb::hip_on_cuda::detail

// ---------------------------------------------------------------------------
// Errors and versions
// ---------------------------------------------------------------------------

inline hipError_t hipGetLastError() { return cudaGetLastError(); }
inline hipError_t hipPeekAtLastError() { return cudaPeekAtLastError(); }
inline const char* hipGetErrorString(hipError_t error) { return cudaGetErrorString(error); }
// HIP's name for the code when HIP has one; otherwise CUDA's name (the code is
// a CUDA code that HIP never returns, and CUDA's name says what it is).
inline const char* hipGetErrorName(hipError_t error) {
    const char* hip_name = hipkb::hip_on_cuda::detail::hip_error_name(error);
    return hip_name != nullptr ? hip_name : cudaGetErrorName(error);
}
// On this platform both report CUDA's versions (e.g. 13000 for CUDA 13.0).
inline hipError_t hipDriverGetVersion(int* driver_version) { return cudaDriverGetVersion(driver_version); }
inline hipError_t hipRuntimeGetVersion(int* runtime_version) { return cudaRuntimeGetVersion(runtime_version); }

// ---------------------------------------------------------------------------
// Devices
// ---------------------------------------------------------------------------

// HIP's hipInit initialises the runtime and fails without a device; the CUDA
// runtime initialises itself, so this only checks that a device is there.
inline hipError_t hipInit(unsigned int flags) {
    if (flags != 0) {
        return hipErrorInvalidValue;
    }
    int count = 0;
    return cudaGetDeviceCount(&count);
}
// Without a GPU, CUDA answers hipErrorNoDevice, or hipErrorInsufficientDriver
// when no NVIDIA driver is installed at all. CUDA then leaves *count as it
// was; HIP sets it to 0, and so does this.
inline hipError_t hipGetDeviceCount(int* count) {
    if (count == nullptr) {
        return hipErrorInvalidValue;
    }
    const hipError_t err = cudaGetDeviceCount(count);
    if (err != hipSuccess) {
        *count = 0;
    }
    return err;
}
inline hipError_t hipGetDevice(int* device) { return cudaGetDevice(device); }
inline hipError_t hipSetDevice(int device) { return cudaSetDevice(device); }
inline hipError_t hipDeviceGet(hipDevice_t* device, int ordinal) {
    if (device == nullptr) {
        return hipErrorInvalidValue;
    }
    int count = 0;
    const hipError_t err = cudaGetDeviceCount(&count);
    if (err != hipSuccess) {
        return err;
    }
    if (ordinal < 0 || ordinal >= count) {
        return hipErrorInvalidDevice;
    }
    *device = ordinal;
    return hipSuccess;
}
inline hipError_t hipDeviceSynchronize() { return cudaDeviceSynchronize(); }
inline hipError_t hipDeviceReset() { return cudaDeviceReset(); }
inline hipError_t hipSetDeviceFlags(unsigned int flags) { return cudaSetDeviceFlags(flags); }
inline hipError_t hipGetDeviceFlags(unsigned int* flags) { return cudaGetDeviceFlags(flags); }
inline hipError_t hipDeviceGetAttribute(int* value, hipDeviceAttribute_t attribute, int device) {
    return cudaDeviceGetAttribute(value, attribute, device);
}
inline hipError_t hipGetDeviceProperties(hipDeviceProp_t* prop, int device) {
    if (prop == nullptr) {
        return hipErrorInvalidValue;
    }
    cudaDeviceProp cuda_prop{};
    hipError_t err = cudaGetDeviceProperties(&cuda_prop, device);
    if (err != hipSuccess) {
        return err;
    }
    hipkb::hip_on_cuda::detail::device_prop_attributes extra;
    const struct {
        int* value;
        cudaDeviceAttr attribute;
    } queries[] = {
        {&extra.clock_rate_khz, cudaDevAttrClockRate},
        {&extra.memory_clock_rate_khz, cudaDevAttrMemoryClockRate},
        {&extra.compute_mode, cudaDevAttrComputeMode},
        {&extra.kernel_exec_timeout, cudaDevAttrKernelExecTimeout},
    };
    for (const auto& query : queries) {
        err = cudaDeviceGetAttribute(query.value, query.attribute, device);
        if (err != hipSuccess) {
            return err;
        }
    }
    *prop = hipkb::hip_on_cuda::detail::make_device_prop(cuda_prop, extra);
    return hipSuccess;
}
inline hipError_t hipDeviceGetName(char* name, int length, hipDevice_t device) {
    if (name == nullptr || length <= 0) {
        return hipErrorInvalidValue;
    }
    cudaDeviceProp cuda_prop{};
    const hipError_t err = cudaGetDeviceProperties(&cuda_prop, device);
    if (err != hipSuccess) {
        return err;
    }
    std::snprintf(name, static_cast<size_t>(length), "%s", cuda_prop.name);
    return hipSuccess;
}
inline hipError_t hipDeviceComputeCapability(int* major, int* minor, hipDevice_t device) {
    if (major == nullptr || minor == nullptr) {
        return hipErrorInvalidValue;
    }
    const hipError_t err = cudaDeviceGetAttribute(major, cudaDevAttrComputeCapabilityMajor, device);
    return err != hipSuccess ? err : cudaDeviceGetAttribute(minor, cudaDevAttrComputeCapabilityMinor, device);
}
inline hipError_t hipDeviceTotalMem(size_t* bytes, hipDevice_t device) {
    if (bytes == nullptr) {
        return hipErrorInvalidValue;
    }
    cudaDeviceProp cuda_prop{};
    const hipError_t err = cudaGetDeviceProperties(&cuda_prop, device);
    if (err == hipSuccess) {
        *bytes = cuda_prop.totalGlobalMem;
    }
    return err;
}
inline hipError_t hipDeviceGetPCIBusId(char* pci_bus_id, int length, int device) {
    return cudaDeviceGetPCIBusId(pci_bus_id, length, device);
}
inline hipError_t hipDeviceGetByPCIBusId(int* device, const char* pci_bus_id) {
    return cudaDeviceGetByPCIBusId(device, pci_bus_id);
}
inline hipError_t hipDeviceGetLimit(size_t* value, hipLimit_t limit) { return cudaDeviceGetLimit(value, limit); }
inline hipError_t hipDeviceSetLimit(hipLimit_t limit, size_t value) { return cudaDeviceSetLimit(limit, value); }
inline hipError_t hipDeviceGetCacheConfig(hipFuncCache_t* config) { return cudaDeviceGetCacheConfig(config); }
inline hipError_t hipDeviceSetCacheConfig(hipFuncCache_t config) { return cudaDeviceSetCacheConfig(config); }
inline hipError_t hipDeviceGetStreamPriorityRange(int* least_priority, int* greatest_priority) {
    return cudaDeviceGetStreamPriorityRange(least_priority, greatest_priority);
}
inline hipError_t hipDeviceCanAccessPeer(int* can_access, int device, int peer_device) {
    return cudaDeviceCanAccessPeer(can_access, device, peer_device);
}
inline hipError_t hipDeviceEnablePeerAccess(int peer_device, unsigned int flags) {
    return cudaDeviceEnablePeerAccess(peer_device, flags);
}
inline hipError_t hipDeviceDisablePeerAccess(int peer_device) { return cudaDeviceDisablePeerAccess(peer_device); }

// ---------------------------------------------------------------------------
// Memory
// ---------------------------------------------------------------------------

inline hipError_t hipMalloc(void** ptr, size_t size) { return cudaMalloc(ptr, size); }
// HIP, like CUDA's C++ API, accepts any T** (T** does not convert to void**).
template <class T>
inline hipError_t hipMalloc(T** ptr, size_t size) {
    return cudaMalloc(reinterpret_cast<void**>(ptr), size);
}
inline hipError_t hipFree(void* ptr) { return cudaFree(ptr); }
inline hipError_t hipMallocAsync(void** ptr, size_t size, hipStream_t stream) {
    return cudaMallocAsync(ptr, size, stream);
}
template <class T>
inline hipError_t hipMallocAsync(T** ptr, size_t size, hipStream_t stream) {
    return cudaMallocAsync(reinterpret_cast<void**>(ptr), size, stream);
}
inline hipError_t hipFreeAsync(void* ptr, hipStream_t stream) { return cudaFreeAsync(ptr, stream); }
inline hipError_t hipMallocManaged(void** ptr, size_t size, unsigned int flags = hipMemAttachGlobal) {
    return cudaMallocManaged(ptr, size, flags);
}
template <class T>
inline hipError_t hipMallocManaged(T** ptr, size_t size, unsigned int flags = hipMemAttachGlobal) {
    return cudaMallocManaged(reinterpret_cast<void**>(ptr), size, flags);
}
inline hipError_t hipMallocPitch(void** ptr, size_t* pitch, size_t width, size_t height) {
    return cudaMallocPitch(ptr, pitch, width, height);
}
template <class T>
inline hipError_t hipMallocPitch(T** ptr, size_t* pitch, size_t width, size_t height) {
    return cudaMallocPitch(reinterpret_cast<void**>(ptr), pitch, width, height);
}
// HIP's flag values (Default, Portable, Mapped, WriteCombined) are CUDA's.
inline hipError_t hipHostMalloc(void** ptr, size_t size, unsigned int flags = hipHostMallocDefault) {
    return cudaHostAlloc(ptr, size, flags);
}
template <class T>
inline hipError_t hipHostMalloc(T** ptr, size_t size, unsigned int flags = hipHostMallocDefault) {
    return cudaHostAlloc(reinterpret_cast<void**>(ptr), size, flags);
}
inline hipError_t hipHostAlloc(void** ptr, size_t size, unsigned int flags) { return cudaHostAlloc(ptr, size, flags); }
inline hipError_t hipHostFree(void* ptr) { return cudaFreeHost(ptr); }
inline hipError_t hipMallocHost(void** ptr, size_t size) { return cudaMallocHost(ptr, size); }
template <class T>
inline hipError_t hipMallocHost(T** ptr, size_t size) {
    return cudaMallocHost(reinterpret_cast<void**>(ptr), size);
}
inline hipError_t hipFreeHost(void* ptr) { return cudaFreeHost(ptr); }
inline hipError_t hipHostRegister(void* ptr, size_t size, unsigned int flags) {
    return cudaHostRegister(ptr, size, flags);
}
inline hipError_t hipHostUnregister(void* ptr) { return cudaHostUnregister(ptr); }
inline hipError_t hipHostGetDevicePointer(void** device_ptr, void* host_ptr, unsigned int flags) {
    return cudaHostGetDevicePointer(device_ptr, host_ptr, flags);
}
inline hipError_t hipHostGetFlags(unsigned int* flags, void* host_ptr) { return cudaHostGetFlags(flags, host_ptr); }
inline hipError_t hipMemGetInfo(size_t* free_bytes, size_t* total_bytes) {
    return cudaMemGetInfo(free_bytes, total_bytes);
}
inline hipError_t hipPointerGetAttributes(hipPointerAttribute_t* attributes, const void* ptr) {
    return cudaPointerGetAttributes(attributes, ptr);
}

inline hipError_t hipMemcpy(void* dst, const void* src, size_t size, hipMemcpyKind kind) {
    return cudaMemcpy(dst, src, size, kind);
}
inline hipError_t hipMemcpyAsync(void* dst, const void* src, size_t size, hipMemcpyKind kind,
                                 hipStream_t stream = nullptr) {
    return cudaMemcpyAsync(dst, src, size, kind, stream);
}
// HIP's hipMemcpyWithStream is a copy ordered on `stream` that returns once done.
inline hipError_t hipMemcpyWithStream(void* dst, const void* src, size_t size, hipMemcpyKind kind, hipStream_t stream) {
    const hipError_t err = cudaMemcpyAsync(dst, src, size, kind, stream);
    return err != hipSuccess ? err : cudaStreamSynchronize(stream);
}
inline hipError_t hipMemcpyHtoD(hipDeviceptr_t dst, const void* src, size_t size) {
    return cudaMemcpy(dst, src, size, cudaMemcpyHostToDevice);
}
inline hipError_t hipMemcpyDtoH(void* dst, hipDeviceptr_t src, size_t size) {
    return cudaMemcpy(dst, src, size, cudaMemcpyDeviceToHost);
}
inline hipError_t hipMemcpyDtoD(hipDeviceptr_t dst, hipDeviceptr_t src, size_t size) {
    return cudaMemcpy(dst, src, size, cudaMemcpyDeviceToDevice);
}
inline hipError_t hipMemcpyHtoDAsync(hipDeviceptr_t dst, const void* src, size_t size, hipStream_t stream) {
    return cudaMemcpyAsync(dst, src, size, cudaMemcpyHostToDevice, stream);
}
inline hipError_t hipMemcpyDtoHAsync(void* dst, hipDeviceptr_t src, size_t size, hipStream_t stream) {
    return cudaMemcpyAsync(dst, src, size, cudaMemcpyDeviceToHost, stream);
}
inline hipError_t hipMemcpyDtoDAsync(hipDeviceptr_t dst, hipDeviceptr_t src, size_t size, hipStream_t stream) {
    return cudaMemcpyAsync(dst, src, size, cudaMemcpyDeviceToDevice, stream);
}
inline hipError_t hipMemcpy2D(void* dst, size_t dst_pitch, const void* src, size_t src_pitch, size_t width,
                              size_t height, hipMemcpyKind kind) {
    return cudaMemcpy2D(dst, dst_pitch, src, src_pitch, width, height, kind);
}
inline hipError_t hipMemcpy2DAsync(void* dst, size_t dst_pitch, const void* src, size_t src_pitch, size_t width,
                                   size_t height, hipMemcpyKind kind, hipStream_t stream = nullptr) {
    return cudaMemcpy2DAsync(dst, dst_pitch, src, src_pitch, width, height, kind, stream);
}
inline hipError_t hipMemcpyPeer(void* dst, int dst_device, const void* src, int src_device, size_t size) {
    return cudaMemcpyPeer(dst, dst_device, src, src_device, size);
}
inline hipError_t hipMemcpyPeerAsync(void* dst, int dst_device, const void* src, int src_device, size_t size,
                                     hipStream_t stream = nullptr) {
    return cudaMemcpyPeerAsync(dst, dst_device, src, src_device, size, stream);
}
inline hipError_t hipMemset(void* dst, int value, size_t size) { return cudaMemset(dst, value, size); }
inline hipError_t hipMemsetAsync(void* dst, int value, size_t size, hipStream_t stream = nullptr) {
    return cudaMemsetAsync(dst, value, size, stream);
}
inline hipError_t hipMemset2D(void* dst, size_t pitch, int value, size_t width, size_t height) {
    return cudaMemset2D(dst, pitch, value, width, height);
}
inline hipError_t hipMemset2DAsync(void* dst, size_t pitch, int value, size_t width, size_t height,
                                   hipStream_t stream = nullptr) {
    return cudaMemset2DAsync(dst, pitch, value, width, height, stream);
}

// CUDA 13 takes a cudaMemLocation where HIP (and CUDA 12) take a device id;
// hipCpuDeviceId selects the host, as in HIP.
namespace hipkb::hip_on_cuda::detail {
inline cudaMemLocation memory_location(int device) {
    cudaMemLocation location{};
    if (device == cudaCpuDeviceId) {
        location.type = cudaMemLocationTypeHost;
        location.id = 0;
    } else {
        location.type = cudaMemLocationTypeDevice;
        location.id = device;
    }
    return location;
}
}  // namespace hipkb::hip_on_cuda::detail
inline hipError_t hipMemPrefetchAsync(const void* ptr, size_t size, int device, hipStream_t stream = nullptr) {
#if CUDART_VERSION >= 13000
    return cudaMemPrefetchAsync(ptr, size, hipkb::hip_on_cuda::detail::memory_location(device), 0, stream);
#else
    return cudaMemPrefetchAsync(ptr, size, device, stream);
#endif
}
inline hipError_t hipMemAdvise(const void* ptr, size_t size, hipMemoryAdvise advice, int device) {
#if CUDART_VERSION >= 13000
    return cudaMemAdvise(ptr, size, advice, hipkb::hip_on_cuda::detail::memory_location(device));
#else
    return cudaMemAdvise(ptr, size, advice, device);
#endif
}

// Symbols (__device__ / __constant__ variables). A symbol may be passed as the
// variable itself (an lvalue, taken by reference as CUDA's C++ API does;
// HIP_SYMBOL(var) is the variable itself here) or, HIP's C style, as its
// address (a pointer prvalue such as &var or (const void*)&var). The
// rvalue-reference overload wins for pointer prvalues and cannot bind a named
// pointer, so a __device__ variable of pointer type passed by name is still
// treated as the variable. Not supported: a named `const void*` variable
// holding a symbol's address; it is taken for the symbol itself and CUDA
// answers hipErrorInvalidSymbol.
#define HIP_SYMBOL(symbol) (symbol)
template <class T>
inline hipError_t hipMemcpyToSymbol(const T& symbol, const void* src, size_t size, size_t offset = 0,
                                    hipMemcpyKind kind = hipMemcpyHostToDevice) {
    return cudaMemcpyToSymbol(static_cast<const void*>(std::addressof(symbol)), src, size, offset, kind);
}
template <class T>
inline hipError_t hipMemcpyToSymbol(T*&& symbol_address, const void* src, size_t size, size_t offset = 0,
                                    hipMemcpyKind kind = hipMemcpyHostToDevice) {
    return cudaMemcpyToSymbol(static_cast<const void*>(symbol_address), src, size, offset, kind);
}
template <class T>
inline hipError_t hipMemcpyToSymbolAsync(const T& symbol, const void* src, size_t size, size_t offset,
                                         hipMemcpyKind kind, hipStream_t stream = nullptr) {
    return cudaMemcpyToSymbolAsync(static_cast<const void*>(std::addressof(symbol)), src, size, offset, kind, stream);
}
template <class T>
inline hipError_t hipMemcpyToSymbolAsync(T*&& symbol_address, const void* src, size_t size, size_t offset,
                                         hipMemcpyKind kind, hipStream_t stream = nullptr) {
    return cudaMemcpyToSymbolAsync(static_cast<const void*>(symbol_address), src, size, offset, kind, stream);
}
template <class T>
inline hipError_t hipMemcpyFromSymbol(void* dst, const T& symbol, size_t size, size_t offset = 0,
                                      hipMemcpyKind kind = hipMemcpyDeviceToHost) {
    return cudaMemcpyFromSymbol(dst, static_cast<const void*>(std::addressof(symbol)), size, offset, kind);
}
template <class T>
inline hipError_t hipMemcpyFromSymbol(void* dst, T*&& symbol_address, size_t size, size_t offset = 0,
                                      hipMemcpyKind kind = hipMemcpyDeviceToHost) {
    return cudaMemcpyFromSymbol(dst, static_cast<const void*>(symbol_address), size, offset, kind);
}
template <class T>
inline hipError_t hipMemcpyFromSymbolAsync(void* dst, const T& symbol, size_t size, size_t offset, hipMemcpyKind kind,
                                           hipStream_t stream = nullptr) {
    return cudaMemcpyFromSymbolAsync(dst, static_cast<const void*>(std::addressof(symbol)), size, offset, kind, stream);
}
template <class T>
inline hipError_t hipMemcpyFromSymbolAsync(void* dst, T*&& symbol_address, size_t size, size_t offset,
                                           hipMemcpyKind kind, hipStream_t stream = nullptr) {
    return cudaMemcpyFromSymbolAsync(dst, static_cast<const void*>(symbol_address), size, offset, kind, stream);
}
template <class T>
inline hipError_t hipGetSymbolAddress(void** device_ptr, const T& symbol) {
    return cudaGetSymbolAddress(device_ptr, static_cast<const void*>(std::addressof(symbol)));
}
template <class T>
inline hipError_t hipGetSymbolAddress(void** device_ptr, T*&& symbol_address) {
    return cudaGetSymbolAddress(device_ptr, static_cast<const void*>(symbol_address));
}
template <class T>
inline hipError_t hipGetSymbolSize(size_t* size, const T& symbol) {
    return cudaGetSymbolSize(size, static_cast<const void*>(std::addressof(symbol)));
}
template <class T>
inline hipError_t hipGetSymbolSize(size_t* size, T*&& symbol_address) {
    return cudaGetSymbolSize(size, static_cast<const void*>(symbol_address));
}

// ---------------------------------------------------------------------------
// Streams and events
// ---------------------------------------------------------------------------

inline hipError_t hipStreamCreate(hipStream_t* stream) { return cudaStreamCreate(stream); }
inline hipError_t hipStreamCreateWithFlags(hipStream_t* stream, unsigned int flags) {
    return cudaStreamCreateWithFlags(stream, flags);
}
inline hipError_t hipStreamCreateWithPriority(hipStream_t* stream, unsigned int flags, int priority) {
    return cudaStreamCreateWithPriority(stream, flags, priority);
}
inline hipError_t hipStreamDestroy(hipStream_t stream) { return cudaStreamDestroy(stream); }
inline hipError_t hipStreamSynchronize(hipStream_t stream) { return cudaStreamSynchronize(stream); }
inline hipError_t hipStreamQuery(hipStream_t stream) { return cudaStreamQuery(stream); }
inline hipError_t hipStreamWaitEvent(hipStream_t stream, hipEvent_t event, unsigned int flags = 0) {
    return cudaStreamWaitEvent(stream, event, flags);
}
inline hipError_t hipStreamGetFlags(hipStream_t stream, unsigned int* flags) {
    return cudaStreamGetFlags(stream, flags);
}
inline hipError_t hipStreamGetPriority(hipStream_t stream, int* priority) {
    return cudaStreamGetPriority(stream, priority);
}
inline hipError_t hipStreamAddCallback(hipStream_t stream, hipStreamCallback_t callback, void* user_data,
                                       unsigned int flags) {
    return cudaStreamAddCallback(stream, callback, user_data, flags);
}
inline hipError_t hipLaunchHostFunc(hipStream_t stream, hipHostFn_t fn, void* user_data) {
    return cudaLaunchHostFunc(stream, fn, user_data);
}

inline hipError_t hipEventCreate(hipEvent_t* event) { return cudaEventCreate(event); }
inline hipError_t hipEventCreateWithFlags(hipEvent_t* event, unsigned int flags) {
    return cudaEventCreateWithFlags(event, flags);
}
inline hipError_t hipEventRecord(hipEvent_t event, hipStream_t stream = nullptr) {
    return cudaEventRecord(event, stream);
}
inline hipError_t hipEventSynchronize(hipEvent_t event) { return cudaEventSynchronize(event); }
inline hipError_t hipEventQuery(hipEvent_t event) { return cudaEventQuery(event); }
inline hipError_t hipEventElapsedTime(float* milliseconds, hipEvent_t start, hipEvent_t stop) {
    return cudaEventElapsedTime(milliseconds, start, stop);
}
inline hipError_t hipEventDestroy(hipEvent_t event) { return cudaEventDestroy(event); }

// ---------------------------------------------------------------------------
// Stream capture and graphs (the subset a launcher uses to replay its work)
// ---------------------------------------------------------------------------

inline hipError_t hipStreamBeginCapture(hipStream_t stream, hipStreamCaptureMode mode) {
    return cudaStreamBeginCapture(stream, mode);
}
inline hipError_t hipStreamEndCapture(hipStream_t stream, hipGraph_t* graph) {
    return cudaStreamEndCapture(stream, graph);
}
inline hipError_t hipStreamIsCapturing(hipStream_t stream, hipStreamCaptureStatus* status) {
    return cudaStreamIsCapturing(stream, status);
}
inline hipError_t hipGraphCreate(hipGraph_t* graph, unsigned int flags) { return cudaGraphCreate(graph, flags); }
// HIP keeps the pre-CUDA-12 signature (error node and log buffer); CUDA 12+
// reports instantiation errors through the return code only, so the error
// node is cleared and the log left empty.
inline hipError_t hipGraphInstantiate(hipGraphExec_t* graph_exec, hipGraph_t graph, hipGraphNode_t* error_node,
                                      char* log_buffer, size_t buffer_size) {
    if (error_node != nullptr) {
        *error_node = nullptr;
    }
    if (log_buffer != nullptr && buffer_size > 0) {
        log_buffer[0] = '\0';
    }
    return cudaGraphInstantiate(graph_exec, graph, 0);
}
inline hipError_t hipGraphInstantiateWithFlags(hipGraphExec_t* graph_exec, hipGraph_t graph, unsigned long long flags) {
    return cudaGraphInstantiateWithFlags(graph_exec, graph, flags);
}
inline hipError_t hipGraphLaunch(hipGraphExec_t graph_exec, hipStream_t stream) {
    return cudaGraphLaunch(graph_exec, stream);
}
inline hipError_t hipGraphExecDestroy(hipGraphExec_t graph_exec) { return cudaGraphExecDestroy(graph_exec); }
inline hipError_t hipGraphDestroy(hipGraph_t graph) { return cudaGraphDestroy(graph); }

// ---------------------------------------------------------------------------
// Kernels: launch, attributes, occupancy. Each takes the kernel as HIP's
// `const void*` or, like CUDA's C++ API, as the kernel function itself.
// ---------------------------------------------------------------------------

namespace hipkb::hip_on_cuda::detail {
template <class... Params>
inline const void* kernel_address(void (*kernel)(Params...)) {
    return reinterpret_cast<const void*>(kernel);
}

// CUDA refuses a launch asking for more than 48 KiB of dynamic shared memory
// unless the kernel was first allowed that much; AMD allows up to the LDS
// size (64 KiB) with no such step, so HIP code never takes it. The layer
// takes it for HIP's launch calls: once per kernel and size, before the
// first launch that needs it. A failure here is left to the launch, which
// then reports CUDA's own error.
inline constexpr std::size_t cuda_default_dynamic_shared_bytes = 48 * 1024;

inline void allow_dynamic_shared(const void* kernel, std::size_t bytes) {
    if (kernel == nullptr || bytes <= cuda_default_dynamic_shared_bytes) return;
    static std::mutex guard;
    static std::unordered_map<const void*, std::size_t> allowed;
    const std::lock_guard<std::mutex> lock(guard);
    std::size_t& known = allowed[kernel];
    if (bytes <= known) return;
    if (cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(bytes)) ==
        cudaSuccess) {
        known = bytes;
    } else {
        (void)cudaGetLastError();  // the launch reports the failure itself
    }
}
}  // namespace hipkb::hip_on_cuda::detail

inline hipError_t hipLaunchKernel(const void* kernel, dim3 grid, dim3 block, void** args, size_t shared_bytes,
                                  hipStream_t stream) {
    hipkb::hip_on_cuda::detail::allow_dynamic_shared(kernel, shared_bytes);
    return cudaLaunchKernel(kernel, grid, block, args, shared_bytes, stream);
}
template <class... Params>
inline hipError_t hipLaunchKernel(void (*kernel)(Params...), dim3 grid, dim3 block, void** args, size_t shared_bytes,
                                  hipStream_t stream) {
    hipkb::hip_on_cuda::detail::allow_dynamic_shared(hipkb::hip_on_cuda::detail::kernel_address(kernel), shared_bytes);
    return cudaLaunchKernel(hipkb::hip_on_cuda::detail::kernel_address(kernel), grid, block, args, shared_bytes,
                            stream);
}
inline hipError_t hipLaunchCooperativeKernel(const void* kernel, dim3 grid, dim3 block, void** args,
                                             unsigned int shared_bytes, hipStream_t stream) {
    return cudaLaunchCooperativeKernel(kernel, grid, block, args, shared_bytes, stream);
}
template <class... Params>
inline hipError_t hipLaunchCooperativeKernel(void (*kernel)(Params...), dim3 grid, dim3 block, void** args,
                                             unsigned int shared_bytes, hipStream_t stream) {
    return cudaLaunchCooperativeKernel(hipkb::hip_on_cuda::detail::kernel_address(kernel), grid, block, args,
                                       shared_bytes, stream);
}
inline hipError_t hipFuncSetAttribute(const void* kernel, hipFuncAttribute attribute, int value) {
    return cudaFuncSetAttribute(kernel, attribute, value);
}
template <class... Params>
inline hipError_t hipFuncSetAttribute(void (*kernel)(Params...), hipFuncAttribute attribute, int value) {
    return cudaFuncSetAttribute(hipkb::hip_on_cuda::detail::kernel_address(kernel), attribute, value);
}
inline hipError_t hipFuncGetAttributes(hipFuncAttributes* attributes, const void* kernel) {
    return cudaFuncGetAttributes(attributes, kernel);
}
template <class... Params>
inline hipError_t hipFuncGetAttributes(hipFuncAttributes* attributes, void (*kernel)(Params...)) {
    return cudaFuncGetAttributes(attributes, hipkb::hip_on_cuda::detail::kernel_address(kernel));
}
inline hipError_t hipFuncSetCacheConfig(const void* kernel, hipFuncCache_t config) {
    return cudaFuncSetCacheConfig(kernel, config);
}
template <class... Params>
inline hipError_t hipFuncSetCacheConfig(void (*kernel)(Params...), hipFuncCache_t config) {
    return cudaFuncSetCacheConfig(hipkb::hip_on_cuda::detail::kernel_address(kernel), config);
}
inline hipError_t hipOccupancyMaxActiveBlocksPerMultiprocessor(int* blocks, const void* kernel, int block_size,
                                                               size_t dynamic_shared_bytes) {
    return cudaOccupancyMaxActiveBlocksPerMultiprocessor(blocks, kernel, block_size, dynamic_shared_bytes);
}
template <class... Params>
inline hipError_t hipOccupancyMaxActiveBlocksPerMultiprocessor(int* blocks, void (*kernel)(Params...), int block_size,
                                                               size_t dynamic_shared_bytes) {
    return cudaOccupancyMaxActiveBlocksPerMultiprocessor(blocks, hipkb::hip_on_cuda::detail::kernel_address(kernel),
                                                         block_size, dynamic_shared_bytes);
}
inline hipError_t hipOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int* blocks, const void* kernel, int block_size,
                                                                        size_t dynamic_shared_bytes,
                                                                        unsigned int flags) {
    return cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(blocks, kernel, block_size, dynamic_shared_bytes,
                                                                  flags);
}
template <class... Params>
inline hipError_t hipOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int* blocks, void (*kernel)(Params...),
                                                                        int block_size, size_t dynamic_shared_bytes,
                                                                        unsigned int flags) {
    return cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
        blocks, hipkb::hip_on_cuda::detail::kernel_address(kernel), block_size, dynamic_shared_bytes, flags);
}

inline hipError_t hipProfilerStart() { return cudaProfilerStart(); }
inline hipError_t hipProfilerStop() { return cudaProfilerStop(); }

// ---------------------------------------------------------------------------
// Deliberately unmapped host APIs. Using one fails to compile with a message
// that names it, says why and what to use instead. They are templates so the
// static_assert fires only where the API is actually called.
// ---------------------------------------------------------------------------

template <class... Args>
hipError_t hipExtMallocWithFlags(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipExtMallocWithFlags is AMD-only and not mapped by hipkb's HIP-on-CUDA layer; use hipMalloc");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipExtLaunchKernelGGL(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipExtLaunchKernelGGL is AMD-only and not mapped by hipkb's HIP-on-CUDA layer; "
                  "use hipLaunchKernelGGL or <<<...>>> and record events around the launch");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipExtLaunchKernel(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipExtLaunchKernel is AMD-only and not mapped by hipkb's HIP-on-CUDA layer; use hipLaunchKernel");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipExtLaunchMultiKernelMultiDevice(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipExtLaunchMultiKernelMultiDevice is AMD-only and not mapped by hipkb's HIP-on-CUDA layer");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipExtStreamCreateWithCUMask(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipExtStreamCreateWithCUMask is AMD-only (compute-unit masks) and not mapped by hipkb's "
                  "HIP-on-CUDA layer; use hipStreamCreateWithFlags");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipExtStreamGetCUMask(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipExtStreamGetCUMask is AMD-only (compute-unit masks) and not mapped by hipkb's HIP-on-CUDA layer");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipModuleLoad(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipModuleLoad (module API) is not mapped by hipkb's HIP-on-CUDA layer: it needs the CUDA driver "
                  "API and a code object per platform; compile kernels into the translation unit instead");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipModuleLoadData(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipModuleLoadData (module API) is not mapped by hipkb's HIP-on-CUDA layer; compile kernels into "
                  "the translation unit instead");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipModuleLoadDataEx(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipModuleLoadDataEx (module API) is not mapped by hipkb's HIP-on-CUDA layer; compile kernels into "
                  "the translation unit instead");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipModuleGetFunction(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipModuleGetFunction (module API) is not mapped by hipkb's HIP-on-CUDA layer");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipModuleGetGlobal(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipModuleGetGlobal (module API) is not mapped by hipkb's HIP-on-CUDA layer; "
                  "use hipGetSymbolAddress");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipModuleLaunchKernel(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipModuleLaunchKernel (module API) is not mapped by hipkb's HIP-on-CUDA layer; "
                  "use hipLaunchKernelGGL or <<<...>>>");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipModuleUnload(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipModuleUnload (module API) is not mapped by hipkb's HIP-on-CUDA layer");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipMemsetD8(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipMemsetD8 (driver API) is not mapped by hipkb's HIP-on-CUDA layer; use hipMemset");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipMemsetD16(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipMemsetD16 (driver API) is not mapped by hipkb's HIP-on-CUDA layer; use a fill kernel");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipMemsetD32(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipMemsetD32 (driver API) is not mapped by hipkb's HIP-on-CUDA layer; use a fill kernel");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipMemsetD8Async(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipMemsetD8Async (driver API) is not mapped by hipkb's HIP-on-CUDA layer; use hipMemsetAsync");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipMemsetD16Async(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipMemsetD16Async (driver API) is not mapped by hipkb's HIP-on-CUDA layer; use a fill kernel");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipMemsetD32Async(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipMemsetD32Async (driver API) is not mapped by hipkb's HIP-on-CUDA layer; use a fill kernel");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipDeviceSetSharedMemConfig(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipDeviceSetSharedMemConfig is not mapped by hipkb's HIP-on-CUDA layer: shared-memory bank "
                  "configuration is deprecated in CUDA 13 and has no effect on current GPUs; remove the call");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipDeviceGetSharedMemConfig(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipDeviceGetSharedMemConfig is not mapped by hipkb's HIP-on-CUDA layer (deprecated in CUDA 13)");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipFuncSetSharedMemConfig(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipFuncSetSharedMemConfig is not mapped by hipkb's HIP-on-CUDA layer: shared-memory bank "
                  "configuration is deprecated in CUDA 13 and has no effect on current GPUs; remove the call");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipCtxCreate(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipCtxCreate (context API) is not mapped by hipkb's HIP-on-CUDA layer; use hipSetDevice");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipCtxSetCurrent(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipCtxSetCurrent (context API) is not mapped by hipkb's HIP-on-CUDA layer; use hipSetDevice");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipCtxGetCurrent(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipCtxGetCurrent (context API) is not mapped by hipkb's HIP-on-CUDA layer; use hipGetDevice");
    return hipErrorNotSupported;
}
template <class... Args>
hipError_t hipCtxSynchronize(Args&&...) {
    static_assert(hipkb::hip_on_cuda::detail::unmapped<Args...>,
                  "hipCtxSynchronize (context API) is not mapped by hipkb's HIP-on-CUDA layer; "
                  "use hipDeviceSynchronize");
    return hipErrorNotSupported;
}

#endif  // HIPKB_HIP_ON_CUDA_HIP_RUNTIME_API_H
