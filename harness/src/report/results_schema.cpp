// Reading results documents back: the schema check every consumer (report,
// compare, merge) relies on, so that they can read fields without guessing.
#include <hipkb/report/results.hpp>

#include <hipkb/report/input_error.hpp>
#include <hipkb/report/vendor_baselines.hpp>

#include <hipkb/core/json_fields.hpp>

#include <fmt/core.h>

namespace hipkb::report {

namespace {

using json = nlohmann::json;

void check_timing(const json& object, const char* key, const json_place& place) {
    required_field(object, key, json_kind::object, place, json_null::allowed);
    const json& timing = object[key];
    if (timing.is_null()) return;
    const json_place at = place.key(key);
    required_field(timing, "median_ns", json_kind::number, at, json_null::allowed);
    required_field(timing, "cv", json_kind::number, at, json_null::allowed);
    required_field(timing, "samples_ns", json_kind::array, at);
    for (std::size_t i = 0; i < timing["samples_ns"].size(); ++i) {
        if (!timing["samples_ns"][i].is_number()) {
            throw_expected(at.key("samples_ns").index(i), "a number", timing["samples_ns"][i]);
        }
    }
}

void check_candidate(const json& c, const json_place& place) {
    if (!c.is_object()) throw_expected(place, "an object", c);
    required_field(c, "id", json_kind::string, place);
    required_field(c, "problem", json_kind::string, place);
    required_field(c, "run", json_kind::string, place);
    required_field(c, "sample", json_kind::string, place);
    required_field(c, "level", json_kind::integer, place, json_null::allowed);
    required_field(c, "status", json_kind::string, place);
    required_field(c, "compiled", json_kind::boolean, place, json_null::allowed);
    required_field(c, "compile_errors", json_kind::array, place);
    required_field(c, "correct", json_kind::boolean, place, json_null::allowed);
    required_field(c, "failure", json_kind::object, place, json_null::allowed);
    required_field(c, "speedup", json_kind::number, place, json_null::allowed);
    required_field(c, "model", json_kind::string, place, json_null::allowed);
    required_field(c, "provider", json_kind::string, place, json_null::allowed);
    required_field(c, "vendor_speedup", json_kind::number, place, json_null::allowed);
    required_field(c, "vendor_library", json_kind::string, place, json_null::allowed);
    check_timing(c, "reference", place);
    check_timing(c, "candidate", place);
    if (candidate_id(c) != c["id"].get<std::string>()) {
        throw input_error(fmt::format("{}: id \"{}\" does not match problem/run/sample \"{}\"", place.describe(),
                                      c["id"].get<std::string>(), candidate_id(c)));
    }
}

void check_vendor(const json& v, const json_place& place) {
    if (!v.is_object()) throw_expected(place, "an object", v);
    required_field(v, "id", json_kind::string, place);
    required_field(v, "problem", json_kind::string, place);
    required_field(v, "library", json_kind::string, place);
    required_field(v, "level", json_kind::integer, place, json_null::allowed);
    required_field(v, "status", json_kind::string, place);
    required_field(v, "correct", json_kind::boolean, place, json_null::allowed);
    required_field(v, "failure", json_kind::object, place, json_null::allowed);
    required_field(v, "speedup", json_kind::number, place, json_null::allowed);
    check_timing(v, "reference", place);
    check_timing(v, "vendor", place);
    if (vendor_id(v) != v["id"].get<std::string>()) {
        throw input_error(fmt::format("{}: id \"{}\" does not match problem/vendor/library \"{}\"", place.describe(),
                                      v["id"].get<std::string>(), vendor_id(v)));
    }
}

void check_problem(const json& p, const json_place& place) {
    if (!p.is_object()) throw_expected(place, "an object", p);
    required_field(p, "problem", json_kind::string, place);
    required_field(p, "level", json_kind::integer, place, json_null::allowed);
    required_field(p, "test", json_kind::string, place, json_null::allowed);
    required_field(p, "status", json_kind::string, place);
    check_timing(p, "reference", place);
    required_field(p, "vendor_baseline", json_kind::object, place, json_null::allowed);
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
    if (!results.is_object()) throw_expected(root, "a hipkb results object", results);
    if (!is_results_json(results)) {
        throw input_error(
            fmt::format("{}: not a hipkb results file: expected \"schema\": \"{}\"", source, results_schema_name));
    }
    const long long version = required_integer(results, "schema_version", root);
    if (version != results_schema_version) {
        throw input_error(fmt::format("{}: schema_version {} is not supported; this hipkb reads version {}", source,
                                      version, results_schema_version));
    }
    required_field(results, "machines", json_kind::array, root);
    for (std::size_t i = 0; i < results["machines"].size(); ++i) {
        const json& machine = results["machines"][i];
        if (!machine.is_object()) throw_expected(root.key("machines").index(i), "an object", machine);
        required_field(machine, "id", json_kind::string, root.key("machines").index(i));
    }
    required_field(results, "problems", json_kind::array, root);
    for (std::size_t i = 0; i < results["problems"].size(); ++i) {
        check_problem(results["problems"][i], root.key("problems").index(i));
    }
    required_field(results, "candidates", json_kind::array, root);
    for (std::size_t i = 0; i < results["candidates"].size(); ++i) {
        check_candidate(results["candidates"][i], root.key("candidates").index(i));
    }
    required_field(results, "vendors", json_kind::array, root);
    for (std::size_t i = 0; i < results["vendors"].size(); ++i) {
        check_vendor(results["vendors"][i], root.key("vendors").index(i));
    }
    if (results.contains("summary")) required_field(results, "summary", json_kind::object, root);
}

json migrate_results(json results) {
    if (!is_results_json(results) || !results.contains("schema_version")) return results;
    const json& version = results["schema_version"];
    if (!version.is_number_integer() || version.get<long long>() != 1) return results;
    // Version 1 had no vendor baselines: none ran.
    results["vendors"] = json::array();
    results["schema_version"] = results_schema_version;
    apply_vendor_baselines(results);
    // A recorded summary lacks the vendor metrics; consumers recompute it.
    results.erase("summary");
    return results;
}

json load_results(const std::filesystem::path& file) {
    json document = migrate_results(read_json_file(file));
    validate_results(document, file.string());
    return document;
}

}  // namespace hipkb::report
