#include <hipkb/core/spec.hpp>

#include <hipkb/core/json_fields.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace hipkb {

namespace {

using json = nlohmann::json;

// A spec that is valid JSON of the right kinds but still wrong: "<file>:
// <place>: <problem>". Missing fields and wrong kinds are the JSON reader's
// (json_fields.hpp) and turn into spec_error in load_spec.
[[noreturn]] void fail(const json_place& place, std::string_view problem) {
    throw spec_error(fmt::format("{}: {}", place.describe(), problem));
}

init_spec parse_init(const json& node, const json_place& place) {
    init_spec init;
    if (!node.is_object()) {
        throw_expected(place, "an object such as {\"kind\": \"normal\", \"mean\": 0, \"stddev\": 1}", node);
    }
    const std::string kind = required_string(node, "kind", place);
    if (kind == "normal") {
        init.distribution = init_spec::kind::normal;
        init.a = optional_number(node, "mean", place).value_or(0.0);
        init.b = optional_number(node, "stddev", place).value_or(1.0);
        if (!(init.b > 0.0)) {
            fail(place.key("stddev"), "must be positive");
        }
    } else if (kind == "uniform" || kind == "randint") {
        init.distribution = kind == "uniform" ? init_spec::kind::uniform : init_spec::kind::randint;
        init.a = required_number(node, "low", place);
        init.b = required_number(node, "high", place);
        if (!(init.b > init.a)) {
            fail(place, "'high' must be greater than 'low'");
        }
    } else {
        fail(place.key("kind"), fmt::format("unknown '{}'; expected normal, uniform or randint", kind));
    }
    return init;
}

import_origin parse_import_origin(const json& root, const json_place& top) {
    const json& node = required_object(root, "imported", top);
    const json_place place = top.key("imported");
    import_origin origin;
    origin.from = required_string(node, "from", place);
    origin.status = required_string(node, "status", place);
    if (node.contains("notes")) {
        const json& notes = required_array(node, "notes", place);
        for (std::size_t i = 0; i < notes.size(); ++i) {
            if (!notes[i].is_string()) throw_expected(place.key("notes").index(i), "a string", notes[i]);
            origin.notes.push_back(notes[i].get<std::string>());
        }
    }
    return origin;
}

// A dim's "kernelbench": KernelBench's value for it, or null where it has no
// counterpart. Every dim of a KernelBench problem says which, so that no
// scaled size goes unrecorded.
std::optional<std::int64_t> parse_kernelbench_value(const json& dim, const json_place& place, bool required) {
    if (!dim.contains("kernelbench")) {
        if (required) {
            fail(place.key("kernelbench"),
                 "missing; every dim of a problem with a KernelBench name gives KernelBench's value for it "
                 "(an integer), or null when KernelBench has no such dim");
        }
        return std::nullopt;
    }
    const json& value = dim["kernelbench"];
    if (value.is_null()) return std::nullopt;
    if (!value.is_number_integer()) {
        throw_expected(place.key("kernelbench"), "a non-negative integer (KernelBench's value) or null", value);
    }
    const auto number = value.get<std::int64_t>();
    if (number < 0) fail(place.key("kernelbench"), fmt::format("{} is negative", number));
    return number;
}

// size_reason says why the benchmark sizes are not KernelBench's; it is
// required exactly when they are not, so that it cannot go stale.
void check_size_reason(const problem_spec& spec, const json_place& top) {
    if (spec.kernelbench.empty()) return;
    std::string differs;
    for (const dim_spec& dim : spec.dims) {
        if (!dim.kernelbench) {
            differs = fmt::format("dim '{}' has no KernelBench value", dim.name);
            break;
        }
        if (*dim.kernelbench != dim.value) {
            differs = fmt::format("dim '{}' is {} where KernelBench has {}", dim.name, dim.value, *dim.kernelbench);
            break;
        }
    }
    if (!differs.empty() && spec.size_reason.empty()) {
        fail(top.key("size_reason"),
             fmt::format("missing; {}, so the spec must say why its benchmark sizes differ from KernelBench's "
                         "(memory over the budget with the numbers, a tensor over 2^31 elements, ...)",
                         differs));
    }
    if (differs.empty() && !spec.size_reason.empty()) {
        fail(top.key("size_reason"), "given, but every dim is at KernelBench's value; remove it");
    }
}

// An extent or a count: an integer or an expression string over the dims.
std::string expression_text(const json& value, const json_place& place, std::string_view what) {
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    if (value.is_string()) return value.get<std::string>();
    throw_expected(place, what, value);
}

std::vector<tensor_spec> parse_tensors(const json& root, const json_place& top, const std::string& key, bool inputs,
                                       const dim_values& dims) {
    std::vector<tensor_spec> tensors;
    const json& list = required_array(root, key, top);
    std::set<std::string> names;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json_place place = top.key(key).index(i);
        const json& node = list[i];
        if (!node.is_object()) {
            throw_expected(place, "an object with name, dtype and shape", node);
        }
        tensor_spec tensor;
        tensor.name = required_string(node, "name", place);
        if (!names.insert(tensor.name).second) {
            fail(place.key("name"), fmt::format("'{}' is used twice", tensor.name));
        }
        const std::string type = required_string(node, "dtype", place);
        try {
            tensor.type = parse_dtype(type);
        } catch (const std::invalid_argument& error) {
            fail(place.key("dtype"), error.what());
        }
        const json& shape = required_array(node, "shape", place);
        for (std::size_t d = 0; d < shape.size(); ++d) {
            const json_place at = place.key("shape").index(d);
            const std::string extent = expression_text(shape[d], at, "an integer or an expression string");
            try {
                if (evaluate(extent, dims) <= 0) {
                    fail(at, fmt::format("'{}' is not positive", extent));
                }
            } catch (const std::invalid_argument& error) {
                fail(at, error.what());
            }
            tensor.shape.push_back(extent);
        }
        if (node.contains("init")) {
            if (!inputs) fail(place.key("init"), "outputs are written by the kernel; 'init' belongs to inputs");
            tensor.init = parse_init(node["init"], place.key("init"));
        }
        if (node.contains("also_init")) {
            if (!inputs)
                fail(place.key("also_init"), "outputs are written by the kernel; 'also_init' belongs to inputs");
            const json& extra = required_array(node, "also_init", place);
            for (std::size_t k = 0; k < extra.size(); ++k) {
                tensor.also_init.push_back(parse_init(extra[k], place.key("also_init").index(k)));
            }
        }
        tensors.push_back(std::move(tensor));
    }
    if (!inputs && tensors.empty()) {
        fail(top.key(key), "a problem needs at least one output");
    }
    return tensors;
}

problem_spec parse_spec(const json& root, const std::filesystem::path& spec_file) {
    const json_place top{spec_file.string(), ""};
    if (!root.is_object()) {
        throw_expected(top, "a JSON object at the top", root);
    }
    problem_spec spec;
    spec.directory = spec_file.parent_path();
    const long long version = required_integer(root, "schema_version", top);
    if (version != 1) {
        fail(top, fmt::format("schema_version {} is not supported; this hipkb reads version 1", version));
    }
    spec.name = required_string(root, "name", top);
    spec.level = static_cast<int>(required_integer(root, "level", top));
    spec.title = optional_string(root, "title", top).value_or("");
    spec.kernelbench = optional_string(root, "kernelbench", top).value_or("");
    if (root.contains("tags")) {
        const json& tags = required_array(root, "tags", top);
        for (std::size_t i = 0; i < tags.size(); ++i) {
            if (!tags[i].is_string()) throw_expected(top.key("tags").index(i), "a string", tags[i]);
            spec.tags.push_back(tags[i].get<std::string>());
        }
    }
    const json& dims = required_array(root, "dims", top);
    dim_values benchmark_dims;
    dim_values test_dims;
    for (std::size_t i = 0; i < dims.size(); ++i) {
        const json_place place = top.key("dims").index(i);
        if (!dims[i].is_object()) {
            throw_expected(place, "an object with name, value and test", dims[i]);
        }
        dim_spec dim;
        dim.name = required_string(dims[i], "name", place);
        dim.value = required_integer(dims[i], "value", place);
        dim.test = dims[i].contains("test") ? required_integer(dims[i], "test", place) : dim.value;
        dim.kernelbench = parse_kernelbench_value(dims[i], place, !spec.kernelbench.empty());
        if (benchmark_dims.contains(dim.name)) {
            fail(place.key("name"), fmt::format("'{}' is used twice", dim.name));
        }
        benchmark_dims[dim.name] = dim.value;
        test_dims[dim.name] = dim.test;
        spec.dims.push_back(dim);
    }
    spec.size_reason = optional_string(root, "size_reason", top).value_or("");
    check_size_reason(spec, top);
    spec.inputs = parse_tensors(root, top, "inputs", true, benchmark_dims);
    spec.outputs = parse_tensors(root, top, "outputs", false, benchmark_dims);
    // Test sizes must give valid shapes too.
    parse_tensors(root, top, "inputs", true, test_dims);
    parse_tensors(root, top, "outputs", false, test_dims);
    if (root.contains("tolerance")) {
        const json& node = required_object(root, "tolerance", top);
        const json_place place = top.key("tolerance");
        tolerance tol;
        tol.atol = required_number(node, "atol", place);
        tol.rtol = required_number(node, "rtol", place);
        tol.reason = optional_string(node, "reason", place).value_or("");
        if (tol.reason.empty()) {
            fail(place.key("reason"), "an override of the default tolerance must state its reason");
        }
        if (tol.atol < 0 || tol.rtol < 0) {
            fail(place, "atol and rtol must not be negative");
        }
        spec.tolerance_override = tol;
    }
    for (const auto* key : {"flops", "bytes"}) {
        if (!root.contains(key)) {
            continue;
        }
        const std::string expression =
            expression_text(root[key], top.key(key), "an integer or an expression string over the dims");
        try {
            (void)evaluate(expression, benchmark_dims);
        } catch (const std::invalid_argument& error) {
            fail(top.key(key), error.what());
        }
        (std::string_view(key) == "flops" ? spec.flops : spec.bytes) = expression;
    }
    if (root.contains("seeds")) {
        spec.seeds.clear();
        const json& seeds = required_array(root, "seeds", top);
        for (std::size_t i = 0; i < seeds.size(); ++i) {
            if (!seeds[i].is_number_unsigned()) {
                throw_expected(top.key("seeds").index(i), "a non-negative integer", seeds[i]);
            }
            spec.seeds.push_back(seeds[i].get<std::uint64_t>());
        }
        if (spec.seeds.empty()) {
            fail(top.key("seeds"), "needs at least one seed");
        }
    }
    if (root.contains("imported")) {
        spec.imported = parse_import_origin(root, top);
    }
    return spec;
}

}  // namespace

const init_spec& tensor_spec::init_for(std::uint64_t seed, const std::vector<std::uint64_t>& seeds) const {
    const auto at = std::find(seeds.begin(), seeds.end(), seed);
    if (also_init.empty() || at == seeds.end()) return init;
    const auto position = static_cast<std::size_t>(at - seeds.begin()) % (1 + also_init.size());
    return position == 0 ? init : also_init[position - 1];
}

tolerance default_tolerance(dtype type) {
    switch (type) {
        case dtype::fp32:
            return {1e-4, 1e-4, {}};
        case dtype::fp16:
        case dtype::bf16:
            return {1e-2, 1e-2, {}};
        case dtype::int32:
        case dtype::int64:
            return {0.0, 0.0, {}};
    }
    return {};
}

bool problem_spec::at_kernelbench_sizes() const {
    if (kernelbench.empty()) return false;
    return std::all_of(dims.begin(), dims.end(),
                       [](const dim_spec& dim) { return !dim.kernelbench || *dim.kernelbench == dim.value; });
}

dim_values problem_spec::dim_map(size_set sizes) const {
    dim_values values;
    for (const auto& dim : dims) {
        values[dim.name] = sizes == size_set::benchmark ? dim.value : dim.test;
    }
    return values;
}

std::vector<std::int64_t> problem_spec::dim_vector(size_set sizes) const {
    std::vector<std::int64_t> values;
    for (const auto& dim : dims) {
        values.push_back(sizes == size_set::benchmark ? dim.value : dim.test);
    }
    return values;
}

std::vector<std::int64_t> problem_spec::shape_of(const tensor_spec& tensor, size_set sizes) const {
    const dim_values values = dim_map(sizes);
    std::vector<std::int64_t> shape;
    for (const auto& extent : tensor.shape) {
        shape.push_back(evaluate(extent, values));
    }
    return shape;
}

std::int64_t problem_spec::element_count(const tensor_spec& tensor, size_set sizes) const {
    std::int64_t count = 1;
    for (const std::int64_t extent : shape_of(tensor, sizes)) {
        count *= extent;
    }
    return count;
}

double problem_spec::flop_count(size_set sizes) const {
    return flops.empty() ? 0.0 : static_cast<double>(evaluate(flops, dim_map(sizes)));
}

double problem_spec::byte_count(size_set sizes) const {
    return bytes.empty() ? 0.0 : static_cast<double>(evaluate(bytes, dim_map(sizes)));
}

tolerance problem_spec::tolerance_for(const tensor_spec& output) const {
    return tolerance_override ? *tolerance_override : default_tolerance(output.type);
}

problem_spec load_spec(const std::filesystem::path& spec_file) {
    try {
        return parse_spec(read_json_file(spec_file), spec_file);
    } catch (const json_input_error& error) {
        throw spec_error(error.what());
    }
}

}  // namespace hipkb
