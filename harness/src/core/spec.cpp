#include <hipkb/core/spec.hpp>

#include <hipkb/core/atomic_file.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace hipkb {

namespace {

using json = nlohmann::json;

// Reads one spec file, keeping its path so every error can name it.
class spec_reader {
public:
    explicit spec_reader(std::filesystem::path file) : m_file(std::move(file)) {}

    [[noreturn]] void fail(std::string_view field, std::string_view problem) const {
        throw spec_error(fmt::format("{}: field '{}': {}", m_file.string(), field, problem));
    }

    const json& require(const json& object, const std::string& key, std::string_view where, json::value_t type) const {
        const std::string field = where.empty() ? key : fmt::format("{}.{}", where, key);
        const auto found = object.find(key);
        if (found == object.end()) {
            fail(field, "is missing");
        }
        const bool ok = type == json::value_t::number_integer
                            ? found->is_number_integer()
                            : (type == json::value_t::number_float ? found->is_number() : found->type() == type);
        if (!ok) {
            fail(field, fmt::format("expected {}, found {}", type_name(type), found->type_name()));
        }
        return *found;
    }

    static std::string_view type_name(json::value_t type) {
        switch (type) {
            case json::value_t::string: return "a string";
            case json::value_t::array: return "an array";
            case json::value_t::object: return "an object";
            case json::value_t::number_integer: return "an integer";
            case json::value_t::number_float: return "a number";
            default: return "a value";
        }
    }

    const std::filesystem::path& file() const { return m_file; }

private:
    std::filesystem::path m_file;
};

init_spec parse_init(const spec_reader& reader, const json& node, const std::string& where) {
    init_spec init;
    if (!node.is_object()) {
        reader.fail(where, "expected an object such as {\"kind\": \"normal\", \"mean\": 0, \"stddev\": 1}");
    }
    const std::string kind = reader.require(node, "kind", where, json::value_t::string).get<std::string>();
    if (kind == "normal") {
        init.distribution = init_spec::kind::normal;
        init.a = node.value("mean", 0.0);
        init.b = node.value("stddev", 1.0);
        if (!(init.b > 0.0)) {
            reader.fail(where + ".stddev", "must be positive");
        }
    } else if (kind == "uniform" || kind == "randint") {
        init.distribution = kind == "uniform" ? init_spec::kind::uniform : init_spec::kind::randint;
        init.a = reader.require(node, "low", where, json::value_t::number_float).get<double>();
        init.b = reader.require(node, "high", where, json::value_t::number_float).get<double>();
        if (!(init.b > init.a)) {
            reader.fail(where, "'high' must be greater than 'low'");
        }
    } else {
        reader.fail(where + ".kind", fmt::format("unknown '{}'; expected normal, uniform or randint", kind));
    }
    return init;
}

std::vector<tensor_spec> parse_tensors(const spec_reader& reader, const json& root, const std::string& key,
                                       bool inputs, const dim_values& dims) {
    std::vector<tensor_spec> tensors;
    const json& list = reader.require(root, key, "", json::value_t::array);
    std::set<std::string> names;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = fmt::format("{}[{}]", key, i);
        const json& node = list[i];
        if (!node.is_object()) {
            reader.fail(where, "expected an object with name, dtype and shape");
        }
        tensor_spec tensor;
        tensor.name = reader.require(node, "name", where, json::value_t::string).get<std::string>();
        if (!names.insert(tensor.name).second) {
            reader.fail(where + ".name", fmt::format("'{}' is used twice", tensor.name));
        }
        const std::string type = reader.require(node, "dtype", where, json::value_t::string).get<std::string>();
        try {
            tensor.type = parse_dtype(type);
        } catch (const std::invalid_argument& error) {
            reader.fail(where + ".dtype", error.what());
        }
        const json& shape = reader.require(node, "shape", where, json::value_t::array);
        for (std::size_t d = 0; d < shape.size(); ++d) {
            std::string extent;
            if (shape[d].is_number_integer()) {
                extent = std::to_string(shape[d].get<std::int64_t>());
            } else if (shape[d].is_string()) {
                extent = shape[d].get<std::string>();
            } else {
                reader.fail(fmt::format("{}.shape[{}]", where, d), "expected an integer or an expression string");
            }
            try {
                if (evaluate(extent, dims) <= 0) {
                    reader.fail(fmt::format("{}.shape[{}]", where, d), fmt::format("'{}' is not positive", extent));
                }
            } catch (const std::invalid_argument& error) {
                reader.fail(fmt::format("{}.shape[{}]", where, d), error.what());
            }
            tensor.shape.push_back(extent);
        }
        if (inputs && node.contains("init")) {
            tensor.init = parse_init(reader, node["init"], where + ".init");
        } else if (!inputs && node.contains("init")) {
            reader.fail(where + ".init", "outputs are written by the kernel; 'init' belongs to inputs");
        }
        if (node.contains("also_init")) {
            if (!inputs) reader.fail(where + ".also_init", "outputs are written by the kernel; 'also_init' belongs to inputs");
            const json& extra = node["also_init"];
            if (!extra.is_array()) reader.fail(where + ".also_init", "expected an array of init objects");
            for (std::size_t k = 0; k < extra.size(); ++k) {
                tensor.also_init.push_back(parse_init(reader, extra[k], fmt::format("{}.also_init[{}]", where, k)));
            }
        }
        tensors.push_back(std::move(tensor));
    }
    if (!inputs && tensors.empty()) {
        reader.fail(key, "a problem needs at least one output");
    }
    return tensors;
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
        case dtype::fp32: return {1e-4, 1e-4, {}};
        case dtype::fp16:
        case dtype::bf16: return {1e-2, 1e-2, {}};
        case dtype::int32:
        case dtype::int64: return {0.0, 0.0, {}};
    }
    return {};
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
    const spec_reader reader(spec_file);
    json root;
    try {
        root = json::parse(read_file(spec_file));
    } catch (const json::parse_error& error) {
        throw spec_error(fmt::format("{}: not valid JSON: {}", spec_file.string(), error.what()));
    } catch (const std::runtime_error& error) {
        throw spec_error(error.what());
    }
    if (!root.is_object()) {
        throw spec_error(fmt::format("{}: expected a JSON object at the top", spec_file.string()));
    }
    problem_spec spec;
    spec.directory = spec_file.parent_path();
    const auto version = reader.require(root, "schema_version", "", json::value_t::number_integer).get<int>();
    if (version != 1) {
        reader.fail("schema_version", fmt::format("is {}; this hipkb reads version 1", version));
    }
    spec.name = reader.require(root, "name", "", json::value_t::string).get<std::string>();
    spec.level = reader.require(root, "level", "", json::value_t::number_integer).get<int>();
    spec.title = root.value("title", std::string{});
    if (root.contains("tags")) {
        for (const auto& tag : reader.require(root, "tags", "", json::value_t::array)) {
            if (!tag.is_string()) {
                reader.fail("tags", "expected a list of strings");
            }
            spec.tags.push_back(tag.get<std::string>());
        }
    }
    const json& dims = reader.require(root, "dims", "", json::value_t::array);
    dim_values benchmark_dims;
    dim_values test_dims;
    for (std::size_t i = 0; i < dims.size(); ++i) {
        const std::string where = fmt::format("dims[{}]", i);
        if (!dims[i].is_object()) {
            reader.fail(where, "expected an object with name, value and test");
        }
        dim_spec dim;
        dim.name = reader.require(dims[i], "name", where, json::value_t::string).get<std::string>();
        dim.value = reader.require(dims[i], "value", where, json::value_t::number_integer).get<std::int64_t>();
        dim.test = dims[i].contains("test")
                       ? reader.require(dims[i], "test", where, json::value_t::number_integer).get<std::int64_t>()
                       : dim.value;
        if (benchmark_dims.contains(dim.name)) {
            reader.fail(where + ".name", fmt::format("'{}' is used twice", dim.name));
        }
        benchmark_dims[dim.name] = dim.value;
        test_dims[dim.name] = dim.test;
        spec.dims.push_back(dim);
    }
    spec.inputs = parse_tensors(reader, root, "inputs", true, benchmark_dims);
    spec.outputs = parse_tensors(reader, root, "outputs", false, benchmark_dims);
    // Test sizes must give valid shapes too.
    parse_tensors(reader, root, "inputs", true, test_dims);
    parse_tensors(reader, root, "outputs", false, test_dims);
    if (root.contains("tolerance")) {
        const json& node = reader.require(root, "tolerance", "", json::value_t::object);
        tolerance tol;
        tol.atol = reader.require(node, "atol", "tolerance", json::value_t::number_float).get<double>();
        tol.rtol = reader.require(node, "rtol", "tolerance", json::value_t::number_float).get<double>();
        tol.reason = node.value("reason", std::string{});
        if (tol.reason.empty()) {
            reader.fail("tolerance.reason", "an override of the default tolerance must state its reason");
        }
        if (tol.atol < 0 || tol.rtol < 0) {
            reader.fail("tolerance", "atol and rtol must not be negative");
        }
        spec.tolerance_override = tol;
    }
    for (const auto* key : {"flops", "bytes"}) {
        if (!root.contains(key)) {
            continue;
        }
        std::string expression;
        if (root[key].is_number_integer()) {
            expression = std::to_string(root[key].get<std::int64_t>());
        } else if (root[key].is_string()) {
            expression = root[key].get<std::string>();
        } else {
            reader.fail(key, "expected an integer or an expression string over the dims");
        }
        try {
            (void)evaluate(expression, benchmark_dims);
        } catch (const std::invalid_argument& error) {
            reader.fail(key, error.what());
        }
        (std::string_view(key) == "flops" ? spec.flops : spec.bytes) = expression;
    }
    if (root.contains("seeds")) {
        spec.seeds.clear();
        for (const auto& seed : reader.require(root, "seeds", "", json::value_t::array)) {
            if (!seed.is_number_unsigned()) {
                reader.fail("seeds", "expected a list of non-negative integers");
            }
            spec.seeds.push_back(seed.get<std::uint64_t>());
        }
        if (spec.seeds.empty()) {
            reader.fail("seeds", "needs at least one seed");
        }
    }
    return spec;
}

}  // namespace hipkb
