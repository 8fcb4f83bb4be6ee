// Checks a built hipkb tree: every reference module exists, every candidate
// compiled or failed as its metadata's expected_verdict says, and every
// module exports only the entry point (so same-named kernels cannot clash).
// With --vendor-only: every vendor-library baseline the configure found a
// library for compiled (target hipkb_vendor_modules), and nothing else.
#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/manifest.hpp>
#include <hipkb/core/process.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

int g_failures = 0;

void fail(const std::string& message) {
    ++g_failures;
    fmt::print(stderr, "FAIL: {}\n", message);
}

std::string expected_verdict(const hipkb::bench_entry& bench) {
    if (!bench.metadata) return "";
    const auto meta = nlohmann::json::parse(hipkb::read_file(*bench.metadata), nullptr, false);
    return meta.is_object() ? meta.value("expected_verdict", "") : "";
}

// The names a module exports as defined dynamic symbols.
std::set<std::string> exported_symbols(const fs::path& module) {
    const auto result = hipkb::run_process({"nm", "-D", "--defined-only", module.string()});
    std::set<std::string> names;
    if (result.exit_code != 0) {
        fail(fmt::format("nm failed on {}: {}", module.string(), result.output));
        return names;
    }
    std::istringstream lines(result.output);
    std::string line;
    while (std::getline(lines, line)) {
        const auto space = line.find_last_of(' ');
        if (space != std::string::npos) names.insert(line.substr(space + 1));
    }
    return names;
}

}  // namespace

// Every vendor baseline of the build compiled: the compile guard would
// otherwise turn a broken one into a compile_error result, not a build failure.
int check_vendor_baselines(const hipkb::manifest& suite) {
    int vendors = 0;
    for (const auto& bench : suite.benches) {
        if (bench.kind != "vendor") continue;
        ++vendors;
        const std::string status = hipkb::compile_status(bench);
        if (status != "compiled") {
            fail(fmt::format("vendor baseline {} did not compile (status '{}'):\n{}", bench.source.string(), status,
                             bench.compile_log ? hipkb::read_file(*bench.compile_log) : std::string()));
        } else {
            fmt::print("ok: {} {}\n", bench.test, status);
        }
    }
    return vendors;
}

int main(int argc, char** argv) {
    const bool vendor_only = argc == 3 && std::string(argv[1]) == "--vendor-only";
    if (argc != 2 && !vendor_only) {
        fmt::print(stderr, "usage: hipkb_check_build [--vendor-only] <build dir>\n");
        return 2;
    }
    const fs::path build = argv[argc - 1];
    const hipkb::manifest suite = hipkb::load_manifest(build / "hipkb_manifest.json");
    const int vendors = vendor_only ? check_vendor_baselines(suite) : 0;
    if (vendor_only && vendors == 0) {
        fmt::print(
            "SKIPPED: the {} configure found none of the platform's vendor libraries, so no vendor "
            "baseline was built (see its 'vendor libraries not found' line)\n",
            suite.platform);
        return 0;
    }
    int candidates = 0;
    for (const auto& bench : suite.benches) {
        if (vendor_only || bench.kind != "candidate") continue;
        ++candidates;
        const std::string status = hipkb::compile_status(bench);
        const std::string expected = expected_verdict(bench);
        if (expected == "compile_error" && status != "failed") {
            fail(fmt::format("{} is meant not to compile, but its status is '{}'", bench.source.string(), status));
        } else if (expected != "compile_error" && status != "compiled") {
            fail(fmt::format("{} did not compile (status '{}'):\n{}", bench.source.string(), status,
                             bench.compile_log ? hipkb::read_file(*bench.compile_log) : std::string()));
        } else {
            fmt::print("ok: {} {}\n", bench.source.filename().string(), status);
        }
    }
    const std::set<std::string> allowed = {"hipkb_run", "hipkb_compile_failed"};
    int modules = 0;
    const fs::path module_dir = build / "bench-targets" / "modules";
    for (const auto& entry : fs::directory_iterator(module_dir)) {
        if (entry.path().extension() != ".so") continue;
        if (vendor_only && entry.path().filename().string().rfind("hipkb_vendor_", 0) != 0) continue;
        ++modules;
        const auto symbols = exported_symbols(entry.path());
        if (!symbols.contains("hipkb_run")) fail(fmt::format("{} does not export hipkb_run", entry.path().string()));
        for (const auto& name : symbols) {
            if (!allowed.contains(name)) {
                fail(fmt::format("{} exports '{}': only the entry point may be visible", entry.path().string(), name));
            }
        }
    }
    fmt::print("{} platform: {} candidates, {} vendor baselines, {} modules checked, {} failures\n", suite.platform,
               candidates, vendors, modules, g_failures);
    if (modules == 0) fail("no modules were built");
    return g_failures == 0 ? 0 : 1;
}
