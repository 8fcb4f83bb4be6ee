// Unit tests of hipkb's HIP-on-CUDA layer that need no GPU: compiled by the
// host compiler (as the harness's device layer is), linked against the CUDA
// runtime, run on any machine with the CUDA toolkit.
#include <hip/hip_bf16.h>
#include <hip/hip_bfloat16.h>
#include <hip/hip_complex.h>
#include <hip/hip_fp16.h>
#include <hip/hip_runtime_api.h>
#include <hip/hip_vector_types.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// A user-defined operator for one vector type, as CUDA code often has: it
// must win over the layer's operator templates (see HipVectorTypes).
static short2 operator+(const short2& a, const short2& b) {
    return make_short2(static_cast<short>(a.x + b.x + 100), static_cast<short>(a.y + b.y + 100));
}

namespace {

#define HOC_NAMED(code) std::pair<hipError_t, std::string>(code, #code)

// Every HIP error constant the layer defines under its primary name.
std::vector<std::pair<hipError_t, std::string>> primary_error_names() {
    return {
        HOC_NAMED(hipSuccess),
        HOC_NAMED(hipErrorInvalidValue),
        HOC_NAMED(hipErrorOutOfMemory),
        HOC_NAMED(hipErrorNotInitialized),
        HOC_NAMED(hipErrorDeinitialized),
        HOC_NAMED(hipErrorProfilerDisabled),
        HOC_NAMED(hipErrorProfilerNotInitialized),
        HOC_NAMED(hipErrorProfilerAlreadyStarted),
        HOC_NAMED(hipErrorProfilerAlreadyStopped),
        HOC_NAMED(hipErrorInvalidConfiguration),
        HOC_NAMED(hipErrorInvalidPitchValue),
        HOC_NAMED(hipErrorInvalidSymbol),
        HOC_NAMED(hipErrorInvalidDevicePointer),
        HOC_NAMED(hipErrorInvalidMemcpyDirection),
        HOC_NAMED(hipErrorInsufficientDriver),
        HOC_NAMED(hipErrorMissingConfiguration),
        HOC_NAMED(hipErrorPriorLaunchFailure),
        HOC_NAMED(hipErrorInvalidDeviceFunction),
        HOC_NAMED(hipErrorNoDevice),
        HOC_NAMED(hipErrorInvalidDevice),
        HOC_NAMED(hipErrorInvalidImage),
        HOC_NAMED(hipErrorInvalidContext),
        HOC_NAMED(hipErrorMapFailed),
        HOC_NAMED(hipErrorUnmapFailed),
        HOC_NAMED(hipErrorArrayIsMapped),
        HOC_NAMED(hipErrorAlreadyMapped),
        HOC_NAMED(hipErrorNoBinaryForGpu),
        HOC_NAMED(hipErrorAlreadyAcquired),
        HOC_NAMED(hipErrorNotMapped),
        HOC_NAMED(hipErrorNotMappedAsArray),
        HOC_NAMED(hipErrorNotMappedAsPointer),
        HOC_NAMED(hipErrorECCNotCorrectable),
        HOC_NAMED(hipErrorUnsupportedLimit),
        HOC_NAMED(hipErrorContextAlreadyInUse),
        HOC_NAMED(hipErrorPeerAccessUnsupported),
        HOC_NAMED(hipErrorInvalidKernelFile),
        HOC_NAMED(hipErrorInvalidGraphicsContext),
        HOC_NAMED(hipErrorInvalidSource),
        HOC_NAMED(hipErrorFileNotFound),
        HOC_NAMED(hipErrorSharedObjectSymbolNotFound),
        HOC_NAMED(hipErrorSharedObjectInitFailed),
        HOC_NAMED(hipErrorOperatingSystem),
        HOC_NAMED(hipErrorInvalidHandle),
        HOC_NAMED(hipErrorIllegalState),
        HOC_NAMED(hipErrorNotFound),
        HOC_NAMED(hipErrorNotReady),
        HOC_NAMED(hipErrorIllegalAddress),
        HOC_NAMED(hipErrorLaunchOutOfResources),
        HOC_NAMED(hipErrorLaunchTimeOut),
        HOC_NAMED(hipErrorPeerAccessAlreadyEnabled),
        HOC_NAMED(hipErrorPeerAccessNotEnabled),
        HOC_NAMED(hipErrorSetOnActiveProcess),
        HOC_NAMED(hipErrorContextIsDestroyed),
        HOC_NAMED(hipErrorAssert),
        HOC_NAMED(hipErrorHostMemoryAlreadyRegistered),
        HOC_NAMED(hipErrorHostMemoryNotRegistered),
        HOC_NAMED(hipErrorLaunchFailure),
        HOC_NAMED(hipErrorCooperativeLaunchTooLarge),
        HOC_NAMED(hipErrorNotSupported),
        HOC_NAMED(hipErrorStreamCaptureUnsupported),
        HOC_NAMED(hipErrorStreamCaptureInvalidated),
        HOC_NAMED(hipErrorStreamCaptureMerge),
        HOC_NAMED(hipErrorStreamCaptureUnmatched),
        HOC_NAMED(hipErrorStreamCaptureUnjoined),
        HOC_NAMED(hipErrorStreamCaptureIsolation),
        HOC_NAMED(hipErrorStreamCaptureImplicit),
        HOC_NAMED(hipErrorCapturedEvent),
        HOC_NAMED(hipErrorStreamCaptureWrongThread),
        HOC_NAMED(hipErrorGraphExecUpdateFailure),
        HOC_NAMED(hipErrorUnknown),
    };
}

#undef HOC_NAMED

TEST(HipError, EveryConstantIsNamedByItsHipName) {
    std::set<int> codes;
    for (const auto& [code, name] : primary_error_names()) {
        EXPECT_EQ(hipGetErrorName(code), name) << "code " << static_cast<int>(code);
        EXPECT_TRUE(codes.insert(static_cast<int>(code)).second) << name << " shares its code with another constant";
    }
}

TEST(HipError, AliasesShareTheCodeAndThePrimaryName) {
    EXPECT_EQ(hipErrorMemoryAllocation, hipErrorOutOfMemory);
    EXPECT_STREQ(hipGetErrorName(hipErrorMemoryAllocation), "hipErrorOutOfMemory");
    EXPECT_EQ(hipErrorInitializationError, hipErrorNotInitialized);
    EXPECT_STREQ(hipGetErrorName(hipErrorInitializationError), "hipErrorNotInitialized");
    EXPECT_EQ(hipErrorInvalidResourceHandle, hipErrorInvalidHandle);
    EXPECT_STREQ(hipGetErrorName(hipErrorInvalidResourceHandle), "hipErrorInvalidHandle");
}

// HIP chose CUDA's numbers for the codes both have; the harness records the
// number, so the common ones must match HIP's on AMD too.
TEST(HipError, CommonCodesHaveHipsNumbers) {
    EXPECT_EQ(static_cast<int>(hipSuccess), 0);
    EXPECT_EQ(static_cast<int>(hipErrorInvalidValue), 1);
    EXPECT_EQ(static_cast<int>(hipErrorOutOfMemory), 2);
    EXPECT_EQ(static_cast<int>(hipErrorNotInitialized), 3);
    EXPECT_EQ(static_cast<int>(hipErrorInvalidConfiguration), 9);
    EXPECT_EQ(static_cast<int>(hipErrorInsufficientDriver), 35);
    EXPECT_EQ(static_cast<int>(hipErrorInvalidDeviceFunction), 98);
    EXPECT_EQ(static_cast<int>(hipErrorNoDevice), 100);
    EXPECT_EQ(static_cast<int>(hipErrorInvalidDevice), 101);
    EXPECT_EQ(static_cast<int>(hipErrorNoBinaryForGpu), 209);
    EXPECT_EQ(static_cast<int>(hipErrorInvalidHandle), 400);
    EXPECT_EQ(static_cast<int>(hipErrorNotReady), 600);
    EXPECT_EQ(static_cast<int>(hipErrorIllegalAddress), 700);
    EXPECT_EQ(static_cast<int>(hipErrorLaunchOutOfResources), 701);
    EXPECT_EQ(static_cast<int>(hipErrorLaunchFailure), 719);
    EXPECT_EQ(static_cast<int>(hipErrorNotSupported), 801);
    EXPECT_EQ(static_cast<int>(hipErrorUnknown), 999);
}

TEST(HipError, CodesHipDoesNotNameKeepCudasName) {
    EXPECT_STREQ(hipGetErrorName(cudaErrorStubLibrary), "cudaErrorStubLibrary");
    EXPECT_STREQ(hipGetErrorName(cudaErrorInvalidTexture), "cudaErrorInvalidTexture");
    EXPECT_EQ(hipkb::hip_on_cuda::detail::hip_error_name(cudaErrorStubLibrary), nullptr);
}

TEST(HipError, StringIsCudasDescription) {
    for (const auto& [code, name] : primary_error_names()) {
        const char* text = hipGetErrorString(code);
        ASSERT_NE(text, nullptr) << name;
        EXPECT_STREQ(text, cudaGetErrorString(code)) << name;
        EXPECT_GT(std::strlen(text), 0u) << name;
    }
    EXPECT_STREQ(hipGetErrorString(hipErrorInvalidValue), "invalid argument");
}

TEST(HipTypes, HandlesAndEnumsAreCudas) {
    static_assert(std::is_same_v<hipError_t, cudaError_t>);
    static_assert(std::is_same_v<hipStream_t, cudaStream_t>);
    static_assert(std::is_same_v<hipEvent_t, cudaEvent_t>);
    static_assert(std::is_same_v<hipMemcpyKind, cudaMemcpyKind>);
    static_assert(std::is_same_v<hipDeviceAttribute_t, cudaDeviceAttr>);
    static_assert(std::is_same_v<decltype(dim3{}.x), unsigned int>);
    const dim3 d;
    EXPECT_EQ(d.x, 1u);
    EXPECT_EQ(d.y, 1u);
    EXPECT_EQ(d.z, 1u);
    const dim3 e(7, 3);
    EXPECT_EQ(e.x * e.y * e.z, 21u);
}

TEST(HipConstants, MemcpyKindsAndFlagsHaveHipsValues) {
    EXPECT_EQ(static_cast<int>(hipMemcpyHostToHost), 0);
    EXPECT_EQ(static_cast<int>(hipMemcpyHostToDevice), 1);
    EXPECT_EQ(static_cast<int>(hipMemcpyDeviceToHost), 2);
    EXPECT_EQ(static_cast<int>(hipMemcpyDeviceToDevice), 3);
    EXPECT_EQ(static_cast<int>(hipMemcpyDefault), 4);
    EXPECT_EQ(hipStreamDefault, 0u);
    EXPECT_EQ(hipStreamNonBlocking, 1u);
    EXPECT_EQ(hipEventDefault, 0u);
    EXPECT_EQ(hipEventBlockingSync, 1u);
    EXPECT_EQ(hipEventDisableTiming, 2u);
    EXPECT_EQ(hipHostMallocDefault, 0u);
    EXPECT_EQ(hipHostMallocPortable, 1u);
    EXPECT_EQ(hipHostMallocMapped, 2u);
    EXPECT_EQ(hipHostMallocWriteCombined, 4u);
    EXPECT_EQ(hipMemAttachGlobal, 1u);
    EXPECT_EQ(hipCpuDeviceId, -1);
    EXPECT_EQ(hipStreamPerThread, cudaStreamPerThread);
}

// The attributes the harness's device layer reads must name the matching
// CUDA attribute (a wrong one would report, say, the clock as the bus width).
TEST(HipConstants, HarnessDeviceAttributesAreTheMatchingCudaOnes) {
    EXPECT_EQ(hipDeviceAttributeL2CacheSize, cudaDevAttrL2CacheSize);
    EXPECT_EQ(hipDeviceAttributeMultiprocessorCount, cudaDevAttrMultiProcessorCount);
    EXPECT_EQ(hipDeviceAttributeWarpSize, cudaDevAttrWarpSize);
    EXPECT_EQ(hipDeviceAttributeClockRate, cudaDevAttrClockRate);
    EXPECT_EQ(hipDeviceAttributeMemoryClockRate, cudaDevAttrMemoryClockRate);
    EXPECT_EQ(hipDeviceAttributeMemoryBusWidth, cudaDevAttrGlobalMemoryBusWidth);
    EXPECT_EQ(hipDeviceAttributeComputeCapabilityMajor, cudaDevAttrComputeCapabilityMajor);
    EXPECT_EQ(hipDeviceAttributeMaxSharedMemoryPerBlock, cudaDevAttrMaxSharedMemoryPerBlock);
    EXPECT_EQ(hipDeviceAttributeSharedMemPerBlockOptin, cudaDevAttrMaxSharedMemoryPerBlockOptin);
}

cudaDeviceProp h100_like_properties() {
    cudaDeviceProp c{};
    std::snprintf(c.name, sizeof c.name, "%s", "NVIDIA H100 80GB HBM3");
    c.totalGlobalMem = size_t{85} << 30;
    c.sharedMemPerBlock = 49152;
    c.sharedMemPerBlockOptin = 232448;
    c.sharedMemPerMultiprocessor = 233472;
    c.regsPerBlock = 65536;
    c.warpSize = 32;
    c.maxThreadsPerBlock = 1024;
    c.maxThreadsDim[0] = 1024;
    c.maxThreadsDim[1] = 1024;
    c.maxThreadsDim[2] = 64;
    c.maxGridSize[0] = 2147483647;
    c.maxGridSize[1] = 65535;
    c.maxGridSize[2] = 65535;
    c.major = 9;
    c.minor = 0;
    c.multiProcessorCount = 132;
    c.memoryBusWidth = 5120;
    c.l2CacheSize = 52428800;
    c.maxThreadsPerMultiProcessor = 2048;
    c.pciBusID = 0x1b;
    c.cooperativeLaunch = 1;
    c.managedMemory = 1;
    c.maxBlocksPerMultiProcessor = 32;
    return c;
}

TEST(HipDeviceProp, FilledFromCudaPropertiesAndAttributes) {
    hipkb::hip_on_cuda::detail::device_prop_attributes extra;
    extra.clock_rate_khz = 1980000;
    extra.memory_clock_rate_khz = 2619000;
    extra.compute_mode = 0;
    extra.kernel_exec_timeout = 1;
    const hipDeviceProp_t p = hipkb::hip_on_cuda::detail::make_device_prop(h100_like_properties(), extra);
    EXPECT_STREQ(p.name, "NVIDIA H100 80GB HBM3");
    EXPECT_STREQ(p.gcnArchName, "sm_90");
    EXPECT_EQ(p.totalGlobalMem, size_t{85} << 30);
    EXPECT_EQ(p.warpSize, 32);
    EXPECT_EQ(p.multiProcessorCount, 132);
    EXPECT_EQ(p.l2CacheSize, 52428800);
    EXPECT_EQ(p.memoryBusWidth, 5120);
    EXPECT_EQ(p.clockRate, 1980000);
    EXPECT_EQ(p.clockInstructionRate, 1980000);
    EXPECT_EQ(p.memoryClockRate, 2619000);
    EXPECT_EQ(p.kernelExecTimeoutEnabled, 1);
    EXPECT_EQ(p.computeMode, 0);
    EXPECT_EQ(p.major, 9);
    EXPECT_EQ(p.minor, 0);
    EXPECT_EQ(p.maxThreadsPerBlock, 1024);
    EXPECT_EQ(p.maxThreadsDim[2], 64);
    EXPECT_EQ(p.maxGridSize[0], 2147483647);
    EXPECT_EQ(p.sharedMemPerBlock, 49152u);
    EXPECT_EQ(p.sharedMemPerBlockOptin, 232448u);
    EXPECT_EQ(p.sharedMemPerMultiprocessor, 233472u);
    EXPECT_EQ(p.maxSharedMemoryPerMultiProcessor, 233472u);
    EXPECT_EQ(p.maxThreadsPerMultiProcessor, 2048);
    EXPECT_EQ(p.regsPerBlock, 65536);
    EXPECT_EQ(p.pciBusID, 0x1b);
    EXPECT_EQ(p.cooperativeLaunch, 1);
    EXPECT_EQ(p.managedMemory, 1);
    EXPECT_EQ(p.maxBlocksPerMultiProcessor, 32);
}

TEST(HipDeviceProp, ArchNameFollowsComputeCapability) {
    cudaDeviceProp c = h100_like_properties();
    c.major = 12;
    c.minor = 0;
    EXPECT_STREQ(hipkb::hip_on_cuda::detail::make_device_prop(c, {}).gcnArchName, "sm_120");
    c.major = 8;
    c.minor = 9;
    EXPECT_STREQ(hipkb::hip_on_cuda::detail::make_device_prop(c, {}).gcnArchName, "sm_89");
}

TEST(HipDeviceProp, NameIsTerminatedEvenIfCudasIsNot) {
    cudaDeviceProp c = h100_like_properties();
    std::memset(c.name, 'x', sizeof c.name);
    const hipDeviceProp_t p = hipkb::hip_on_cuda::detail::make_device_prop(c, {});
    EXPECT_EQ(std::strlen(p.name), sizeof p.name - 1);
}

// Argument checks the layer does itself, before calling CUDA.
TEST(HipRuntimeWithoutGpu, RejectsNullOutputsAndBadFlags) {
    EXPECT_EQ(hipInit(1), hipErrorInvalidValue);
    EXPECT_EQ(hipGetDeviceProperties(nullptr, 0), hipErrorInvalidValue);
    EXPECT_EQ(hipDeviceGetName(nullptr, 16, 0), hipErrorInvalidValue);
    char name[4];
    EXPECT_EQ(hipDeviceGetName(name, 0, 0), hipErrorInvalidValue);
    int major = 0;
    EXPECT_EQ(hipDeviceComputeCapability(&major, nullptr, 0), hipErrorInvalidValue);
    EXPECT_EQ(hipDeviceTotalMem(nullptr, 0), hipErrorInvalidValue);
    EXPECT_EQ(hipDeviceGet(nullptr, 0), hipErrorInvalidValue);
    EXPECT_EQ(hipGetDeviceCount(nullptr), hipErrorInvalidValue);
}

// The contract the harness relies on to skip cleanly: either a device is
// there, or the call fails with "no device" / "no driver" and a count of 0.
TEST(HipRuntimeWithoutGpu, DeviceCountIsZeroWithANamedErrorWhenThereIsNoGpu) {
    int count = -1;
    const hipError_t err = hipGetDeviceCount(&count);
    if (err == hipSuccess) {
        EXPECT_GT(count, 0);
        return;
    }
    EXPECT_EQ(count, 0);
    EXPECT_TRUE(err == hipErrorNoDevice || err == hipErrorInsufficientDriver) << hipGetErrorName(err);
    EXPECT_EQ(std::string(hipGetErrorName(err)).rfind("hipError", 0), 0u) << hipGetErrorName(err);
    hipDevice_t device = 0;
    EXPECT_NE(hipDeviceGet(&device, 0), hipSuccess);
}

TEST(HipMemory, DeviceIdsBecomeCuda13Locations) {
    const cudaMemLocation host = hipkb::hip_on_cuda::detail::memory_location(hipCpuDeviceId);
    EXPECT_EQ(host.type, cudaMemLocationTypeHost);
    const cudaMemLocation device = hipkb::hip_on_cuda::detail::memory_location(3);
    EXPECT_EQ(device.type, cudaMemLocationTypeDevice);
    EXPECT_EQ(device.id, 3);
}

TEST(HipVectorTypes, FloatArithmeticIsElementWise) {
    const float4 a = make_float4(1.0f, 2.0f, 3.0f, 4.0f);
    const float4 b = make_float4(0.5f, -1.0f, 2.0f, 8.0f);
    const float4 sum = a + b;
    EXPECT_EQ(sum.x, 1.5f);
    EXPECT_EQ(sum.y, 1.0f);
    EXPECT_EQ(sum.z, 5.0f);
    EXPECT_EQ(sum.w, 12.0f);
    const float4 mixed = 2.0f * a - b / 2.0f;
    EXPECT_EQ(mixed.x, 1.75f);
    EXPECT_EQ(mixed.y, 4.5f);
    EXPECT_EQ(mixed.z, 5.0f);
    EXPECT_EQ(mixed.w, 4.0f);
    float4 c = a;
    c *= b;
    c += 1.0f;
    EXPECT_EQ(c.x, 1.5f);
    EXPECT_EQ(c.y, -1.0f);
    EXPECT_EQ(c.z, 7.0f);
    EXPECT_EQ(c.w, 33.0f);
    const float2 scaled = make_float2(3.0f, -6.0f) / 3;  // an int scalar converts to the element type
    EXPECT_EQ(scaled.x, 1.0f);
    EXPECT_EQ(scaled.y, -2.0f);
}

TEST(HipVectorTypes, UnaryMinusIsElementWiseNegation) {
    const float2 n = -make_float2(0.0f, 2.5f);
    EXPECT_TRUE(std::signbit(n.x)) << "-(+0.0f) must be -0.0f";
    EXPECT_EQ(n.y, -2.5f);
    const uint2 u = -make_uint2(1u, 0u);
    EXPECT_EQ(u.x, 0xffffffffu);
    EXPECT_EQ(u.y, 0u);
}

TEST(HipVectorTypes, IntegerElementsKeepTheirType) {
    const int2 d = make_int2(7, -9) / 2;
    EXPECT_EQ(d.x, 3);
    EXPECT_EQ(d.y, -4);
    const int2 m = make_int2(7, -9) * 3 + make_int2(1, 1);
    EXPECT_EQ(m.x, 22);
    EXPECT_EQ(m.y, -26);
    const uchar4 w = make_uchar4(250, 1, 2, 3) + make_uchar4(10, 1, 1, 1);
    EXPECT_EQ(w.x, 4);  // wraps like unsigned char arithmetic stored back
    EXPECT_EQ(w.w, 4);
    static_assert(std::is_same_v<decltype(make_char2(1, 2) + make_char2(3, 4)), char2>);
    static_assert(std::is_same_v<decltype(make_double3(1, 2, 3) * 2.0), double3>);
    const longlong2 big = make_longlong2(1LL << 40, 1) * 2LL;
    EXPECT_EQ(big.x, 1LL << 41);
}

TEST(HipVectorTypes, UserDefinedOperatorIsPreferred) {
    const short2 r = make_short2(1, 2) + make_short2(3, 4);
    EXPECT_EQ(r.x, 104);
    EXPECT_EQ(r.y, 106);
    const short2 s = make_short2(1, 2) - make_short2(3, 4);  // no user operator-: the layer's
    EXPECT_EQ(s.x, -2);
    EXPECT_EQ(s.y, -2);
}

std::uint16_t bf16_bits(float value) { return hip_bfloat16(value).data; }
float from_bits(std::uint32_t bits) {
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

TEST(HipBfloat16, RoundsToNearestEven) {
    static_assert(std::is_trivially_default_constructible_v<hip_bfloat16>);
    static_assert(sizeof(hip_bfloat16) == 2);
    EXPECT_EQ(bf16_bits(1.0f), 0x3f80);
    EXPECT_EQ(bf16_bits(-1.5f), 0xbfc0);
    EXPECT_EQ(bf16_bits(from_bits(0x3f808000u)), 0x3f80);  // tie, even stays
    EXPECT_EQ(bf16_bits(from_bits(0x3f818000u)), 0x3f82);  // tie, odd rounds up
    EXPECT_EQ(bf16_bits(from_bits(0x3f808001u)), 0x3f81);  // just above the tie
    EXPECT_EQ(bf16_bits(from_bits(0x3f807fffu)), 0x3f80);  // just below the tie
    EXPECT_EQ(bf16_bits(from_bits(0x7f7fffffu)), 0x7f80);  // FLT_MAX rounds to +inf
    EXPECT_EQ(bf16_bits(from_bits(0x7f800000u)), 0x7f80);  // +inf stays
}

TEST(HipBfloat16, NanStaysNanAndTruncateDropsBits) {
    const hip_bfloat16 quiet(from_bits(0x7fc00000u));
    EXPECT_TRUE(std::isnan(static_cast<float>(quiet)));
    const hip_bfloat16 signaling(from_bits(0x7f800001u));  // payload only in the dropped bits
    EXPECT_TRUE(std::isnan(static_cast<float>(signaling)));
    const hip_bfloat16 negative_nan(from_bits(0xffc00001u));
    EXPECT_TRUE(std::isnan(static_cast<float>(negative_nan)));
    EXPECT_TRUE(std::signbit(static_cast<float>(negative_nan)));
    EXPECT_EQ(hip_bfloat16(from_bits(0x3f81ffffu), hip_bfloat16::truncate).data, 0x3f81);
}

TEST(HipBfloat16, ArithmeticAndComparisonGoThroughFloat) {
    const hip_bfloat16 a(1.5f);
    const hip_bfloat16 b(2.25f);
    EXPECT_EQ(static_cast<float>(a + b), 3.75f);
    EXPECT_EQ(static_cast<float>(b - a), 0.75f);
    EXPECT_EQ(static_cast<float>(a * b), 3.375f);
    EXPECT_EQ(static_cast<float>(b / hip_bfloat16(0.5f)), 4.5f);
    EXPECT_EQ(static_cast<float>(-a), -1.5f);
    hip_bfloat16 c = a;
    c += b;
    c *= hip_bfloat16(2.0f);
    EXPECT_EQ(static_cast<float>(c), 7.5f);
    EXPECT_TRUE(a < b);
    EXPECT_TRUE(b >= a);
    EXPECT_TRUE(a == hip_bfloat16(1.5f));
    EXPECT_TRUE(a != b);
    const float widened = a;  // implicit, exact
    EXPECT_EQ(widened, 1.5f);
}

TEST(HipHalfTypes, HipNamesAreCudasTypes) {
    static_assert(std::is_same_v<__hip_bfloat16, __nv_bfloat16>);
    static_assert(std::is_same_v<__hip_bfloat162, __nv_bfloat162>);
    static_assert(std::is_same_v<half, __half>);
    EXPECT_EQ(__half2float(__float2half(0.25f)), 0.25f);
    EXPECT_EQ(__bfloat162float(__float2bfloat16(3.0f)), 3.0f);
}

TEST(HipComplex, ForwardsToCuComplex) {
    const hipFloatComplex a = make_hipFloatComplex(1.0f, 2.0f);
    const hipFloatComplex b = make_hipFloatComplex(3.0f, 4.0f);
    const hipFloatComplex p = hipCmulf(a, b);
    EXPECT_EQ(hipCrealf(p), -5.0f);
    EXPECT_EQ(hipCimagf(p), 10.0f);
    EXPECT_EQ(hipCabsf(b), 5.0f);
    EXPECT_EQ(hipCimagf(hipConjf(a)), -2.0f);
    const hipDoubleComplex q = hipCsub(make_hipDoubleComplex(1.0, 1.0), make_hipDoubleComplex(0.5, 2.0));
    EXPECT_EQ(hipCreal(q), 0.5);
    EXPECT_EQ(hipCimag(q), -1.0);
    EXPECT_EQ(hipCrealf(hipComplexDoubleToFloat(q)), 0.5f);
}

}  // namespace
