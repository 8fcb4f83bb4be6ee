// Adversarial candidate "stale_output": returns without writing, betting
// that the output buffer it is handed is memory that still holds the
// reference's result. That is a real effect: the harness runs the reference
// first, frees its output, and an allocator (hipMalloc's caching allocator
// on a GPU, malloc here) readily hands the same block to the candidate's
// output, so a naive harness would compare the reference with itself. Caught
// by the output poison: every output is refilled with NaN immediately before
// the candidate's launch, whatever memory it reuses, so the verdict is
// nan_output.
#include <hipkb/entry.h>

extern "C" int hipkb_run(const hipkb_args* args) {
    // Nothing to do: "the result is already there".
    (void)args;
    return 0;
}
