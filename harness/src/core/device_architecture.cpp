#include <hipkb/core/device_architecture.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace hipkb {

namespace {

// The gfx name without target features ("gfx942:sramecc+:xnack-" -> "gfx942").
std::string_view base_name(std::string_view architecture) { return architecture.substr(0, architecture.find(':')); }

constexpr std::size_t mib = std::size_t{1} << 20;

// Memory-side caches the runtime does not report as L2 (vendor data sheets;
// the largest configuration of each architecture).
constexpr std::array<std::pair<std::string_view, std::size_t>, 9> memory_side_caches = {{
    {"gfx940", 256 * mib},  // MI300A/X Infinity Cache
    {"gfx941", 256 * mib},
    {"gfx942", 256 * mib},
    {"gfx950", 256 * mib},   // MI350
    {"gfx1030", 128 * mib},  // RX 6800/6900
    {"gfx1031", 96 * mib},
    {"gfx1100", 96 * mib},  // RX 7900
    {"gfx1101", 64 * mib},
    {"gfx1102", 32 * mib},
}};

}  // namespace

double memory_transfers_per_clock(std::string_view architecture) {
    const std::string_view name = base_name(architecture);
    if (name == "gfx940" || name == "gfx941" || name == "gfx942") return 4.0;
    return 2.0;
}

std::size_t last_level_cache_bytes(std::string_view architecture, std::size_t reported_l2_bytes) {
    const std::string_view name = base_name(architecture);
    for (const auto& [arch, bytes] : memory_side_caches) {
        if (arch == name) return std::max(bytes, reported_l2_bytes);
    }
    return reported_l2_bytes;
}

}  // namespace hipkb
