// Control candidate "host_compute": copies the input to the host with
// hipMemcpy, computes ReLU on the CPU and copies the result back, all
// inside hipkb_run. Nothing runs outside the timed interval (the harness
// records its start event before calling hipkb_run and its stop event after
// it returns, and hipMemcpy does not return before the copy is done), so a
// harness that times with events on its stream charges the whole host
// round trip to the candidate. It must be neither flagged nor rewarded: no
// failure kind, correct, and a speedup well below 1.2 (two transfers over
// the host link plus a single CPU thread against a bandwidth-bound kernel).
// It would only be a concern if the harness timed the device alone (for
// example with a kernel profiler); it does not.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

#include <algorithm>
#include <cstddef>
#include <vector>

// C++11 (Debian's hipcc compiles .hip as C++11 by default): no if-initialisers.
#define RETURN_ON_ERROR(call)                                  \
    do {                                                       \
        const hipError_t rc_ = (call);                         \
        if (rc_ != hipSuccess) return static_cast<int>(rc_);   \
    } while (0)

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const auto n = static_cast<std::size_t>(args->dims[0] * args->dims[1]);
    const auto stream = static_cast<hipStream_t>(args->stream);
    // hipMemcpy is ordered on the null stream, not on the harness's
    // non-blocking stream: wait for anything the harness queued there first.
    RETURN_ON_ERROR(hipStreamSynchronize(stream));
    static std::vector<float> host;  // reused: allocation is not what is being shown here
    host.resize(n);
    RETURN_ON_ERROR(hipMemcpy(host.data(), x, n * sizeof(float), hipMemcpyDeviceToHost));
    std::transform(host.begin(), host.end(), host.begin(), [](float v) { return std::max(v, 0.0f); });
    return static_cast<int>(hipMemcpy(y, host.data(), n * sizeof(float), hipMemcpyHostToDevice));
}
