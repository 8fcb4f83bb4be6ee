// Reading results documents back: the schema check every consumer (report,
// compare, merge) relies on, so that they can read fields without guessing.
#include <hipkb/report/results.hpp>

#include <hipkb/report/input_error.hpp>

#include "detail/json_io.hpp"

#include <fmt/core.h>

namespace hipkb::report {

namespace {

using json = nlohmann::json;
using detail::json_place;

enum class kind { string, boolean, number, integer, object, array };

const char* describe(kind k) {
    switch (k) {
        case kind::string: return "a string";
        case kind::boolean: return "true or false";
        case kind::number: return "a number";
        case kind::integer: return "an integer";
        case kind::object: return "an object";
        case kind::array: return "an array";
    }
    return "a value";
}

bool matches(const json& value, kind k) {
    switch (k) {
        case kind::string: return value.is_string();
        case kind::boolean: return value.is_boolean();
        case kind::number: return value.is_number();
        case kind::integer: return value.is_number_integer();
        case kind::object: return value.is_object();
        case kind::array: return value.is_array();
    }
    return false;
}

// A field that must be present with this type (or null when `nullable`).
void require(const json& object, const char* key, kind k, bool nullable, const json_place& place) {
    const auto found = object.find(key);
    if (found == object.end()) {
        throw input_error(fmt::format("{}: missing field \"{}\" ({}{})", place.describe(), key, describe(k),
                                      nullable ? " or null" : ""));
    }
    if (found->is_null() && nullable) return;
    if (!matches(*found, k)) {
        detail::throw_expected(place.key(key), nullable ? fmt::format("{} or null", describe(k)) : describe(k), *found);
    }
}

void check_timing(const json& object, const char* key, const json_place& place) {
    require(object, key, kind::object, true, place);
    const json& timing = object[key];
    if (timing.is_null()) return;
    const json_place at = place.key(key);
    require(timing, "median_ns", kind::number, true, at);
    require(timing, "cv", kind::number, true, at);
    require(timing, "samples_ns", kind::array, false, at);
    for (std::size_t i = 0; i < timing["samples_ns"].size(); ++i) {
        if (!timing["samples_ns"][i].is_number()) {
            detail::throw_expected(at.key("samples_ns").index(i), "a number", timing["samples_ns"][i]);
        }
    }
}

void check_candidate(const json& c, const json_place& place) {
    if (!c.is_object()) detail::throw_expected(place, "an object", c);
    require(c, "id", kind::string, false, place);
    require(c, "problem", kind::string, false, place);
    require(c, "run", kind::string, false, place);
    require(c, "sample", kind::string, false, place);
    require(c, "level", kind::integer, true, place);
    require(c, "status", kind::string, false, place);
    require(c, "compiled", kind::boolean, true, place);
    require(c, "compile_errors", kind::array, false, place);
    require(c, "correct", kind::boolean, true, place);
    require(c, "failure", kind::object, true, place);
    require(c, "speedup", kind::number, true, place);
    require(c, "model", kind::string, true, place);
    require(c, "provider", kind::string, true, place);
    check_timing(c, "reference", place);
    check_timing(c, "candidate", place);
    if (candidate_id(c) != c["id"].get<std::string>()) {
        throw input_error(fmt::format("{}: id \"{}\" does not match problem/run/sample \"{}\"", place.describe(),
                                      c["id"].get<std::string>(), candidate_id(c)));
    }
}

void check_problem(const json& p, const json_place& place) {
    if (!p.is_object()) detail::throw_expected(place, "an object", p);
    require(p, "problem", kind::string, false, place);
    require(p, "level", kind::integer, true, place);
    require(p, "test", kind::string, true, place);
    require(p, "status", kind::string, false, place);
    check_timing(p, "reference", place);
}

}  // namespace

bool is_results_json(const json& document) {
    return document.is_object() && document.contains("schema") && document["schema"] == results_schema_name;
}

std::string candidate_id(const json& candidate) {
    auto text = [&](const char* key) {
        const auto found = candidate.find(key);
        return found != candidate.end() && found->is_string() ? found->get<std::string>() : std::string{};
    };
    return fmt::format("{}/{}/{}", text("problem"), text("run"), text("sample"));
}

void validate_results(const json& results, const std::string& source) {
    const json_place root{source, ""};
    if (!results.is_object()) detail::throw_expected(root, "a hipkb results object", results);
    if (!is_results_json(results)) {
        throw input_error(fmt::format("{}: not a hipkb results file: expected \"schema\": \"{}\"", source,
                                      results_schema_name));
    }
    require(results, "schema_version", kind::integer, false, root);
    const auto version = results["schema_version"].get<long long>();
    if (version != results_schema_version) {
        throw input_error(fmt::format("{}: schema_version {} is not supported; this hipkb reads version {}", source,
                                      version, results_schema_version));
    }
    require(results, "machines", kind::array, false, root);
    for (std::size_t i = 0; i < results["machines"].size(); ++i) {
        const json& machine = results["machines"][i];
        if (!machine.is_object()) detail::throw_expected(root.key("machines").index(i), "an object", machine);
        require(machine, "id", kind::string, false, root.key("machines").index(i));
    }
    require(results, "problems", kind::array, false, root);
    for (std::size_t i = 0; i < results["problems"].size(); ++i) {
        check_problem(results["problems"][i], root.key("problems").index(i));
    }
    require(results, "candidates", kind::array, false, root);
    for (std::size_t i = 0; i < results["candidates"].size(); ++i) {
        check_candidate(results["candidates"][i], root.key("candidates").index(i));
    }
    if (results.contains("summary")) require(results, "summary", kind::object, false, root);
}

json load_results(const std::filesystem::path& file) {
    json document = detail::read_json_file(file);
    validate_results(document, file.string());
    return document;
}

}  // namespace hipkb::report
