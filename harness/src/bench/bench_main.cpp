// main() of every benchmark executable; the executable's own generated
// source provides this_bench().
#include "bench_runner.hpp"

#include <hipkb/core/ctest_resources.hpp>
#include <hipkb/device/device.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    // Under ctest --resource-spec-file, use the GPU CTest gave this test; the
    // runtime reads the visible-devices variables once, at its first call.
    const std::string binding_error = hipkb::bind_to_ctest_gpu(hipkb::platform_name());
    if (!binding_error.empty()) {
        std::fprintf(stderr, "error: %s\n", binding_error.c_str());
        return 1;
    }
    return hipkb::detail::run_bench(hipkb::this_bench(), argc, argv);
}
