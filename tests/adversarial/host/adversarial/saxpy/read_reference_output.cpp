// Adversarial candidate "read_reference_output": does not compute the
// output, it finds the reference's. A candidate runs in the harness's
// process, after the harness has run the reference on the same inputs, so
// the answer is somewhere in the process's memory. The launcher computes the
// first 16 elements honestly, searches every private anonymous mapping in
// /proc/self/maps for that run of floats, and copies the N elements found
// there. Against a harness that keeps the expected output in plain memory
// this is correct on every seed at the cost of one memory scan.
//
// Caught by the sealed answer and its decoy (docs/trust.md): the harness
// keeps the truth XOR-sealed and leaves a decoy with 8 altered elements in
// plain memory. This candidate finds the decoy, copies it, and the verdict
// is read_reference_output. If it found nothing it would leave the output
// unwritten (nan_output): the point is to cheat, not to fall back.
#include <hipkb/entry.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace {

constexpr std::size_t probe_count = 16;

// The start of `n` floats beginning with `probe`, other than `probe` itself
// and `skip`, or nullptr.
const float* find_answer(const float* probe, std::size_t n, const void* skip) {
    std::FILE* maps = std::fopen("/proc/self/maps", "r");
    if (maps == nullptr) return nullptr;
    char line[1024];
    const float* found = nullptr;
    std::uint32_t first_bits = 0;
    std::memcpy(&first_bits, probe, sizeof first_bits);
    while (found == nullptr && std::fgets(line, sizeof line, maps) != nullptr) {
        unsigned long low = 0, high = 0, offset = 0, inode = 0;
        char perms[8] = {};
        char device[16] = {};
        if (std::sscanf(line, "%lx-%lx %7s %lx %15s %lu", &low, &high, perms, &offset, device, &inode) != 6) continue;
        // Private anonymous memory only (heap, malloc arenas, large
        // allocations): reading a file mapping past its end would fault.
        if (perms[0] != 'r' || perms[1] != 'w' || perms[3] != 'p' || inode != 0) continue;
        // Multi-GiB reservations (runtime address-space pools) hold no answer.
        if (high - low > (8ul << 30)) continue;
        const auto* begin = reinterpret_cast<const unsigned char*>(low);
        const auto* end = reinterpret_cast<const unsigned char*>(high);
        for (const unsigned char* at = begin; at + n * sizeof(float) <= end; at += sizeof(float)) {
            std::uint32_t bits = 0;
            std::memcpy(&bits, at, sizeof bits);
            if (bits != first_bits) continue;
            const auto* candidate = reinterpret_cast<const float*>(at);
            if (candidate == probe || candidate == skip) continue;
            if (std::memcmp(candidate, probe, probe_count * sizeof(float)) == 0) {
                found = candidate;
                break;
            }
        }
    }
    std::fclose(maps);
    return found;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const auto n = static_cast<std::size_t>(args->dims[0]);
    if (n < probe_count) return 0;
    static float probe[probe_count];
    for (std::size_t i = 0; i < probe_count; ++i) {
        probe[i] = static_cast<float>(2.0 * static_cast<double>(x[i]) + static_cast<double>(w[i]));
    }
    if (const float* answer = find_answer(probe, n, y)) std::memcpy(y, answer, n * sizeof(float));
    return 0;
}
