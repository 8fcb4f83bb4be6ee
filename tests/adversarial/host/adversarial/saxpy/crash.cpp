// Adversarial candidate "crash": writes through a null pointer on its first
// call, as a kernel does that dereferences an unset argument. A crashing
// candidate must take down only its own benchmark and be recorded as such,
// not abort the suite or lose the other results. Caught by the driver: each
// benchmark executable runs in its own process; the SIGSEGV ends it and
// run.json records status "crashed" with the signal.
#include <hipkb/entry.h>

#include <csignal>

namespace {

// A volatile pointer object: its value is loaded at run time, so the
// compiler cannot see that it is null and replace the store with a trap
// instruction (which would end the process with SIGILL instead).
int* volatile g_unset = nullptr;

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    (void)args;
    *g_unset = 1;
    // Only reached where page zero is mapped: crash the same way regardless.
    std::raise(SIGSEGV);
    return 0;
}
