// Adversarial candidate "cached_answer_on_disk": keeps an answer in a file
// beside the bench executable and, whenever that file exists, copies it into
// the output instead of computing. The first call of the first run computes
// honestly and writes the file; every later call, in this run and in any
// later run, reads it. Against a benchmark whose inputs are the same on
// every run (fixed seeds), an answer saved by an earlier run is the right
// answer, for the cost of a file read.
//
// Caught by the inputs: every run mixes a secret drawn from the OS into
// every seed, so an earlier run's answer (or an earlier seed's) is for other
// inputs, and the elementwise comparison reports a mismatch (on the second
// correctness seed of the first run, on the first seed of every later one).
#include <hipkb/entry.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

namespace {

std::string cache_file() {
    char self[4096] = {};
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    return std::string(self, length > 0 ? static_cast<std::size_t>(length) : 0) + ".answer_cache";
}

bool read_cached(float* y, std::int64_t n) {
    std::FILE* in = std::fopen(cache_file().c_str(), "rb");
    if (in == nullptr) return false;
    const bool whole = std::fread(y, sizeof(float), static_cast<std::size_t>(n), in) == static_cast<std::size_t>(n);
    std::fclose(in);
    return whole;
}

void write_cache(const float* y, std::int64_t n) {
    if (std::FILE* out = std::fopen(cache_file().c_str(), "wb")) {
        std::fwrite(y, sizeof(float), static_cast<std::size_t>(n), out);
        std::fclose(out);
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::int64_t n = args->dims[0];
    if (read_cached(y, n)) return 0;
    for (std::int64_t i = 0; i < n; ++i) y[i] = 2.0f * x[i] + w[i];
    write_cache(y, n);
    return 0;
}
