// hipkb run, hipkb list, hipkb devices.
#include "commands.hpp"
#include "suite_flags.hpp"

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/benchmark_size_limits.hpp>
#include <hipkb/core/ctest_resources.hpp>
#include <hipkb/core/manifest.hpp>
#include <hipkb/core/spec.hpp>
#include <hipkb/core/visible_devices.hpp>
#include <hipkb/run/suite_runner.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

namespace hipkb::cli {

namespace {

struct list_flags {
    std::string build_dir;
    std::string reference_dir;
    bool check = false;
};

// Every spec.json under reference_dir/<level>/<problem>/, sorted.
std::vector<std::filesystem::path> find_specs(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> specs;
    if (!std::filesystem::is_directory(root)) {
        throw std::runtime_error(fmt::format("{} is not a folder of problems", root.string()));
    }
    for (const auto& level : std::filesystem::directory_iterator(root)) {
        if (!level.is_directory()) continue;
        for (const auto& problem : std::filesystem::directory_iterator(level.path())) {
            if (std::filesystem::exists(problem.path() / "spec.json")) specs.push_back(problem.path() / "spec.json");
        }
    }
    std::sort(specs.begin(), specs.end());
    return specs;
}

// The test sizes are what the references and candidates are proved at (on
// the CPU, too): a size that is a multiple of every tile hides the edge
// handling, so no size dim (one whose test value differs from its benchmark
// value) may be a multiple of 16, and at least one must be odd.
void check_test_sizes(const problem_spec& spec, const std::filesystem::path& file) {
    bool any_size = false;
    bool any_odd = false;
    for (const dim_spec& dim : spec.dims) {
        if (dim.test == dim.value) continue;  // a parameter, not a size
        any_size = true;
        any_odd = any_odd || dim.test % 2 != 0;
        if (dim.test % 16 == 0) {
            throw spec_error(
                fmt::format("{}: dims: '{}' has test size {}, a multiple of 16; test sizes must not be "
                            "multiples of a block or tile size, so that edge handling is checked",
                            file.string(), dim.name, dim.test));
        }
    }
    if (any_size && !any_odd) {
        throw spec_error(
            fmt::format("{}: dims: every test size is even; make at least one odd, so that edge "
                        "handling is checked",
                        file.string()));
    }
}

// "B=16 D1=256 D2=256": the benchmark sizes, as a spec's dims give them.
std::string benchmark_sizes(const problem_spec& spec) {
    std::string text;
    for (const dim_spec& dim : spec.dims) text += fmt::format("{}{}={}", text.empty() ? "" : " ", dim.name, dim.value);
    return text;
}

// "fp32" or "fp16,int64": every dtype of the inputs and outputs, once each.
std::string dtypes_of(const problem_spec& spec) {
    std::vector<std::string> names;
    for (const auto* list : {&spec.inputs, &spec.outputs}) {
        for (const tensor_spec& tensor : *list) {
            const std::string name(to_string(tensor.type));
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
    }
    std::string text;
    for (const std::string& name : names) text += (text.empty() ? "" : ",") + name;
    return text;
}

// "kb" when the problem runs at KernelBench's benchmark size, "scaled" when
// its sizes are scaled down from KernelBench's, "-" without a KernelBench
// counterpart.
std::string kernelbench_size_marker(const problem_spec& spec) {
    if (spec.kernelbench.empty()) return "-";
    return spec.at_kernelbench_sizes() ? "kb" : "scaled";
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ",") + item;
    return text.empty() ? "-" : text;
}

// The vendor baselines beside a problem's reference: the library names of
// vendor/<library>.hip and vendor/<library>.cu, sorted ("cub,cublas,rocprim").
std::vector<std::string> vendor_libraries(const std::filesystem::path& problem_dir) {
    std::vector<std::string> libraries;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(problem_dir / "vendor", error)) {
        const std::string extension = entry.path().extension().string();
        if (!entry.is_regular_file() || (extension != ".hip" && extension != ".cu")) continue;
        libraries.push_back(entry.path().stem().string());
    }
    std::sort(libraries.begin(), libraries.end());
    return libraries;
}

// Rows as left-aligned columns, each as wide as its widest cell.
void print_columns(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
    }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += i + 1 == row.size() ? row[i] : fmt::format("{:<{}}  ", row[i], widths[i]);
        }
        fmt::print("{}\n", line);
    }
}

int list_problems(const list_flags& flags) {
    int bad = 0;
    std::map<std::string, std::filesystem::path> seen;
    std::vector<std::string> without_hand_values;  // goldens not yet checked against golden_cases.json
    std::vector<std::string> size_warnings;
    std::vector<std::vector<std::string>> rows = {
        {"level", "problem", "kernelbench", "dtypes", "golden", "vendor", "tags", "size", "benchmark sizes"}};
    for (const auto& file : find_specs(flags.reference_dir)) {
        try {
            const problem_spec spec = load_spec(file);
            const std::string folder = file.parent_path().filename().string();
            if (spec.name != folder) {
                throw spec_error(
                    fmt::format("{}: field 'name' is '{}' but the folder is '{}'", file.string(), spec.name, folder));
            }
            if (const auto [other, fresh] = seen.emplace(spec.name, file); !fresh) {
                throw spec_error(
                    fmt::format("{}: problem name '{}' is also used by {}; names must be unique "
                                "across levels",
                                file.string(), spec.name, other->second.string()));
            }
            check_test_sizes(spec, file);
            size_limit_findings limits = check_benchmark_size_limits(spec);
            if (!limits.errors.empty()) {
                std::string all = limits.errors.front();
                for (std::size_t i = 1; i < limits.errors.size(); ++i) all += "\nerror: " + limits.errors[i];
                throw spec_error(all);
            }
            for (std::string& warning : limits.warnings) size_warnings.push_back(std::move(warning));
            const bool golden = std::filesystem::exists(file.parent_path() / "golden.cpp");
            if (golden && !std::filesystem::exists(file.parent_path() / "golden_cases.json")) {
                without_hand_values.push_back(spec.name);
            }
            rows.push_back({fmt::format("{}", spec.level), spec.name, spec.kernelbench.empty() ? "-" : spec.kernelbench,
                            dtypes_of(spec), golden ? "yes" : "no", joined(vendor_libraries(file.parent_path())),
                            joined(spec.tags), kernelbench_size_marker(spec), benchmark_sizes(spec)});
        } catch (const spec_error& error) {
            ++bad;
            fmt::print(stderr, "error: {}\n", error.what());
        }
    }
    print_columns(rows);
    // A warning, not an error, until every problem has its hand-computed cases.
    if (flags.check && !without_hand_values.empty()) {
        fmt::print(stderr,
                   "warning: {} problem(s) have no golden_cases.json, so their golden is not checked against "
                   "hand-computed values (docs/problems.md): {}\n",
                   without_hand_values.size(), joined(without_hand_values));
    }
    if (flags.check) {
        for (const std::string& warning : size_warnings) fmt::print(stderr, "warning: {}\n", warning);
    }
    if (flags.check && bad > 0) {
        fmt::print(stderr, "{} problem spec(s) are invalid\n", bad);
        return 1;
    }
    return 0;
}

int list_build(const list_flags& flags) {
    const manifest suite = load_manifest(std::filesystem::path(flags.build_dir) / "hipkb_manifest.json");
    fmt::print("platform {} ({}), {} benchmarks\n", suite.platform, suite.gpu_targets, suite.benches.size());
    for (const auto& bench : suite.benches) {
        fmt::print("{:<50} {:<9} {}\n", bench.test, bench.kind, compile_status(bench));
    }
    return 0;
}

struct devices_flags {
    std::string platform;
    int driver_count = -1;
    std::string resource_spec;
};

// The GPUs `run --jobs` and `ctest --resource-spec-file` share out: the
// driver's, narrowed by the visible-devices variables of this environment.
int list_devices(const devices_flags& flags) {
    const std::string platform = flags.platform.empty() ? installed_gpu_platform() : flags.platform;
    const int driver_count = flags.driver_count >= 0 ? flags.driver_count : driver_gpu_count(platform);
    const std::vector<int> visible = visible_gpus(platform, driver_count, process_environment());
    fmt::print("platform {}: {} GPU(s) from the driver, {} visible\n", platform.empty() ? "none" : platform,
               driver_count, visible.size());
    for (std::size_t i = 0; i < visible.size(); ++i) fmt::print("gpu {} = driver ordinal {}\n", i, visible[i]);
    if (!flags.resource_spec.empty()) {
        write_file_atomically(flags.resource_spec, ctest_resource_spec(visible));
        fmt::print("wrote {} ({} gpus): ctest --resource-spec-file {} -j {} runs one GPU benchmark per GPU\n",
                   flags.resource_spec, visible.size(), flags.resource_spec, std::max<std::size_t>(visible.size(), 1));
    }
    return 0;
}

}  // namespace

void add_run_commands(CLI::App& app) {
    auto* devices = app.add_subcommand(
        "devices",
        "List the GPUs hipkb can use (HIP_VISIBLE_DEVICES, ROCR_VISIBLE_DEVICES and CUDA_VISIBLE_DEVICES "
        "narrow and renumber them) and write a CTest resource spec for them");
    auto devices_options = std::make_shared<devices_flags>();
    devices->add_option("--resource-spec", devices_options->resource_spec,
                        "Write a CTest resource spec file (resource type gpus, one slot per GPU) here");
    devices->add_option("--platform", devices_options->platform, "amd or nvidia (default: the driver installed here)")
        ->check(CLI::IsMember({"amd", "nvidia"}));
    devices
        ->add_option("--driver-gpus", devices_options->driver_count,
                     "Take this many GPUs as the driver's (default: count them), e.g. to write a resource spec "
                     "for another machine")
        ->check(CLI::NonNegativeNumber);
    devices->callback([devices_options] { (void)list_devices(*devices_options); });

    auto* run = app.add_subcommand("run", "Run the benchmarks of a configured and built suite, then report");
    auto run_flags = std::make_shared<suite_flags>();
    auto build_dir = std::make_shared<std::string>("build");
    run->add_option("--build-dir,-B", *build_dir, "The CMake build directory")
        ->envname("HIPKB_BUILD_DIR")
        ->capture_default_str();
    run_flags->add_to(*run);
    run->callback([run_flags, build_dir] {
        run_flags->finish();
        run_flags->options.build_dir = *build_dir;
        const int code = run_suite(run_flags->options);
        if (code != 0) throw exit_request{code};
    });

    auto* list = app.add_subcommand(
        "list", "List problems (from --reference-dir) or the benchmarks of a build (from --build-dir)");
    auto flags = std::make_shared<list_flags>();
    list->add_option("--build-dir,-B", flags->build_dir, "List this build's benchmarks and compile status");
    list->add_option("--reference-dir", flags->reference_dir, "List the problems in this folder");
    list->add_flag("--check", flags->check,
                   "Exit 1 if any problem's spec.json is invalid (test sizes included: no size dim a multiple of "
                   "16, at least one odd; benchmark sizes within 24 GiB of device memory and every tensor below "
                   "2^31 elements); warn where KernelBench's sizes would fit but the spec scales them down");
    list->callback([flags] {
        int code = 0;
        if (!flags->build_dir.empty()) {
            code = list_build(*flags);
        } else {
            if (flags->reference_dir.empty()) flags->reference_dir = "reference";
            code = list_problems(*flags);
        }
        if (code != 0) throw exit_request{code};
    });
}

}  // namespace hipkb::cli
