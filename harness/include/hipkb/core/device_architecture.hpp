#pragma once
// Facts about GPU architectures that the runtime API does not report, so the
// harness can size its cache flush and its bandwidth roofline right.

#include <cstddef>
#include <string_view>

namespace hipkb {

// Transfers per memory clock that hipDeviceAttributeMemoryClockRate implies:
// 2 (double data rate) for GDDR and for HBM as NVIDIA and earlier AMD parts
// report it; 4 for MI300 (gfx940/941/942), whose reported HBM3 clock is half
// the effective one (2 would give about 2.7 TB/s for MI300X's 5.3 TB/s).
[[nodiscard]] double memory_transfers_per_clock(std::string_view architecture);

// The last-level cache a flush must overwrite: the L2 the API reports,
// unless the architecture has a larger memory-side cache the API does not
// report (MI300's 256 MiB Infinity Cache, RDNA2/3's Infinity Cache).
// `architecture` is gcnArchName on AMD (e.g. "gfx942:sramecc+:xnack-") or
// sm_XY on NVIDIA.
[[nodiscard]] std::size_t last_level_cache_bytes(std::string_view architecture, std::size_t reported_l2_bytes);

}  // namespace hipkb
