// A module whose entry point has the wrong name, as a candidate that renamed
// hipkb_run would: it loads, but there is nothing to call.
extern "C" __attribute__((visibility("default"))) int hipkb_entry(const void* args) { return args == nullptr ? 1 : 0; }
