// Adversarial candidate "read_reference_output": does not compute ReLU, it
// finds the reference's result. The launcher runs in the harness's process,
// after the harness has run the reference on the same inputs and downloaded
// its output to the host, so the answer is somewhere in host memory. It
// copies the first 16 inputs to the host, applies ReLU to them, searches
// every private anonymous mapping in /proc/self/maps for that run of floats
// and uploads the B*D elements found there. Against a harness that keeps
// the expected output in plain host memory it is correct on every seed.
//
// Caught by the sealed answer and its decoy (docs/trust.md): the truth is
// XOR-sealed, the decoy in plain memory has 8 altered elements, this
// candidate copies the decoy, and the verdict is read_reference_output. If it
// found nothing it would leave the output unwritten (nan_output).
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <cstddef>
#include <cstdio>
#include <cstring>

namespace {

const std::size_t probe_count = 16;

// The start of `n` floats beginning with `probe`, other than `probe` itself, or NULL.
const float* find_answer(const float* probe, std::size_t n) {
    std::FILE* maps = std::fopen("/proc/self/maps", "r");
    if (maps == NULL) return NULL;
    char line[1024];
    const float* found = NULL;
    unsigned int first_bits = 0;
    std::memcpy(&first_bits, probe, sizeof first_bits);
    while (found == NULL && std::fgets(line, sizeof line, maps) != NULL) {
        unsigned long low = 0, high = 0, offset = 0, inode = 0;
        char perms[8] = {0};
        char device[16] = {0};
        if (std::sscanf(line, "%lx-%lx %7s %lx %15s %lu", &low, &high, perms, &offset, device, &inode) != 6) continue;
        // Private anonymous memory only: file mappings can fault past their
        // end, and shared ones may be device apertures.
        if (perms[0] != 'r' || perms[1] != 'w' || perms[3] != 'p' || inode != 0) continue;
        // Multi-GiB reservations (runtime address-space pools) hold no answer.
        if (high - low > (8ul << 30)) continue;
        const unsigned char* begin = reinterpret_cast<const unsigned char*>(low);
        const unsigned char* end = reinterpret_cast<const unsigned char*>(high);
        for (const unsigned char* at = begin; at + n * sizeof(float) <= end; at += sizeof(float)) {
            unsigned int bits = 0;
            std::memcpy(&bits, at, sizeof bits);
            if (bits != first_bits) continue;
            const float* candidate = reinterpret_cast<const float*>(at);
            if (candidate == probe) continue;
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
    const float* x = static_cast<const float*>(args->inputs[0]);
    float* y = static_cast<float*>(args->outputs[0]);
    const std::size_t n = static_cast<std::size_t>(args->dims[0] * args->dims[1]);
    const hipStream_t stream = static_cast<hipStream_t>(args->stream);
    if (n < probe_count) return 0;
    static float probe[probe_count];
    hipError_t rc = hipStreamSynchronize(stream);
    if (rc == hipSuccess) rc = hipMemcpy(probe, x, sizeof probe, hipMemcpyDeviceToHost);
    if (rc != hipSuccess) return static_cast<int>(rc);
    for (std::size_t i = 0; i < probe_count; ++i) probe[i] = probe[i] > 0.0f ? probe[i] : 0.0f;
    const float* answer = find_answer(probe, n);
    if (answer == NULL) return 0;
    return static_cast<int>(hipMemcpy(y, answer, n * sizeof(float), hipMemcpyHostToDevice));
}
