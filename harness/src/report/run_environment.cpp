#include <hipkb/report/run_environment.hpp>

#include <fmt/core.h>

#include <string_view>

namespace hipkb::report {

namespace {

using json = nlohmann::json;

void insert_text(std::set<std::string>& into, const json& object, const char* key) {
    if (!object.is_object()) return;
    const auto found = object.find(key);
    if (found != object.end() && found->is_string() && !found->get<std::string>().empty()) {
        into.insert(found->get<std::string>());
    }
}

// "hipkb 0.1.0 (merge)" -> "0.1.0"; anything else as written.
std::string version_of_generator(std::string generator) {
    constexpr std::string_view prefix = "hipkb ";
    if (generator.rfind(prefix, 0) == 0) generator.erase(0, prefix.size());
    if (const auto space = generator.find(' '); space != std::string::npos) generator.erase(space);
    return generator;
}

std::string joined(const std::set<std::string>& values) {
    std::string out;
    for (const std::string& value : values) out += (out.empty() ? "" : ", ") + value;
    return out;
}

}  // namespace

void run_environment::add(const run_environment& other) {
    platforms.insert(other.platforms.begin(), other.platforms.end());
    devices.insert(other.devices.begin(), other.devices.end());
    architectures.insert(other.architectures.begin(), other.architectures.end());
    drivers.insert(other.drivers.begin(), other.drivers.end());
    hipkb_versions.insert(other.hipkb_versions.begin(), other.hipkb_versions.end());
}

run_environment environment_of_results(const json& results) {
    run_environment out;
    if (results.contains("machines") && results["machines"].is_array()) {
        for (const json& machine : results["machines"]) {
            insert_text(out.platforms, machine, "platform");
            insert_text(out.devices, machine, "device");
            insert_text(out.architectures, machine, "architecture");
            insert_text(out.drivers, machine, "driver");
        }
    }
    const json baseline = results.value("baseline", json());
    if (baseline.is_object() && baseline.value("hipkb_version", json()).is_string()) {
        out.hipkb_versions.insert(baseline["hipkb_version"].get<std::string>());
    } else if (results.value("generator", json()).is_string()) {
        out.hipkb_versions.insert(version_of_generator(results["generator"].get<std::string>()));
    }
    return out;
}

run_environment environment_of_gbench(const gbench_file& file) {
    run_environment out;
    insert_text(out.platforms, file.context, "hipkb.platform");
    insert_text(out.devices, file.context, "hipkb.device");
    insert_text(out.architectures, file.context, "hipkb.architecture");
    insert_text(out.drivers, file.context, "hipkb.driver_version");
    insert_text(out.hipkb_versions, file.context, "hipkb.version");
    return out;
}

std::vector<std::string> environment_differences(const run_environment& old_side, const run_environment& new_side) {
    std::vector<std::string> out;
    auto check = [&](const char* what, const std::set<std::string>& old_values,
                     const std::set<std::string>& new_values) {
        if (old_values.empty() || new_values.empty() || old_values == new_values) return;
        out.push_back(fmt::format("{} differs: old {}, new {}", what, joined(old_values), joined(new_values)));
    };
    check("platform", old_side.platforms, new_side.platforms);
    check("device", old_side.devices, new_side.devices);
    check("driver", old_side.drivers, new_side.drivers);
    check("hipkb version", old_side.hipkb_versions, new_side.hipkb_versions);
    return out;
}

}  // namespace hipkb::report
