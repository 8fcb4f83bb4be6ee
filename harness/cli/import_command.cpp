// hipkb import: a hip2hip-style dataset into problem folders.
#include "commands.hpp"

#include <hipkb/importer/dataset_import.hpp>

#include <fmt/core.h>

#include <memory>

namespace hipkb::cli {

namespace {

struct import_flags {
    std::string dataset;
    std::string list;
    std::string out = "reference/imported";
    int level = 1;
};

// 0 when every entry mapped, 1 when some were skipped, 2 for bad input.
int run_import(const import_flags& flags) {
    importer::import_options options;
    options.dataset = flags.dataset;
    if (!flags.list.empty()) options.list = flags.list;
    options.out = flags.out;
    options.level = flags.level;
    importer::import_report report;
    try {
        report = importer::import_dataset(options);
    } catch (const importer::dataset_error& error) {
        fmt::print(stderr, "hipkb import: error: {}\n", error.what());
        return 2;
    }
    for (const std::string& name : report.imported)
        fmt::print("imported {} -> {}\n", name, (options.out / name).string());
    if (!report.skipped.empty()) {
        fmt::print("skipped {} of {} entries:\n", report.skipped.size(),
                   report.skipped.size() + report.imported.size());
        for (const auto& entry : report.skipped) fmt::print("  {}: {}\n", entry.name, entry.reason);
    }
    fmt::print("{} imported, {} skipped; imported problems need review (spec.json: \"imported\".notes)\n",
               report.imported.size(), report.skipped.size());
    return report.skipped.empty() ? 0 : 1;
}

}  // namespace

void add_import_command(CLI::App& app) {
    auto* command = app.add_subcommand(
        "import",
        "Turn a hip2hip-style dataset (a JSON list of {name, hip_file, code_body} over hip_code/) into problems");
    auto flags = std::make_shared<import_flags>();
    command->add_option("dataset", flags->dataset, "The dataset folder")->required();
    command->add_option("--list", flags->list,
                        "The JSON list of entries (default: the only *.json at the dataset's top)");
    command->add_option("--out", flags->out, "Where the problem folders go (reference/level<N> to build them)")
        ->capture_default_str();
    command->add_option("--level", flags->level, "The level written in each spec")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    command->callback([flags] {
        const int code = run_import(*flags);
        if (code != 0) throw exit_request{code};
    });
}

}  // namespace hipkb::cli
