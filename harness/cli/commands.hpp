#pragma once
// Each group of `hipkb` subcommands registers itself on the app. The CLI
// only parses flags; the work is done by the harness libraries.

#include <CLI/CLI.hpp>

namespace hipkb::cli {

// run, list: build/run the suite (run_commands.cpp).
void add_run_commands(CLI::App& app);
// report, compare, merge (report_commands.cpp).
void add_report_commands(CLI::App& app);
// check: a run against its expected verdicts (check_command.cpp).
void add_check_command(CLI::App& app);
// generate, refine, describe (generate_commands.cpp).
void add_generate_commands(CLI::App& app);
// targets: speedup targets from results, for refine (targets_command.cpp).
void add_targets_command(CLI::App& app);
// import: a hip2hip-style dataset into problems (import_command.cpp).
void add_import_command(CLI::App& app);

// Thrown by a command to end with a given exit code after printing `what()`.
struct exit_request {
    int code;
};

}  // namespace hipkb::cli
