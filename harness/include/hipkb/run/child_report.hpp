#pragma once
// The driver's side of a bench process's report channel
// (hipkb/core/report_channel.hpp): the driver, not the bench process,
// writes <test>.verdict.json and <test>.json, from what the process sent
// over the pipe, after the process has ended, and cross-checked against
// what the driver saw. A candidate that rewrites those files from inside
// the bench (an exit handler, a thread, a leftover child) changes nothing
// but gets a results_tampered verdict (docs/trust.md).

#include <hipkb/core/manifest.hpp>
#include <hipkb/core/process.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace hipkb {

// The file descriptor number a bench process finds its report pipe on.
inline constexpr int child_report_fd = 3;

struct child_files {
    std::filesystem::path verdict;          // <results>/<test>.verdict.json: the driver's alone
    std::filesystem::path benchmark;        // <results>/<test>.json: the driver's alone
    std::filesystem::path child_benchmark;  // where the process's Google Benchmark writes; removed after
};

[[nodiscard]] child_files child_files_for(const std::filesystem::path& results, const std::string& test);

// Removes the three files, so that one found after the run was written
// during it.
void clear_child_files(const child_files& files);

// After the process ended with `status` (a run record's status: ok,
// failed, crashed, timeout, ...): writes the verdict and the Google
// Benchmark JSON it reported. Any of these makes the verdict a
// results_tampered failure, and the candidate's rows in the benchmark JSON
// errors (so no time or speedup comes from them): a file of the driver's
// written during the run, bytes on the channel that are not a frame, a
// verdict for another test, a verdict and a benchmark JSON that disagree on
// whether the candidate failed. A verdict that says correct from a process
// that did not end ok is written as incorrect. Returns what the run record
// keeps about the report ("report": messages received, what was written,
// the problems found).
nlohmann::json record_child_report(const bench_entry& bench, const child_files& files, const process_result& result,
                                   const std::string& status);

}  // namespace hipkb
