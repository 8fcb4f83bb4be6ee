#pragma once
// Flags shared by `hipkb run` and build/bench.

#include <hipkb/run/suite_runner.hpp>

#include <CLI/CLI.hpp>

#include <string>

namespace hipkb::cli {

struct suite_flags {
    suite_options options;
    std::string shard_text;
    std::string results_dir;
    std::string report_dir;
    std::string seed_text;
    bool no_report = false;

    // Registers the flags on `app`; `finish()` turns them into options.
    void add_to(CLI::App& app);
    void finish();
};

}  // namespace hipkb::cli
