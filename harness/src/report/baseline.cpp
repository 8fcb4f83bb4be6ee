#include <hipkb/report/baseline.hpp>

#include <hipkb/report/input_error.hpp>
#include <hipkb/report/run_environment.hpp>
#include <hipkb/report/summary.hpp>

#include "detail/format.hpp"

#include <fmt/core.h>

#include <cctype>
#include <optional>
#include <set>

namespace hipkb::report {

namespace {

using json = nlohmann::json;

// The one value of `values`, null when there is none; several are an error.
json single(const std::set<std::string>& values, const char* what, const std::string& from) {
    if (values.empty()) return nullptr;
    if (values.size() > 1) {
        std::string listed;
        for (const std::string& value : values) listed += (listed.empty() ? "" : ", ") + value;
        throw input_error(
            fmt::format("{}: results of several {}s ({}): a baseline is of one device; "
                        "update it from one machine's results",
                        from, what, listed));
    }
    return *values.begin();
}

// Lower case, runs of anything but letters and digits as one '-'.
std::string slug(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte)) {
            out.push_back(static_cast<char>(std::tolower(byte)));
        } else if (!out.empty() && out.back() != '-') {
            out.push_back('-');
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::optional<std::string> text(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return std::nullopt;
    return object[key].get<std::string>();
}

// Every verdict came from the cpu execution layer: correctness only.
bool cpu_execution_only(const json& results) {
    bool any = false;
    for (const json& candidate : results.value("candidates", json::array())) {
        const auto execution = text(candidate, "execution");
        if (!execution) continue;
        if (*execution != "cpu") return false;
        any = true;
    }
    return any;
}

}  // namespace

json make_baseline(json results, const std::string& from) {
    const run_environment environment = environment_of_results(results);
    json record;
    record["from"] = from;
    record["platform"] = single(environment.platforms, "platform", from);
    record["device"] = single(environment.devices, "device", from);
    record["architecture"] = single(environment.architectures, "architecture", from);
    record["driver"] = single(environment.drivers, "driver", from);
    record["hipkb_version"] = single(environment.hipkb_versions, "hipkb version", from);
    record["execution"] = cpu_execution_only(results) ? "cpu" : "gpu";
    record["updated"] = detail::utc_now();
    results["baseline"] = record;
    return with_summary(std::move(results));
}

std::string baseline_file_name(const json& results) {
    const json record = results.value("baseline", json());
    run_environment environment = environment_of_results(results);
    auto first = [](const std::set<std::string>& values) {
        return values.empty() ? std::optional<std::string>() : std::optional<std::string>(*values.begin());
    };
    const std::string platform = slug(first(environment.platforms).value_or("unknown"));
    const bool on_cpu = record.is_object() ? text(record, "execution") == "cpu" : cpu_execution_only(results);
    if (on_cpu) return fmt::format("cpu-{}.json", platform);
    std::string device;
    if (const auto architecture = first(environment.architectures); architecture && platform == "amd") {
        device = slug(*architecture);
    } else if (const auto name = first(environment.devices)) {
        device = slug(*name);
        // "NVIDIA H200" on nvidia is "h200", not "nvidia-nvidia-h200".
        if (device.rfind(platform + "-", 0) == 0) device.erase(0, platform.size() + 1);
    }
    if (device.empty()) device = "unknown-device";
    return fmt::format("{}-{}.json", platform, device);
}

}  // namespace hipkb::report
