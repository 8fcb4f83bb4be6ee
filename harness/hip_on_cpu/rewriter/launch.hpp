// The triple-chevron launch: `KERNEL<<<CONFIG>>>(ARGS)` becomes
// `::hipkb::cpu::launch(CONFIG, [&](auto... hipkb_launch_args_) { KERNEL(hipkb_launch_args_...); }, ARGS)`.
#ifndef HIPKB_CPU_REWRITE_LAUNCH_HPP
#define HIPKB_CPU_REWRITE_LAUNCH_HPP

#include "context.hpp"

#include <cstddef>

namespace hipkb::cpu_rewrite::detail {

// Rewrites the launch whose "<<<" is token `chevrons` (or records why it
// cannot); returns the token index to continue scanning from.
std::size_t rewrite_launch(context& ctx, std::size_t chevrons);

}  // namespace hipkb::cpu_rewrite::detail

#endif  // HIPKB_CPU_REWRITE_LAUNCH_HPP
