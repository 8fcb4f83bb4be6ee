#pragma once
// What one benchmark executable measures. CMake generates the definition of
// this_bench() for every executable (bench/CMakeLists.txt), so each one
// knows its problem and modules without command-line arguments.

namespace hipkb {

struct bench_config {
    const char* test_name;  // hipkb.bench.<problem>...
    const char* problem;
    int level;
    const char* spec_file;
    const char* reference_module;  // on the host platform, the golden
    const char* golden_module;     // "" when the reference is the golden
    const char* candidate_module;  // "" for a reference-only bench
    const char* run;               // "" for a reference-only bench
    const char* sample;
    const char* compile_log;        // the compile guard's log ("" for references)
    const char* peak_probe_module;  // harness/src/bench/peak_probe.hip built for the GPU ("" on host and cpu)
    const char* cpu_compile_log;    // cpu execution: the candidate's CPU compile log ("" otherwise)
    const char*
        input_generator_module;  // harness/src/bench/input_generator.hip built for the GPU or the CPU layer ("" on host)
};

[[nodiscard]] const bench_config& this_bench();

}  // namespace hipkb
