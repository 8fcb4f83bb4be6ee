/* hipkb's HIP-on-CPU layer: the HIP function and variable qualifiers.
 *
 * On the CPU every function is a host function, so the execution-space
 * qualifiers say nothing and expand to nothing. They are macros because they
 * are keywords of the HIP language, not names a function could provide.
 * __noinline__ is not defined: libstdc++ spells its own attribute
 * __attribute__((__noinline__)), which such a macro would break; a kernel
 * that uses it fails to compile naming it.
 * __shared__ is not here: the rewriter (harness/hip_on_cpu/rewriter) turns it
 * into block-private storage before the compiler sees it.
 */
#ifndef HIPKB_CPU_QUALIFIERS_H
#define HIPKB_CPU_QUALIFIERS_H

#ifdef HIPKB_POLICY_PARSE
/* Only when hipkb's source policy check parses a candidate (never in a
 * build): the execution space survives into the AST, so the check can tell
 * host code from device code. */
#define __global__ __attribute__((annotate("hipkb_global")))
#define __device__ __attribute__((annotate("hipkb_device")))
#define __host__ __attribute__((annotate("hipkb_host")))
#else
#define __global__
#define __device__
#define __host__
#endif
#define __constant__
#define __managed__
#define __forceinline__ inline __attribute__((always_inline))
#define __align__(n) alignas(n)
/* A hint for the GPU register allocator; nothing to do on the CPU. */
#define __launch_bounds__(...)

#endif /* HIPKB_CPU_QUALIFIERS_H */
