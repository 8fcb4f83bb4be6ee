// The source policy check on small candidates written here: each forbidden
// category is found on its line; comments, strings, device code and the
// ordinary launch code of a candidate are not.
#include "policy_test_support.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace hipkb::policy {
namespace {

using test::check;

std::string summary(const check_result& result) {
    std::string text;
    for (const finding& found : result.findings) {
        text += found.file + ":" + std::to_string(found.line) + ": " + found.construct + " (" + found.category + ")\n";
    }
    for (const std::string& error : result.parse_errors) text += "parse error: " + error + "\n";
    return text.empty() ? "(no findings)" : text;
}

struct forbidden_case {
    const char* name;
    std::string body;  // its forbidden construct on body line `line` (file line line + 2)
    unsigned line;
    std::string construct;
    std::string category;
};

// GoogleTest names a case by its parameter: the case's name, not its bytes.
void PrintTo(const forbidden_case& c, std::ostream* out) { *out << c.name; }

class ForbiddenCategory : public ::testing::TestWithParam<forbidden_case> {};

TEST_P(ForbiddenCategory, IsFoundOnItsLine) {
    const forbidden_case& c = GetParam();
    const check_result result = check(c.body);
    EXPECT_TRUE(result.parse_errors.empty()) << summary(result);
    ASSERT_EQ(result.findings.size(), 1u) << summary(result);
    EXPECT_EQ(result.findings[0].file, "candidate.hip");
    EXPECT_EQ(result.findings[0].line, c.line + 2) << summary(result);
    EXPECT_EQ(result.findings[0].construct, c.construct);
    EXPECT_EQ(result.findings[0].category, c.category);
    EXPECT_FALSE(result.ok());
}

const std::string run_open = "extern \"C\" int hipkb_run(const hipkb_args* args) {\n";

INSTANTIATE_TEST_SUITE_P(
    Policy, ForbiddenCategory,
    ::testing::Values(
        forbidden_case{"fopen",
                       "#include <cstdio>\n" + run_open +
                           "    FILE* f = fopen(\"/tmp/out\", \"w\");\n    return f != nullptr;\n}\n",
                       3, "fopen", "file_io"},
        forbidden_case{"ofstream",
                       "#include <fstream>\n" + run_open + "    std::ofstream out(\"/tmp/out\");\n    return 0;\n}\n",
                       3, "std::basic_ofstream", "file_io"},
        forbidden_case{"posix_write", "#include <unistd.h>\n" + run_open + "    return (int)write(1, \"x\", 1);\n}\n",
                       3, "write", "file_io"},
        forbidden_case{"socket",
                       "#include <sys/socket.h>\n" + run_open + "    return socket(AF_INET, SOCK_STREAM, 0);\n}\n", 3,
                       "socket", "network"},
        forbidden_case{"thread",
                       "#include <thread>\n" + run_open + "    std::thread([] {}).detach();\n    return 0;\n}\n", 3,
                       "std::thread", "threads"},
        forbidden_case{"async",
                       "#include <future>\n" + run_open +
                           "    auto done = std::async([] { return 0; });\n    return done.get();\n}\n",
                       3, "std::async", "threads"},
        forbidden_case{"pthread_create",
                       "#include <pthread.h>\nstatic void* work(void*) { return nullptr; }\n" + run_open +
                           "    pthread_t t;\n    return pthread_create(&t, nullptr, work, nullptr);\n}\n",
                       5, "pthread_create", "threads"},
        forbidden_case{
            "dlsym",
            "#include <dlfcn.h>\n" + run_open + "    return dlsym(RTLD_NEXT, \"hipEventRecord\") != nullptr;\n}\n", 3,
            "dlsym", "dynamic_loading"},
        forbidden_case{
            "mprotect",
            "#include <sys/mman.h>\n" + run_open + "    return mprotect(nullptr, 4096, PROT_READ | PROT_WRITE);\n}\n",
            3, "mprotect", "memory_protection"},
        forbidden_case{"sigaction",
                       "#include <signal.h>\n" + run_open +
                           "    struct sigaction action{};\n    return sigaction(SIGALRM, &action, nullptr);\n}\n",
                       4, "sigaction", "signals"},
        forbidden_case{"atexit",
                       "#include <cstdlib>\nstatic void late() {}\n" + run_open + "    return std::atexit(late);\n}\n",
                       4, "atexit", "exit_handlers"},
        forbidden_case{
            "getenv",
            "#include <cstdlib>\n" + run_open + "    return std::getenv(\"HIPKB_SEED_SECRET\") != nullptr;\n}\n", 3,
            "getenv", "environment"},
        forbidden_case{"system", "#include <cstdlib>\n" + run_open + "    return std::system(\"true\");\n}\n", 3,
                       "system", "process_creation"},
        forbidden_case{"popen", "#include <cstdio>\n" + run_open + "    return popen(\"true\", \"r\") != nullptr;\n}\n",
                       3, "popen", "process_creation"},
        forbidden_case{"host_asm", run_open + "    asm volatile(\"nop\");\n    return 0;\n}\n", 2, "inline asm",
                       "inline_asm"},
        forbidden_case{"global_constructor",
                       "#include <vector>\nstatic std::vector<float> cache(1024);\n" + run_open +
                           "    return (int)cache.size();\n}\n",
                       2, "global object with dynamic initialisation (cache)", "global_constructor"},
        forbidden_case{"global_destructor",
                       "struct flush_at_exit {\n    ~flush_at_exit() { counter = 0; }\n    int counter = 0;\n};\n"
                       "flush_at_exit g_flush;\n" +
                           run_open + "    return g_flush.counter;\n}\n",
                       5, "global object with dynamic initialisation (g_flush)", "global_constructor"},
        forbidden_case{"constructor_attribute",
                       "__attribute__((constructor)) static void before_main() {}\n" + run_open + "    return 0;\n}\n",
                       1, "__attribute__((constructor/destructor))", "global_constructor"},
        forbidden_case{"stream_create",
                       run_open + "    hipStream_t mine;\n    return (int)hipStreamCreate(&mine);\n}\n", 3,
                       "hipStreamCreate", "other_stream"},
        forbidden_case{
            "event_record",
            run_open +
                "    hipEvent_t e;\n    return (int)hipEventRecord(e, static_cast<hipStream_t>(args->stream));\n}\n",
            3, "hipEventRecord", "other_stream"},
        forbidden_case{"null_stream_launch",
                       "__global__ void k(float* y) { y[threadIdx.x] = 0.0f; }\n" + run_open +
                           "    k<<<1, 64>>>(static_cast<float*>(args->outputs[0]));\n    return 0;\n}\n",
                       3, "kernel launch on the null stream", "other_stream"},
        forbidden_case{"copy_to_host",
                       "#include <vector>\n" + run_open +
                           "    std::vector<float> host(16);\n"
                           "    return (int)hipMemcpy(host.data(), args->inputs[0], 64, hipMemcpyDeviceToHost);\n}\n",
                       4, "hipMemcpy (hipMemcpyDeviceToHost)", "host_copy"},
        forbidden_case{"copy_from_host_async",
                       "static float table[16];\n" + run_open +
                           "    return (int)hipMemcpyAsync(args->outputs[0], table, 64, hipMemcpyHostToDevice,\n"
                           "                               static_cast<hipStream_t>(args->stream));\n}\n",
                       3, "hipMemcpyAsync (hipMemcpyHostToDevice)", "host_copy"}),
    [](const ::testing::TestParamInfo<forbidden_case>& info) { return std::string(info.param.name); });

TEST(HostCodePolicy, TheSameWordsInCommentsAndStringsAreNotFound) {
    const check_result result = check(
        "// fopen(\"/tmp/x\"), std::thread, getenv(\"HOME\"), dlsym, asm(\"nop\")\n"
        "/* hipMemcpy(host, device, n, hipMemcpyDeviceToHost); system(\"rm\"); */\n"
        "extern \"C\" int hipkb_run(const hipkb_args* args) {\n"
        "    const char* text = \"fopen std::thread atexit getenv popen hipStreamCreate\";\n"
        "    return text[0] == 'f' ? 0 : 1;\n"
        "}\n");
    EXPECT_TRUE(result.ok()) << summary(result);
    EXPECT_TRUE(result.parse_errors.empty()) << summary(result);
}

TEST(HostCodePolicy, ACallHiddenBehindAMacroIsFoundWhereTheMacroIsUsed) {
    const check_result result = check(
        "#include <cstdio>\n"
        "#define OPEN_QUIETLY(path) fopen(path, \"w\")\n"
        "#define NOTHING_TO_SEE(x) OPEN_QUIETLY(x)\n"
        "extern \"C\" int hipkb_run(const hipkb_args* args) {\n"
        "    return NOTHING_TO_SEE(\"/tmp/out\") != nullptr;\n"
        "}\n");
    ASSERT_EQ(result.findings.size(), 1u) << summary(result);
    EXPECT_EQ(result.findings[0].construct, "fopen");
    EXPECT_EQ(result.findings[0].line, 7u);
}

TEST(HostCodePolicy, DeviceCodeMayUseWhatHostCodeMayNot) {
    const check_result result = check(
        "__device__ unsigned lane_bits(unsigned x) { unsigned y; asm volatile(\"\" : \"=r\"(y) : \"0\"(x)); return y; "
        "}\n"
        "__device__ int write(int x) { return x + 1; }\n"
        "__global__ void k(int* y) { y[threadIdx.x] = write((int)lane_bits(threadIdx.x)); }\n"
        "extern \"C\" int hipkb_run(const hipkb_args* args) {\n"
        "    k<<<1, 64, 0, static_cast<hipStream_t>(args->stream)>>>(static_cast<int*>(args->outputs[0]));\n"
        "    return (int)hipGetLastError();\n"
        "}\n");
    EXPECT_TRUE(result.ok()) << summary(result);
}

TEST(HostCodePolicy, LaunchArithmeticAndLaunchesOnArgsStreamAreAllowed) {
    const check_result result = check(
        "#include <algorithm>\n"
        "#include <cstdint>\n"
        "constexpr int kBlock = 256;\n"
        "static const float kScale[4] = {1.0f, 2.0f, 3.0f, 4.0f};\n"
        "__device__ float partials[1024];\n"
        "__global__ void scale(const float* x, float* y, int64_t n) {\n"
        "    const int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x;\n"
        "    if (i < n) y[i] = x[i] * kScale[i % 4] + partials[0];\n"
        "}\n"
        "static int blocks_for(int64_t n) { return (int)std::min<int64_t>((n + kBlock - 1) / kBlock, 65535); }\n"
        "extern \"C\" int hipkb_run(const hipkb_args* args) {\n"
        "    const auto* x = static_cast<const float*>(args->inputs[0]);\n"
        "    auto* y = static_cast<float*>(args->outputs[0]);\n"
        "    const int64_t n = args->dims[0] * args->dims[1];\n"
        "    const auto stream = static_cast<hipStream_t>(args->stream);\n"
        "    (void)hipMemsetAsync(y, 0, n * sizeof(float), stream);\n"
        "    (void)hipMemcpyAsync(y, x, n * sizeof(float), hipMemcpyDeviceToDevice, stream);\n"
        "    scale<<<blocks_for(n), kBlock, 0, stream>>>(x, y, n);\n"
        "    hipLaunchKernelGGL(scale, dim3(blocks_for(n)), dim3(kBlock), 0, stream, x, y, n);\n"
        "    return static_cast<int>(hipGetLastError());\n"
        "}\n");
    EXPECT_TRUE(result.ok()) << summary(result);
    EXPECT_TRUE(result.parse_errors.empty()) << summary(result);
}

TEST(HostCodePolicy, GlobalsMadeWithoutRunningCodeAreAllowed) {
    const check_result result = check(
        "#include <atomic>\n"
        "struct launch_shape {\n    int block = 256;\n    float scale = 0.5f;\n};\n"
        "struct tile { constexpr tile(int w) : width(w) {} int width; };\n"
        "static launch_shape g_shape;\n"
        "static const launch_shape g_other{512, 1.0f};\n"
        "static tile g_tile(16);\n"
        "static std::atomic<int> g_calls{0};\n"
        "static const char* const g_name = \"relu\";\n"
        "extern \"C\" int hipkb_run(const hipkb_args* args) {\n"
        "    static int calls = 0;\n"
        "    return g_shape.block + g_other.block + g_tile.width + g_calls.load() + calls + g_name[0] - "
        "args->num_inputs;\n"
        "}\n");
    EXPECT_TRUE(result.ok()) << summary(result);
    EXPECT_TRUE(result.parse_errors.empty()) << summary(result);
}

TEST(HostCodePolicy, ACandidatesOwnFunctionWithALibraryNameIsAllowed) {
    const check_result result = check(
        "static int write(int value) { return value * 2; }\n"
        "extern \"C\" int hipkb_run(const hipkb_args* args) { return write(args->num_inputs) - 2 * args->num_inputs; "
        "}\n");
    EXPECT_TRUE(result.ok()) << summary(result);
}

TEST(HostCodePolicy, AnExceptionIsHonouredOnlyWhereExceptionsAreAllowed) {
    const std::string body =
        "#include <cstdio>\n"
        "// hipkb-policy-allow: fopen: reads a lookup table the example ships beside itself\n"
        "extern \"C\" int hipkb_run(const hipkb_args* args) {\n"
        "    return fopen(\"table.bin\", \"rb\") != nullptr;\n"
        "}\n";
    const check_result example = check(body, true);
    EXPECT_TRUE(example.ok()) << summary(example);
    ASSERT_EQ(example.excused.size(), 1u);
    EXPECT_EQ(example.excused[0].reason, "reads a lookup table the example ships beside itself");

    const check_result generated = check(body, false);
    ASSERT_EQ(generated.findings.size(), 1u) << summary(generated);
    EXPECT_EQ(generated.findings[0].construct, "fopen");
    ASSERT_EQ(generated.refused_exceptions.size(), 1u);
    EXPECT_NE(generated.refused_exceptions[0].find("refused"), std::string::npos);
}

TEST(HostCodePolicy, AnExceptionForAnotherConstructExcusesNothing) {
    const check_result result = check(
        "#include <cstdlib>\n"
        "// hipkb-policy-allow: fopen: not what this file does\n"
        "extern \"C\" int hipkb_run(const hipkb_args* args) { return std::getenv(\"X\") != nullptr; }\n",
        true);
    ASSERT_EQ(result.findings.size(), 1u) << summary(result);
    EXPECT_EQ(result.findings[0].construct, "getenv");
}

TEST(HostCodePolicy, ExceptionsAreAllowedForExamplesAndNeverForGeneratedRuns) {
    EXPECT_TRUE(exceptions_allowed_for("/src/generated/examples/relu/vectorized.hip", "/src/generated"));
    EXPECT_FALSE(exceptions_allowed_for("/src/generated/gpt4o/relu/sample_0.hip", "/src/generated"));
    EXPECT_FALSE(exceptions_allowed_for("/src/generated/examples/../gpt4o/relu/sample_0.hip", "/src/generated"));
    EXPECT_FALSE(exceptions_allowed_for("/src/generated/examples_evil/relu/a.hip", "/src/generated"));
    EXPECT_FALSE(exceptions_allowed_for("/elsewhere/examples/relu/a.hip", "/src/generated"));
}

TEST(HostCodePolicy, AHostPlatformCandidateIsParsedAsCxxAndNamedByItsFile) {
    check_options options = test::candidate_options();
    options.rewrite_launches = false;
    const check_result result = check_host_code(
        "#include <hipkb/entry.h>\n#include <cstdlib>\n"
        "extern \"C\" int hipkb_run(const hipkb_args* args) { return std::getenv(\"X\") != nullptr; }\n",
        "saxpy/sample.cpp", options);
    ASSERT_EQ(result.findings.size(), 1u) << summary(result);
    EXPECT_EQ(result.findings[0].file, "saxpy/sample.cpp");
    EXPECT_EQ(result.findings[0].line, 3u);
    EXPECT_EQ(result.findings[0].construct, "getenv");
}

TEST(HostCodePolicy, TheJsonNamesFileLineColumnConstructAndCategory) {
    const check_result result = check(
        "#include <cstdlib>\nextern \"C\" int hipkb_run(const hipkb_args* args) { return std::system(\"x\"); }\n");
    const nlohmann::json json = to_json(result);
    EXPECT_FALSE(json.at("ok").get<bool>());
    ASSERT_EQ(json.at("findings").size(), 1u);
    const nlohmann::json& found = json.at("findings")[0];
    EXPECT_EQ(found.at("file"), "candidate.hip");
    EXPECT_EQ(found.at("line"), 4);
    EXPECT_GT(found.at("column").get<int>(), 0);
    EXPECT_EQ(found.at("construct"), "system");
    EXPECT_EQ(found.at("category"), "process_creation");
}

}  // namespace
}  // namespace hipkb::policy
