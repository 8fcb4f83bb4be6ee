// Reference: one thread per output element, grid-stride, summing the taps of
// its window that fall inside the volume; the divisor is always K*K*K because
// PyTorch's default count_include_pad counts the padding taps.
#include <hip/hip_runtime.h>
#include <hipkb/entry.h>

namespace {

struct pool_shape {
    int64_t volumes, d, h, w;  // input: N*C volumes of D x H x W
    int64_t od, oh, ow;        // output volume
    int64_t k, s, p;
};

__global__ void avgpool3d_kernel(const float* x, float* y, pool_shape g) {
    const int64_t total = g.volumes * g.od * g.oh * g.ow;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    const float divisor = static_cast<float>(g.k * g.k * g.k);
    for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total; t += stride) {
        const int64_t ox = t % g.ow;
        const int64_t oy = (t / g.ow) % g.oh;
        const int64_t oz = (t / (g.ow * g.oh)) % g.od;
        const int64_t v = t / (g.ow * g.oh * g.od);
        const float* xv = x + v * g.d * g.h * g.w;
        float sum = 0.0f;
        for (int64_t kz = 0; kz < g.k; ++kz) {
            const int64_t iz = oz * g.s - g.p + kz;
            if (iz < 0 || iz >= g.d) {
                continue;
            }
            for (int64_t ky = 0; ky < g.k; ++ky) {
                const int64_t iy = oy * g.s - g.p + ky;
                if (iy < 0 || iy >= g.h) {
                    continue;
                }
                for (int64_t kx = 0; kx < g.k; ++kx) {
                    const int64_t ix = ox * g.s - g.p + kx;
                    if (ix >= 0 && ix < g.w) {
                        sum += xv[(iz * g.h + iy) * g.w + ix];
                    }
                }
            }
        }
        y[t] = sum / divisor;
    }
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    const auto* x = static_cast<const float*>(args->inputs[0]);
    auto* y = static_cast<float*>(args->outputs[0]);
    pool_shape g{};
    g.volumes = args->dims[0] * args->dims[1];
    g.d = args->dims[2];
    g.h = args->dims[3];
    g.w = args->dims[4];
    g.k = args->dims[5];
    g.s = args->dims[6];
    g.p = args->dims[7];
    g.od = (g.d + 2 * g.p - g.k) / g.s + 1;
    g.oh = (g.h + 2 * g.p - g.k) / g.s + 1;
    g.ow = (g.w + 2 * g.p - g.k) / g.s + 1;
    constexpr int block = 256;
    const int64_t blocks_needed = (g.volumes * g.od * g.oh * g.ow + block - 1) / block;
    if (blocks_needed == 0) {
        return 0;
    }
    const int grid = static_cast<int>(blocks_needed < 65536 ? blocks_needed : 65536);
    avgpool3d_kernel<<<grid, block, 0, static_cast<hipStream_t>(args->stream)>>>(x, y, g);
    return static_cast<int>(hipGetLastError());
}
