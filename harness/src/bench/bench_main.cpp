// main() of every benchmark executable; the executable's own generated
// source provides this_bench().
#include "bench_runner.hpp"

int main(int argc, char** argv) { return hipkb::detail::run_bench(hipkb::this_bench(), argc, argv); }
