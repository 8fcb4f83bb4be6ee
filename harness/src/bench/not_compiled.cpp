// Built by the compile guard in place of a candidate that failed to compile,
// so the candidate's module still links and its bench reports the failure.
#include <hipkb/entry.h>

extern "C" {

// Its presence tells the bench that this module is the fallback.
__attribute__((visibility("default"))) extern const char hipkb_compile_failed[] = "compile_error";

int hipkb_run(const hipkb_args*) { return -1; }
}
