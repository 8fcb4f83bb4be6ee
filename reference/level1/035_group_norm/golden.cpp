// CPU golden for 035_group_norm: per (n, group), two-pass mean and biased
// variance in double over the group's consecutive channels, used to prove the
// reference right.
#include <hipkb/entry.h>

#include <cmath>
#include <cstdint>

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const int64_t n = args->dims[0];
    const int64_t c = args->dims[1];
    const int64_t g = args->dims[2];
    const int64_t hw = args->dims[3] * args->dims[4];
    // A group's channels are consecutive, so its elements are one contiguous run.
    const int64_t group_size = (c / g) * hw;
    const double eps = 1e-5;
    for (int64_t grp = 0; grp < n * g; ++grp) {
        const float* xg = x + grp * group_size;
        float* yg = y + grp * group_size;
        double sum = 0.0;
        for (int64_t i = 0; i < group_size; ++i) {
            sum += xg[i];
        }
        const double mean = sum / static_cast<double>(group_size);
        double sq = 0.0;
        for (int64_t i = 0; i < group_size; ++i) {
            const double d = xg[i] - mean;
            sq += d * d;
        }
        const double rstd = 1.0 / std::sqrt(sq / static_cast<double>(group_size) + eps);
        for (int64_t i = 0; i < group_size; ++i) {
            yg[i] = static_cast<float>((xg[i] - mean) * rstd);
        }
    }
    return 0;
}
