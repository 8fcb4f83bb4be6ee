#pragma once
// The figures each bench measures about its device before timing (event and
// launch floors, the copy-bandwidth and FMA probes, the unsynchronized-work
// slack), gathered from a results folder's verdict files: what the first run
// on a new GPU should print, to see the harness's own floors and probes.

#include <filesystem>
#include <string>

namespace hipkb::report {

// A Markdown table: one row per figure with its median, smallest and largest
// value over the reference verdicts in `results_dir` that carry it, and how
// many do. Empty when none carries any (a CPU or host run measures none).
[[nodiscard]] std::string device_figures_markdown(const std::filesystem::path& results_dir);

}  // namespace hipkb::report
