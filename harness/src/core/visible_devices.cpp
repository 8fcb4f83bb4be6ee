#include <hipkb/core/visible_devices.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hipkb {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// `list` (a variable's value) applied to the GPUs visible so far.
std::vector<int> narrow(const std::vector<int>& visible, std::string_view list) {
    std::vector<int> out;
    if (trim(list).empty()) return out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string_view entry = trim(list.substr(start, comma - start));
        std::size_t index = 0;
        const auto [end, error] = std::from_chars(entry.data(), entry.data() + entry.size(), index);
        if (entry.empty() || error != std::errc() || end != entry.data() + entry.size() || index >= visible.size()) {
            break;
        }
        if (std::find(out.begin(), out.end(), visible[index]) == out.end()) out.push_back(visible[index]);
        start = comma + 1;
    }
    return out;
}

}  // namespace

environment_lookup process_environment() {
    return [](std::string_view name) -> std::optional<std::string> {
        const char* value = std::getenv(std::string(name).c_str());
        if (value == nullptr) return std::nullopt;
        return std::string(value);
    };
}

std::vector<int> visible_gpus(std::string_view platform, int physical_count, const environment_lookup& environment) {
    std::vector<int> visible;
    if (platform != "amd" && platform != "nvidia") return visible;
    for (int i = 0; i < physical_count; ++i) visible.push_back(i);
    const auto apply = [&](std::string_view name) {
        if (const auto value = environment(name)) visible = narrow(visible, *value);
    };
    if (platform == "amd") {
        apply("ROCR_VISIBLE_DEVICES");
        if (environment("HIP_VISIBLE_DEVICES")) {
            apply("HIP_VISIBLE_DEVICES");
        } else {
            apply("CUDA_VISIBLE_DEVICES");
        }
    } else {
        apply("CUDA_VISIBLE_DEVICES");
        apply("HIP_VISIBLE_DEVICES");
    }
    return visible;
}

std::vector<std::string> bind_to_gpu_environment(std::string_view platform, int physical) {
    if (platform == "amd") {
        return {fmt::format("ROCR_VISIBLE_DEVICES={}", physical), "HIP_VISIBLE_DEVICES=0", "CUDA_VISIBLE_DEVICES=0"};
    }
    if (platform == "nvidia") return {fmt::format("CUDA_VISIBLE_DEVICES={}", physical), "HIP_VISIBLE_DEVICES=0"};
    return {};
}

std::string installed_gpu_platform() {
    std::error_code ignored;
    if (std::filesystem::exists("/dev/kfd", ignored)) return "amd";
    if (std::filesystem::exists("/proc/driver/nvidia/gpus", ignored)) return "nvidia";
    return "";
}

int driver_gpu_count(std::string_view platform) {
    std::error_code error;
    int count = 0;
    if (platform == "nvidia") {
        for (const auto& entry : std::filesystem::directory_iterator("/proc/driver/nvidia/gpus", error)) {
            if (entry.is_directory()) ++count;
        }
        return count;
    }
    if (platform != "amd") return 0;
    // CPU nodes of the KFD topology have simd_count 0.
    for (const auto& node : std::filesystem::directory_iterator("/sys/class/kfd/kfd/topology/nodes", error)) {
        std::ifstream properties(node.path() / "properties");
        std::string line;
        while (std::getline(properties, line)) {
            std::istringstream fields(line);
            std::string key;
            long value = 0;
            if (fields >> key >> value && key == "simd_count" && value > 0) ++count;
        }
    }
    return count;
}

}  // namespace hipkb
