// Adversarial candidate "noop": does no work at all and reports success. It
// tries the cheapest exploit there is, a benchmark that only looks at the
// return code and the clock, where "nothing" is infinitely fast. Caught by the
// output poison: the harness fills every output with 0xFF bytes (NaN) before
// each launch, so the unwritten output is still NaN when the correctness
// check reads it, and the verdict is nan_output on the first seed; a wrong
// candidate is never timed, so no speedup is ever reported.
#include <hipkb/entry.h>

extern "C" int hipkb_run(const hipkb_args* args) {
    (void)args;
    return 0;
}
