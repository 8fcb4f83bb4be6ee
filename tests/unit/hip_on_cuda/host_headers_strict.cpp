// Compile test (hipkb.test.hip_on_cuda.host_headers_strict): every header of
// the HIP-on-CUDA layer that host-only C++ may include, compiled by the host
// compiler with hipkb's warning flags and -Werror, as the harness's device
// layer is. call_every_host_api() instantiates every host API of
// <hip/hip_runtime_api.h> in each of its forms; it is compiled, never run.
#include <hip/hip_bf16.h>
#include <hip/hip_bfloat16.h>
#include <hip/hip_complex.h>
#include <hip/hip_fp16.h>
#include <hip/hip_runtime_api.h>
#include <hip/hip_vector_types.h>

#include <cstddef>

namespace {

void host_callback(hipStream_t, hipError_t, void*) {}
void host_function(void*) {}

}  // namespace

int call_every_host_api();

int call_every_host_api() {
    int count = 0;
    int device = 0;
    int value = 0;
    unsigned int flags = 0;
    size_t bytes = 0;
    size_t bytes2 = 0;
    char text[64];
    hipDevice_t handle = 0;
    hipDeviceProp_t prop{};
    hipError_t e = hipSuccess;
    e = hipInit(0);
    e = hipGetDeviceCount(&count);
    e = hipGetDevice(&device);
    e = hipSetDevice(device);
    e = hipDeviceGet(&handle, 0);
    e = hipDeviceSynchronize();
    e = hipDeviceReset();
    e = hipSetDeviceFlags(hipDeviceScheduleBlockingSync | hipDeviceMapHost);
    e = hipGetDeviceFlags(&flags);
    e = hipDeviceGetAttribute(&value, hipDeviceAttributeMaxThreadsPerBlock, device);
    e = hipGetDeviceProperties(&prop, device);
    e = hipDeviceGetName(text, static_cast<int>(sizeof text), handle);
    e = hipDeviceComputeCapability(&value, &count, handle);
    e = hipDeviceTotalMem(&bytes, handle);
    e = hipDeviceGetPCIBusId(text, static_cast<int>(sizeof text), device);
    e = hipDeviceGetByPCIBusId(&device, text);
    e = hipDeviceGetLimit(&bytes, hipLimitStackSize);
    e = hipDeviceSetLimit(hipLimitMallocHeapSize, bytes);
    hipFuncCache_t cache = hipFuncCachePreferNone;
    e = hipDeviceGetCacheConfig(&cache);
    e = hipDeviceSetCacheConfig(hipFuncCachePreferL1);
    e = hipDeviceGetStreamPriorityRange(&value, &count);
    e = hipDeviceCanAccessPeer(&value, 0, 1);
    e = hipDeviceEnablePeerAccess(1, 0);
    e = hipDeviceDisablePeerAccess(1);
    e = hipDriverGetVersion(&value);
    e = hipRuntimeGetVersion(&value);
    e = hipGetLastError();
    e = hipPeekAtLastError();
    const char* s = hipGetErrorName(e);
    s = hipGetErrorString(e);
    (void)s;

    void* p = nullptr;
    float* f = nullptr;
    double* d = nullptr;
    hipStream_t stream = nullptr;
    hipEvent_t event = nullptr;
    e = hipMalloc(&p, 16);
    e = hipMalloc(&f, 16);
    e = hipMallocAsync(&p, 16, stream);
    e = hipMallocAsync(&d, 16, stream);
    e = hipFreeAsync(p, stream);
    e = hipMallocManaged(&p, 16);
    e = hipMallocManaged(&f, 16, hipMemAttachHost);
    e = hipMallocPitch(&p, &bytes, 16, 4);
    e = hipMallocPitch(&f, &bytes, 16, 4);
    e = hipHostMalloc(&p, 16);
    e = hipHostMalloc(&f, 16, hipHostMallocMapped | hipHostMallocPortable);
    e = hipHostAlloc(&p, 16, hipHostAllocDefault);
    e = hipMallocHost(&p, 16);
    e = hipMallocHost(&d, 16);
    e = hipHostRegister(p, 16, hipHostRegisterDefault);
    e = hipHostGetDevicePointer(&p, f, 0);
    e = hipHostGetFlags(&flags, p);
    e = hipHostUnregister(p);
    e = hipMemGetInfo(&bytes, &bytes2);
    hipPointerAttribute_t attributes{};
    e = hipPointerGetAttributes(&attributes, p);
    e = hipMemcpy(p, f, 16, hipMemcpyDefault);
    e = hipMemcpyAsync(p, f, 16, hipMemcpyDeviceToDevice);
    e = hipMemcpyAsync(p, f, 16, hipMemcpyHostToDevice, stream);
    e = hipMemcpyWithStream(p, f, 16, hipMemcpyDeviceToHost, stream);
    e = hipMemcpyHtoD(p, f, 16);
    e = hipMemcpyDtoH(f, p, 16);
    e = hipMemcpyDtoD(p, p, 16);
    e = hipMemcpyHtoDAsync(p, f, 16, stream);
    e = hipMemcpyDtoHAsync(f, p, 16, stream);
    e = hipMemcpyDtoDAsync(p, p, 16, stream);
    e = hipMemcpy2D(p, 16, f, 16, 16, 2, hipMemcpyHostToHost);
    e = hipMemcpy2DAsync(p, 16, f, 16, 16, 2, hipMemcpyHostToHost, stream);
    e = hipMemcpyPeer(p, 0, f, 1, 16);
    e = hipMemcpyPeerAsync(p, 0, f, 1, 16, stream);
    e = hipMemset(p, 0, 16);
    e = hipMemsetAsync(p, 0, 16);
    e = hipMemsetAsync(p, 0, 16, stream);
    e = hipMemset2D(p, 16, 0, 16, 2);
    e = hipMemset2DAsync(p, 16, 0, 16, 2, stream);
    e = hipMemPrefetchAsync(p, 16, device, stream);
    e = hipMemPrefetchAsync(p, 16, hipCpuDeviceId);
    e = hipMemAdvise(p, 16, hipMemAdviseSetReadMostly, device);
    e = hipFreeHost(p);
    e = hipHostFree(f);
    e = hipFree(d);

    e = hipStreamCreate(&stream);
    e = hipStreamCreateWithFlags(&stream, hipStreamNonBlocking);
    e = hipStreamCreateWithPriority(&stream, hipStreamDefault, -1);
    e = hipStreamQuery(stream);
    e = hipStreamGetFlags(stream, &flags);
    e = hipStreamGetPriority(stream, &value);
    e = hipStreamAddCallback(stream, host_callback, nullptr, 0);
    e = hipLaunchHostFunc(stream, host_function, nullptr);
    e = hipEventCreate(&event);
    e = hipEventCreateWithFlags(&event, hipEventDisableTiming | hipEventBlockingSync);
    e = hipEventRecord(event);
    e = hipEventRecord(event, stream);
    e = hipStreamWaitEvent(stream, event);
    e = hipStreamWaitEvent(stream, event, 0);
    e = hipEventSynchronize(event);
    e = hipEventQuery(event);
    float ms = 0.0f;
    e = hipEventElapsedTime(&ms, event, event);
    e = hipEventDestroy(event);
    e = hipStreamSynchronize(stream);
    e = hipStreamSynchronize(hipStreamPerThread);
    e = hipStreamSynchronize(hipStreamLegacy);

    hipGraph_t graph = nullptr;
    hipGraphExec_t exec = nullptr;
    hipGraphNode_t node = nullptr;
    hipStreamCaptureStatus status = hipStreamCaptureStatusNone;
    e = hipStreamBeginCapture(stream, hipStreamCaptureModeThreadLocal);
    e = hipStreamIsCapturing(stream, &status);
    e = hipStreamEndCapture(stream, &graph);
    e = hipGraphCreate(&graph, 0);
    e = hipGraphInstantiate(&exec, graph, &node, text, sizeof text);
    e = hipGraphInstantiate(&exec, graph, nullptr, nullptr, 0);
    e = hipGraphInstantiateWithFlags(&exec, graph, 0);
    e = hipGraphLaunch(exec, stream);
    e = hipGraphExecDestroy(exec);
    e = hipGraphDestroy(graph);
    e = hipStreamDestroy(stream);

    void* args[] = {&p};
    hipFuncAttributes func_attributes{};
    e = hipLaunchKernel(reinterpret_cast<const void*>(&host_function), dim3(1), dim3(32), args, 0, stream);
    e = hipLaunchCooperativeKernel(reinterpret_cast<const void*>(&host_function), dim3(1), dim3(32), args, 0u, stream);
    e = hipFuncSetAttribute(reinterpret_cast<const void*>(&host_function), hipFuncAttributeMaxDynamicSharedMemorySize,
                            65536);
    e = hipFuncGetAttributes(&func_attributes, reinterpret_cast<const void*>(&host_function));
    e = hipFuncSetCacheConfig(reinterpret_cast<const void*>(&host_function), hipFuncCachePreferEqual);
    e = hipOccupancyMaxActiveBlocksPerMultiprocessor(&value, reinterpret_cast<const void*>(&host_function), 128, 0);
    e = hipOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(&value, reinterpret_cast<const void*>(&host_function),
                                                              128, 0, 0);
    e = hipProfilerStart();
    e = hipProfilerStop();

    // Symbols: by name (a variable) and by address (a pointer prvalue).
    static float symbol[4];
    e = hipMemcpyToSymbol(symbol, f, sizeof symbol);
    e = hipMemcpyToSymbol(HIP_SYMBOL(symbol), f, sizeof symbol, 0, hipMemcpyHostToDevice);
    e = hipMemcpyToSymbol(&symbol, f, sizeof symbol);
    e = hipMemcpyToSymbolAsync(symbol, f, 4, 4, hipMemcpyHostToDevice, stream);
    e = hipMemcpyFromSymbol(f, symbol, sizeof symbol);
    e = hipMemcpyFromSymbol(f, static_cast<const void*>(&symbol), sizeof symbol);
    e = hipMemcpyFromSymbolAsync(f, symbol, 4, 0, hipMemcpyDeviceToHost, stream);
    e = hipGetSymbolAddress(&p, symbol);
    e = hipGetSymbolSize(&bytes, HIP_SYMBOL(symbol));

    // Types.
    const float4 v = make_float4(1.0f, 2.0f, 3.0f, 4.0f) * 2.0f;
    const hip_bfloat16 b(v.x);
    const __half h = __float2half(static_cast<float>(b));
    const __hip_bfloat16 nb = __float2bfloat16(__half2float(h));
    const hipFloatComplex z = make_hipFloatComplex(__bfloat162float(nb), 0.0f);
    return static_cast<int>(e) + static_cast<int>(hipCabsf(z));
}
