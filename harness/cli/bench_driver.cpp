// build/bench: runs every benchmark of the build it sits in, writes Google
// Benchmark JSON into build/results/ and prints the summary.
#include "suite_flags.hpp"

#include <hipkb/run/suite_runner.hpp>

#include <fmt/core.h>

#include <filesystem>

int main(int argc, char** argv) {
    CLI::App app{
        "Runs every benchmark of this build (each in its own process), writes Google Benchmark JSON into "
        "results/ next to this program, and prints a summary. Same as `hipkb run --build-dir <this dir>`."};
    hipkb::cli::suite_flags flags;
    flags.add_to(app);
    try {
        app.parse(argc, argv);
        flags.finish();
        flags.options.build_dir = std::filesystem::canonical("/proc/self/exe").parent_path();
        return hipkb::run_suite(flags.options);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    } catch (const std::exception& error) {
        fmt::print(stderr, "bench: error: {}\n", error.what());
        return 2;
    }
}
