// hipkb_policy_check --source FILE --out FILE.policy.json [--generated-dir DIR] [--cpp] [-- PARSE_ARGS...]
//
// The build step that checks one candidate's host code (docs/trust.md, "The
// source policy") and writes its <module>.policy.json, which the bench reads
// before it trusts the candidate. Findings are a result, not a build error:
// exit 0 whenever the JSON is written. --generated-dir: the folder whose
// examples/ may carry exceptions. --cpp: a host-platform C++ candidate (no
// launch rewriting). Exit 2: bad usage or unreadable source; 1: the parse
// or the write failed.
#include <hipkb/core/atomic_file.hpp>
#include <hipkb/policy/host_code_policy.hpp>

#include <chrono>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::string source;
    std::string out;
    std::string generated_dir;
    hipkb::policy::check_options options;
    for (int n = 1; n < argc; ++n) {
        const std::string arg = argv[n];
        const bool has_value = n + 1 < argc;
        if (arg == "--source" && has_value) {
            source = argv[++n];
        } else if (arg == "--out" && has_value) {
            out = argv[++n];
        } else if (arg == "--generated-dir" && has_value) {
            generated_dir = argv[++n];
        } else if (arg == "--cpp") {
            options.rewrite_launches = false;
        } else if (arg == "--") {
            options.parse_args.assign(argv + n + 1, argv + argc);
            break;
        } else {
            std::cerr << "hipkb_policy_check: unknown or incomplete argument '" << arg
                      << "'; usage: hipkb_policy_check --source FILE --out FILE [--generated-dir DIR] [--cpp] "
                         "[-- PARSE_ARGS...]\n";
            return 2;
        }
    }
    if (source.empty() || out.empty()) {
        std::cerr << "hipkb_policy_check: --source and --out are required\n";
        return 2;
    }
    std::string text;
    try {
        text = hipkb::read_file(source);
    } catch (const std::exception& error) {
        std::cerr << "hipkb_policy_check: " << error.what() << "\n";
        return 2;
    }
    options.allow_exceptions = !generated_dir.empty() && hipkb::policy::exceptions_allowed_for(source, generated_dir);
    try {
        const auto start = std::chrono::steady_clock::now();
        const hipkb::policy::check_result result = hipkb::policy::check_host_code(text, source, options);
        nlohmann::json report = hipkb::policy::to_json(result);
        report["exceptions_allowed"] = options.allow_exceptions;
        report["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        hipkb::write_file_atomically(out, report.dump(2) + "\n");
        for (const hipkb::policy::finding& found : result.findings) {
            std::cerr << found.file << ":" << found.line << ":" << found.column
                      << ": forbidden_host_code: " << found.construct << " (" << found.category << "): " << found.why
                      << "\n";
        }
    } catch (const std::exception& error) {
        std::cerr << "hipkb_policy_check: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
