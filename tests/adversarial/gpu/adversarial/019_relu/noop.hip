// Adversarial candidate "noop": launches nothing and reports success. On a
// GPU this is the "infinitely fast kernel" a benchmark that only checks the
// return code and the clock would reward. Caught by the output poison: the
// harness fills every output with NaN (0xFF bytes) on its stream before each
// launch, the unwritten output is still NaN at the correctness check, and
// the verdict is nan_output on the first seed; a wrong candidate is never
// timed.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

extern "C" int hipkb_run(const hipkb_args* args) {
    (void)args;
    return 0;
}
