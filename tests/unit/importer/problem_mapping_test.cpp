#include <hipkb/importer/problem_mapping.hpp>

#include <hipkb/core/spec.hpp>

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

namespace {

using hipkb::importer::map_hip_program;

const char* const elementwise = R"(
#include <hip/hip_runtime.h>
#define N (1 << 20)
__global__ void twice(const float* __restrict__ x, float* y, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = 2.0f * x[i];
}
void launch(const float* d_x, float* d_y, int n) {
    const int threads = 256;
    const int blocks = (n + threads - 1) / threads;
    twice<<<blocks, threads>>>(d_x, d_y, n);
}
int main() {
    float *d_x, *d_y;
    hipMalloc(&d_x, N * sizeof(float));
    hipMalloc(&d_y, N * sizeof(float));
    launch(d_x, d_y, N);
    return 0;
}
)";

TEST(ProblemMapping, ConstPointerIsInputPlainPointerOutputAndIntegerADimWithTheProgramsValue) {
    const auto result = map_hip_program(elementwise, {"twice", "hip_code/hip_twice.hip", 1});
    ASSERT_TRUE(result.problem) << result.skip_reason;
    const auto& spec = result.problem->spec;
    EXPECT_EQ(spec["inputs"][0]["name"], "x");
    EXPECT_EQ(spec["inputs"][0]["dtype"], "fp32");
    EXPECT_EQ(spec["outputs"][0]["name"], "y");
    EXPECT_EQ(spec["dims"][0]["name"], "n");
    EXPECT_EQ(spec["dims"][0]["value"], 1 << 20);
    EXPECT_EQ(spec["dims"][0]["test"], 301);
    EXPECT_EQ(spec["outputs"][0]["shape"][0], "n");
    EXPECT_EQ(spec["imported"]["status"], "needs_review");
}

TEST(ProblemMapping, ReferenceKeepsTheKernelDropsMainAndLaunchesOnTheHarnessStream) {
    const auto result = map_hip_program(elementwise, {"twice", "hip_code/hip_twice.hip", 1});
    ASSERT_TRUE(result.problem) << result.skip_reason;
    const std::string& hip = result.problem->reference_hip;
    EXPECT_NE(hip.find("__global__ void twice(const float* __restrict__ x, float* y, int n)"), std::string::npos);
    EXPECT_EQ(hip.find("int main"), std::string::npos);
    EXPECT_EQ(hip.find("hipMalloc"), std::string::npos);
    EXPECT_NE(hip.find("const int blocks = (n + threads - 1) / threads;"), std::string::npos) << hip;
    EXPECT_NE(hip.find("twice<<<blocks, threads, 0, stream>>>(d_x, d_y, n);"), std::string::npos) << hip;
    EXPECT_NE(hip.find("extern \"C\" int hipkb_run(const hipkb_args* args)"), std::string::npos);
}

TEST(ProblemMapping, HipLaunchKernelGGLKeepsSharedBytesAndReadsThePartialBufferSizeFromItsAllocation) {
    const char* const source = R"(
#include <hip/hip_runtime.h>
__global__ void partial_sums(const float* in, float* partial, int n) {
    extern __shared__ float cache[];
    cache[threadIdx.x] = blockIdx.x * blockDim.x + threadIdx.x < n ? in[blockIdx.x * blockDim.x + threadIdx.x] : 0.0f;
    __syncthreads();
    if (threadIdx.x == 0) partial[blockIdx.x] = cache[0];
}
int main() {
    const int n = 1000000;
    const int block = 128;
    const int grid = (n + block - 1) / block;
    float *d_in, *d_partial;
    hipMalloc(&d_in, n * sizeof(float));
    hipMalloc((void**)&d_partial, grid * sizeof(float));
    hipLaunchKernelGGL(partial_sums, dim3(grid), dim3(block), block * sizeof(float), 0, d_in, d_partial, n);
    return 0;
}
)";
    const auto result = map_hip_program(source, {"partial_sums", "x.hip", 2});
    ASSERT_TRUE(result.problem) << result.skip_reason;
    const auto& spec = result.problem->spec;
    EXPECT_EQ(spec["level"], 2);
    EXPECT_EQ(spec["dims"][0]["value"], 1000000);
    EXPECT_EQ(spec["outputs"][0]["shape"][0], "((n+(128)-1)/(128))");
    EXPECT_NE(
        result.problem->reference_hip.find("partial_sums<<<dim3(grid), dim3(block), block * sizeof(float), stream>>>"),
        std::string::npos)
        << result.problem->reference_hip;
}

TEST(ProblemMapping, DeviceHelperFunctionsAreKeptAsWritten) {
    const char* const source = R"(
#include <hip/hip_runtime.h>
__device__ float square(float v) { return v * v; }
__global__ void squares(const float* x, float* y, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = square(x[i]);
}
void host_helper() {}
int main() {
    int n = 4096;
    float *x, *y;
    hipMalloc(&x, n * sizeof(float));
    hipMalloc(&y, n * sizeof(float));
    squares<<<(n + 255) / 256, 256>>>(x, y, n);
    return 0;
}
)";
    const auto result = map_hip_program(source, {"squares", "x.hip", 1});
    ASSERT_TRUE(result.problem) << result.skip_reason;
    EXPECT_NE(result.problem->reference_hip.find("__device__ float square(float v) { return v * v; }"),
              std::string::npos);
    EXPECT_EQ(result.problem->reference_hip.find("host_helper"), std::string::npos);
}

TEST(ProblemMapping, TwoKernelLaunchesAreSkippedNamingBoth) {
    const char* const source = R"(
__global__ void a(const float* x, float* t, int n) {}
__global__ void b(const float* t, float* y, int n) {}
int main() { int n = 8; float *x, *t, *y; a<<<1, 8>>>(x, t, n); b<<<1, 8>>>(t, y, n); }
)";
    const auto result = map_hip_program(source, {"ab", "x.hip", 1});
    EXPECT_FALSE(result.problem);
    EXPECT_NE(result.skip_reason.find("2 kernel launches (a, b)"), std::string::npos) << result.skip_reason;
}

TEST(ProblemMapping, AFileWithoutAKernelIsSkipped) {
    const auto result = map_hip_program("int main() { return 0; }\n", {"none", "x.hip", 1});
    EXPECT_FALSE(result.problem);
    EXPECT_EQ(result.skip_reason, "no __global__ kernel in the file");
}

TEST(ProblemMapping, ATemplateKernelIsSkipped) {
    const char* const source = R"(
template <typename T> __global__ void copy(const T* x, T* y, int n) {}
int main() { int n = 8; float *x, *y; hipLaunchKernelGGL(copy, dim3(1), dim3(8), 0, 0, x, y, n); }
)";
    const auto result = map_hip_program(source, {"copy", "x.hip", 1});
    EXPECT_FALSE(result.problem);
    EXPECT_NE(result.skip_reason.find("template"), std::string::npos) << result.skip_reason;
}

TEST(ProblemMapping, ADoublePointerIsSkippedForWantOfADtype) {
    const char* const source = R"(
__global__ void k(const double* x, double* y, int n) {}
int main() { int n = 8; double *x, *y; k<<<1, 8>>>(x, y, n); }
)";
    const auto result = map_hip_program(source, {"k", "x.hip", 1});
    EXPECT_FALSE(result.problem);
    EXPECT_NE(result.skip_reason.find("'double'"), std::string::npos) << result.skip_reason;
}

TEST(ProblemMapping, TheSpecSkeletonLoadsAndKeepsItsImportedBlock) {
    const auto result = map_hip_program(elementwise, {"twice", "hip_code/hip_twice.hip", 1});
    ASSERT_TRUE(result.problem) << result.skip_reason;
    const auto dir =
        std::filesystem::temp_directory_path() / ("hipkb_import_spec_" + std::to_string(getpid())) / "twice";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "spec.json") << result.problem->spec.dump(2);
    const hipkb::problem_spec spec = hipkb::load_spec(dir / "spec.json");
    std::filesystem::remove_all(dir.parent_path());
    ASSERT_TRUE(spec.imported);
    EXPECT_EQ(spec.imported->from, "hip_code/hip_twice.hip");
    EXPECT_EQ(spec.imported->status, "needs_review");
    EXPECT_FALSE(spec.imported->notes.empty());
}

}  // namespace

namespace {

TEST(ProblemMapping, LaunchBoundsDoNotHideTheKernelsNameAndAFixedScalarIsPassedAsWritten) {
    const char* const source = R"(
#define ALPHA 0.5f
__global__ void __launch_bounds__(256) leaky(const float* x, float* y, float alpha, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = x[i] > 0.0f ? x[i] : alpha * x[i];
}
int main() { int n = 1 << 16; float *x, *y; hipMalloc(&x, n * sizeof(float)); hipMalloc(&y, n * sizeof(float));
             leaky<<<(n + 255) / 256, 256>>>(x, y, ALPHA, n); }
)";
    const auto result = hipkb::importer::map_hip_program(source, {"leaky", "x.hip", 1});
    ASSERT_TRUE(result.problem) << result.skip_reason;
    EXPECT_EQ(result.problem->spec["dims"].size(), 1u);
    EXPECT_EQ(result.problem->spec["dims"][0]["value"], 1 << 16);
    EXPECT_NE(result.problem->reference_hip.find("leaky<<<(n + 255) / 256, 256, 0, stream>>>(x, y, ALPHA, n);"),
              std::string::npos)
        << result.problem->reference_hip;
}

}  // namespace
