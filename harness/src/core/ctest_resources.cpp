#include <hipkb/core/ctest_resources.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdlib>
#include <stdexcept>

namespace hipkb {

namespace {

constexpr const char* gpu_variable = "CTEST_RESOURCE_GROUP_0_GPUS";

}  // namespace

std::string ctest_resource_spec(const std::vector<int>& visible) {
    nlohmann::json gpus = nlohmann::json::array();
    for (std::size_t i = 0; i < visible.size(); ++i) gpus.push_back({{"id", std::to_string(i)}, {"slots", 1}});
    const nlohmann::json spec = {{"version", {{"major", 1}, {"minor", 0}}}, {"local", {{{"gpus", gpus}}}}};
    return spec.dump(2) + "\n";
}

std::optional<int> ctest_gpu_id(const environment_lookup& environment) {
    const auto value = environment(gpu_variable);
    if (!value) return std::nullopt;
    // "id:<id>,slots:<n>"; with "gpus:1" there is exactly one allocation.
    const std::string& text = *value;
    const auto bad = [&] {
        return std::invalid_argument(
            fmt::format("{}='{}': expected 'id:N,slots:M' with N a GPU index (from a resource spec written by "
                        "hipkb devices --resource-spec)",
                        gpu_variable, text));
    };
    if (text.rfind("id:", 0) != 0) throw bad();
    const std::size_t comma = text.find(',');
    const std::string id_text = text.substr(3, comma == std::string::npos ? std::string::npos : comma - 3);
    int id = 0;
    const auto [end, error] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
    if (id_text.empty() || error != std::errc() || end != id_text.data() + id_text.size() || id < 0) throw bad();
    return id;
}

std::vector<std::string> ctest_gpu_binding(std::string_view platform, int driver_count,
                                           const environment_lookup& environment) {
    const std::optional<int> id = ctest_gpu_id(environment);
    if (!id || (platform != "amd" && platform != "nvidia")) return {};
    const std::vector<int> visible = visible_gpus(platform, driver_count, environment);
    if (static_cast<std::size_t>(*id) >= visible.size()) {
        throw std::invalid_argument(fmt::format(
            "CTest gave GPU id {}, but {} GPU(s) are visible here: write the resource spec with hipkb devices "
            "--resource-spec in the same environment (visible-devices variables) as ctest",
            *id, visible.size()));
    }
    return bind_to_gpu_environment(platform, visible[static_cast<std::size_t>(*id)]);
}

std::string bind_to_ctest_gpu(std::string_view platform) {
    try {
        const std::vector<std::string> binding =
            ctest_gpu_binding(platform, driver_gpu_count(platform), process_environment());
        for (const std::string& entry : binding) {
            const std::size_t equals = entry.find('=');
            ::setenv(entry.substr(0, equals).c_str(), entry.substr(equals + 1).c_str(), 1);
        }
        return "";
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
}

}  // namespace hipkb
