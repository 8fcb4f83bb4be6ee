// Adversarial candidate "hang": never returns from its first call, as a
// kernel does whose loop waits on a condition that never becomes true. It is
// not an exploit that wins anything, but a broken candidate must cost a
// bounded time and must not stop the rest of the suite. Caught by the
// driver: every benchmark executable runs in its own process with a time
// limit (bench --timeout), the process group is killed when it runs out,
// and run.json records status "timeout"; no verdict is written, or one
// with correct=false.
#include <hipkb/entry.h>

namespace {

// volatile: the compiler must reread the flag on every iteration and may not
// treat the loop as side-effect free (which would let it delete the loop).
volatile bool g_released = false;

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    (void)args;
    while (!g_released) {
    }
    return 0;
}
