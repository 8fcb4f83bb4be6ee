#include "golden_cases.hpp"

#include <hipkb/bench/module.hpp>
#include <hipkb/core/correctness.hpp>
#include <hipkb/core/expression.hpp>
#include <hipkb/core/json_fields.hpp>

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <set>

namespace hipkb::test {

namespace {

// Every key of `object` must be one of `names`: a misspelt name would
// otherwise be ignored and its tensor silently missing.
void reject_unknown_keys(const nlohmann::json& object, const std::vector<std::string>& names, const json_place& place,
                         std::string_view what) {
    const std::set<std::string, std::less<>> known(names.begin(), names.end());
    for (const auto& [key, value] : object.items()) {
        if (!known.contains(key)) {
            throw json_input_error(fmt::format("{}: '{}' is not {} of the spec (expected one of: {})", place.describe(),
                                               key, what, fmt::join(names, ", ")));
        }
    }
}

// A value as written: a number, or (for inputs such as a pooling window's
// padding) the strings "inf", "-inf" and "nan", which JSON cannot spell.
double read_value(const nlohmann::json& value, const json_place& place, bool allow_non_finite) {
    if (value.is_number()) return value.get<double>();
    if (allow_non_finite && value.is_string()) {
        const auto text = value.get<std::string>();
        if (text == "inf") return std::numeric_limits<double>::infinity();
        if (text == "-inf") return -std::numeric_limits<double>::infinity();
        if (text == "nan") return std::numeric_limits<double>::quiet_NaN();
    }
    throw_expected(place, allow_non_finite ? "a number or one of \"inf\", \"-inf\", \"nan\"" : "a finite number",
                   value);
}

std::vector<host_tensor> read_tensors(const nlohmann::json& item, std::string_view key,
                                      const std::vector<tensor_spec>& tensors, const dim_values& dims,
                                      const json_place& place, bool allow_non_finite) {
    const nlohmann::json& object = required_object(item, key, place);
    const json_place object_place = place.key(key);
    std::vector<std::string> names;
    for (const tensor_spec& tensor : tensors) names.push_back(tensor.name);
    reject_unknown_keys(object, names, object_place, key == "inputs" ? "an input" : "an output");
    std::vector<host_tensor> result;
    for (const tensor_spec& tensor : tensors) {
        const nlohmann::json& values = required_array(object, tensor.name, object_place);
        const json_place values_place = object_place.key(tensor.name);
        std::vector<std::int64_t> shape;
        for (const std::string& extent : tensor.shape) shape.push_back(evaluate(extent, dims));
        host_tensor made = make_poisoned(tensor.name, tensor.type, shape);
        if (static_cast<std::int64_t>(values.size()) != made.count()) {
            throw json_input_error(fmt::format("{}: {} values, but its shape [{}] at these dims holds {}",
                                               values_place.describe(), values.size(), fmt::join(shape, ", "),
                                               made.count()));
        }
        for (std::size_t i = 0; i < values.size(); ++i) {
            made.set(static_cast<std::int64_t>(i), read_value(values[i], values_place.index(i), allow_non_finite));
        }
        result.push_back(std::move(made));
    }
    return result;
}

golden_case read_case(const nlohmann::json& item, const problem_spec& spec, const json_place& place) {
    golden_case result;
    result.name = required_string(item, "name", place);
    result.derivation = required_string(item, "derivation", place);
    if (result.derivation.empty()) {
        throw json_input_error(
            fmt::format("{}: empty; say how the expected values were derived", place.key("derivation").describe()));
    }
    const nlohmann::json& dims = required_object(item, "dims", place);
    std::vector<std::string> dim_names;
    for (const dim_spec& dim : spec.dims) dim_names.push_back(dim.name);
    reject_unknown_keys(dims, dim_names, place.key("dims"), "a dim");
    dim_values values;
    for (const dim_spec& dim : spec.dims) {
        const long long value = required_integer(dims, dim.name, place.key("dims"));
        values.emplace(dim.name, value);
        result.dims.push_back(value);
    }
    result.inputs = read_tensors(item, "inputs", spec.inputs, values, place, true);
    result.outputs = read_tensors(item, "outputs", spec.outputs, values, place, false);
    if (item.contains("tolerance")) {
        const nlohmann::json& tol = required_object(item, "tolerance", place);
        result.tolerance_override = tolerance{required_number(tol, "atol", place.key("tolerance")),
                                              required_number(tol, "rtol", place.key("tolerance")), "golden case"};
    }
    return result;
}

}  // namespace

std::vector<golden_case> load_golden_cases(const std::filesystem::path& file, const problem_spec& spec) {
    const nlohmann::json document = read_json_file(file);
    const json_place top{file.string(), ""};
    if (!document.is_object()) throw_expected(top, "an object with a \"cases\" list", document);
    const nlohmann::json& cases = required_array(document, "cases", top);
    if (cases.empty()) {
        throw json_input_error(fmt::format("{}: no cases; give at least one", top.key("cases").describe()));
    }
    std::vector<golden_case> result;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const json_place place = top.key("cases").index(i);
        if (!cases[i].is_object()) throw_expected(place, "an object", cases[i]);
        result.push_back(read_case(cases[i], spec, place));
    }
    return result;
}

std::optional<std::string> golden_disagreement(const std::filesystem::path& golden_module, const problem_spec& spec,
                                               const golden_case& item) {
    const implementation_module golden(golden_module);
    std::vector<host_tensor> got;
    std::vector<const void*> inputs;
    std::vector<void*> outputs;
    for (const host_tensor& input : item.inputs) inputs.push_back(input.bytes.data());
    for (const host_tensor& expected : item.outputs) {
        got.push_back(make_poisoned(expected.name, expected.type, expected.shape));
        outputs.push_back(got.back().bytes.data());
    }
    const hipkb_args args{
        inputs.data(),    static_cast<int>(inputs.size()),    outputs.data(), static_cast<int>(outputs.size()),
        item.dims.data(), static_cast<int>(item.dims.size()), nullptr};
    if (const int rc = golden.run(args); rc != 0) return fmt::format("the golden returned {}", rc);
    for (std::size_t i = 0; i < got.size(); ++i) {
        const tolerance tol = item.tolerance_override.value_or(spec.tolerance_for(spec.outputs[i]));
        const comparison result = compare(got[i], item.outputs[i], tol);
        if (result.passed()) continue;
        const std::int64_t at = result.first_mismatch.value_or(0);
        return fmt::format(
            "output {}: {} of {} elements outside atol={} rtol={}; first at {}: golden gives {}, "
            "hand value {}",
            item.outputs[i].name, result.mismatches, result.elements, tol.atol, tol.rtol,
            format_index(item.outputs[i].shape, at), got[i].at(at), item.outputs[i].at(at));
    }
    return std::nullopt;
}

}  // namespace hipkb::test
