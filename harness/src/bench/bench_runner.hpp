#pragma once
// Runs one benchmark executable: correctness first, then Google Benchmark
// timing with device events, then the verdict file.

#include <hipkb/bench/bench_config.hpp>

namespace hipkb::detail {

// Exit codes: 0 measured (whatever the verdict), 77 no device (skipped),
// 1 the harness or the problem is broken (bad spec, reference fails its
// golden check or does not load).
inline constexpr int exit_skipped = 77;

int run_bench(const bench_config& config, int argc, char** argv);

}  // namespace hipkb::detail
