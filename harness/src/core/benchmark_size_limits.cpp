#include <hipkb/core/benchmark_size_limits.hpp>

#include <hipkb/core/dtype.hpp>

#include <fmt/core.h>

namespace hipkb {

namespace {

std::int64_t tensor_bytes(const problem_spec& spec, const tensor_spec& tensor, size_set sizes) {
    return spec.element_count(tensor, sizes) * static_cast<std::int64_t>(size_of(tensor.type));
}

double gibibytes(std::int64_t bytes) { return static_cast<double>(bytes) / static_cast<double>(std::int64_t{1} << 30); }

// Every limit the benchmark sizes break, each as "<field>: <problem>"; empty when none.
std::vector<std::string> limit_breaks(const problem_spec& spec) {
    std::vector<std::string> breaks;
    for (const auto* list : {&spec.inputs, &spec.outputs}) {
        const std::string_view key = list == &spec.inputs ? "inputs" : "outputs";
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::int64_t count = spec.element_count((*list)[i], size_set::benchmark);
            if (count >= tensor_element_limit) {
                breaks.push_back(
                    fmt::format("{}[{}] ('{}') has {} elements at benchmark size, not below 2^31 = {} "
                                "(kernels index with int)",
                                key, i, (*list)[i].name, count, tensor_element_limit));
            }
        }
    }
    const std::int64_t footprint = device_footprint_bytes(spec, size_set::benchmark);
    if (footprint > device_memory_budget_bytes) {
        breaks.push_back(
            fmt::format("dims: the bench holds {:.2f} GiB on the device at benchmark size (inputs, "
                        "three sets of outputs with guards, 1 GiB for the harness; docs/problems.md), "
                        "over the {} GiB budget",
                        gibibytes(footprint), device_memory_budget_bytes >> 30));
    }
    return breaks;
}

}  // namespace

std::int64_t device_footprint_bytes(const problem_spec& spec, size_set sizes) {
    std::int64_t inputs = 0;
    for (const tensor_spec& tensor : spec.inputs) inputs += tensor_bytes(spec, tensor, sizes);
    std::int64_t outputs = 0;
    for (const tensor_spec& tensor : spec.outputs) outputs += tensor_bytes(spec, tensor, sizes) + output_guard_bytes;
    return inputs + 3 * outputs + harness_reserve_bytes;
}

problem_spec at_kernelbench_values(const problem_spec& spec) {
    problem_spec kernelbench = spec;
    for (dim_spec& dim : kernelbench.dims) {
        if (dim.kernelbench) dim.value = *dim.kernelbench;
    }
    return kernelbench;
}

size_limit_findings check_benchmark_size_limits(const problem_spec& spec) {
    const std::string file = (spec.directory / "spec.json").string();
    size_limit_findings findings;
    for (const std::string& problem : limit_breaks(spec)) {
        findings.errors.push_back(fmt::format("{}: {}", file, problem));
    }
    if (!spec.kernelbench.empty() && !spec.at_kernelbench_sizes()) {
        const problem_spec kernelbench = at_kernelbench_values(spec);
        if (limit_breaks(kernelbench).empty()) {
            findings.warnings.push_back(fmt::format(
                "{}: dims: the benchmark sizes are scaled down from KernelBench's, but KernelBench's ({:.2f} GiB "
                "on the device, every tensor below 2^31 elements) fit the limits; size_reason says: {}",
                file, gibibytes(device_footprint_bytes(kernelbench, size_set::benchmark)), spec.size_reason));
        }
    }
    return findings;
}

}  // namespace hipkb
