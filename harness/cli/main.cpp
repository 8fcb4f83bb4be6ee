// hipkb: the command line of the suite.
#include "commands.hpp"

#include <fmt/core.h>

#include <exception>

int main(int argc, char** argv) {
    CLI::App app{
        "hipkb: a benchmark suite for LLM-optimized HIP kernels.\n"
        "Build the suite with CMake, then run, report and compare its results."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "hipkb 0.1.0");
    hipkb::cli::add_run_commands(app);
    hipkb::cli::add_report_commands(app);
    hipkb::cli::add_check_command(app);
    hipkb::cli::add_generate_commands(app);
    hipkb::cli::add_targets_command(app);
    hipkb::cli::add_import_command(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    } catch (const hipkb::cli::exit_request& request) {
        return request.code;
    } catch (const std::exception& error) {
        fmt::print(stderr, "hipkb: error: {}\n", error.what());
        return 2;
    }
    return 0;
}
