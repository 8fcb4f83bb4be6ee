// Checks a built hipkb tree: every reference module exists, every candidate
// compiled or failed as its metadata's expected_verdict says, and every
// module exports only the entry point (so same-named kernels cannot clash).
#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/manifest.hpp>
#include <hipkb/core/process.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <sstream>

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

int main(int argc, char** argv) {
    if (argc != 2) {
        fmt::print(stderr, "usage: hipkb_check_build <build dir>\n");
        return 2;
    }
    const fs::path build = argv[1];
    const hipkb::manifest suite = hipkb::load_manifest(build / "hipkb_manifest.json");
    int candidates = 0;
    for (const auto& bench : suite.benches) {
        if (bench.kind != "candidate") continue;
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
        ++modules;
        const auto symbols = exported_symbols(entry.path());
        if (!symbols.contains("hipkb_run")) fail(fmt::format("{} does not export hipkb_run", entry.path().string()));
        for (const auto& name : symbols) {
            if (!allowed.contains(name)) {
                fail(fmt::format("{} exports '{}': only the entry point may be visible", entry.path().string(), name));
            }
        }
    }
    fmt::print("{} platform: {} candidates, {} modules checked, {} failures\n", suite.platform, candidates, modules,
               g_failures);
    if (modules == 0) fail("no modules were built");
    return g_failures == 0 ? 0 : 1;
}
