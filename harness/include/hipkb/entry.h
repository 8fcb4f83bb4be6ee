/* The one entry point every implementation of a problem provides.
 *
 * A reference (reference/<level>/<problem>/reference.hip), a candidate
 * (generated/<run>/<problem>/<sample>.hip) and a CPU golden (golden.cpp) all
 * define `hipkb_run` with this signature. Each is built into its own shared
 * module that exports nothing else, and the bench loads them side by side, so
 * two implementations may use the same kernel names without clashing.
 *
 * The harness owns every buffer: inputs and outputs are allocated, filled and
 * checked by it. An implementation only launches work on `stream` and returns.
 * On the host platform (and for goldens) the pointers are host memory and
 * `stream` is null.
 *
 * This header is C so that it reads the same from HIP, CUDA and C++.
 */
#ifndef HIPKB_ENTRY_H
#define HIPKB_ENTRY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever hipkb_args changes layout. */
#define HIPKB_ABI_VERSION 1

typedef struct hipkb_args {
    /* Device pointers to the inputs, in the order of the spec's "inputs". */
    const void* const* inputs;
    int num_inputs;
    /* Device pointers to the outputs, in the order of the spec's "outputs".
     * They arrive filled with NaN (0xFF bytes), so an element the
     * implementation does not write is caught. */
    void* const* outputs;
    int num_outputs;
    /* The spec's "dims", in the spec's order (for example M, N, K). */
    const int64_t* dims;
    int num_dims;
    /* The hipStream_t to launch on (a cudaStream_t on the nvidia platform;
     * null on the host platform). Work on any other stream is an error. */
    void* stream;
} hipkb_args;

/* The entry point stays visible when a module is built with
 * -fvisibility=hidden; the linker version script then exports it alone. */
#if defined(__GNUC__) || defined(__clang__)
#define HIPKB_ENTRY_VISIBILITY __attribute__((visibility("default")))
#else
#define HIPKB_ENTRY_VISIBILITY
#endif

/* Launches the computation on args->stream. Returns 0 on success, otherwise a
 * HIP error code (hipGetLastError() after the launch is the usual value). */
HIPKB_ENTRY_VISIBILITY int hipkb_run(const hipkb_args* args);

#ifdef __cplusplus
}
#endif

#endif /* HIPKB_ENTRY_H */
