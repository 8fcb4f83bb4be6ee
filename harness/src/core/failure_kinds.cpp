#include <hipkb/core/failure_kinds.hpp>

#include <array>

namespace hipkb {

namespace {

constexpr std::array kinds = {
    failure_kind_info{"compile_error", "the candidate does not compile for the GPU target", at_fault::candidate},
    failure_kind_info{"forbidden_host_code", "the candidate's host code uses a construct the source policy forbids",
                      at_fault::candidate},
    failure_kind_info{"load_error", "the candidate's module cannot be loaded or has no hipkb_run", at_fault::candidate},
    failure_kind_info{"launch_error", "hipkb_run returned an error, or left one pending", at_fault::candidate},
    failure_kind_info{"mismatch", "an output element is outside the tolerance", at_fault::candidate},
    failure_kind_info{"nan_output", "an output element is NaN or was never written", at_fault::candidate},
    failure_kind_info{"read_reference_output", "the output copies a decoy of the reference's answer",
                      at_fault::candidate},
    failure_kind_info{"out_of_bounds_write", "the guard bytes around an output were overwritten", at_fault::candidate},
    failure_kind_info{"input_modified", "an input changed (inputs are read-only)", at_fault::candidate},
    failure_kind_info{"recheck_mismatch", "wrong on the timing inputs, after timing or on a repeated call",
                      at_fault::candidate},
    failure_kind_info{"unsynchronized_work", "the device stayed busy after the harness stream finished",
                      at_fault::candidate},
    failure_kind_info{"result_caching", "much faster on unchanged inputs than on changing ones", at_fault::candidate},
    failure_kind_info{"schedule_dependent", "right in one thread order, wrong in another: a race (cpu execution)",
                      at_fault::candidate},
    failure_kind_info{"thread_left_running", "hipkb_run returned with a thread of its own still running",
                      at_fault::candidate},
    failure_kind_info{"clock_tampered", "the C library's clock disagreed with the system call's while timed",
                      at_fault::candidate},
    failure_kind_info{"results_tampered", "the bench process wrote a file the driver writes, or its report disagrees",
                      at_fault::candidate},
    failure_kind_info{"timeout", "the bench process ran past its time limit and was killed", at_fault::candidate},
    failure_kind_info{"crashed", "the bench process died on a signal", at_fault::candidate},
    failure_kind_info{"failed", "the bench process exited with an error", at_fault::candidate},
    failure_kind_info{"cpu_unsupported", "compiles for the GPU but not for the cpu execution layer", at_fault::harness},
};

}  // namespace

std::span<const failure_kind_info> failure_kinds() { return kinds; }

const failure_kind_info* find_failure_kind(std::string_view name) {
    for (const failure_kind_info& kind : kinds) {
        if (kind.name == name) return &kind;
    }
    return nullptr;
}

std::string_view to_string(at_fault fault) { return fault == at_fault::candidate ? "candidate" : "harness"; }

}  // namespace hipkb
