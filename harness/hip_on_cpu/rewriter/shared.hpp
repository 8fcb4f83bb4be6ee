// `__shared__` declarations: block-shared variables become `static
// thread_local` ones (a block's threads are fibers of one CPU thread), and
// `extern __shared__` unsized arrays become the block's dynamic shared memory.
#ifndef HIPKB_CPU_REWRITE_SHARED_HPP
#define HIPKB_CPU_REWRITE_SHARED_HPP

#include "context.hpp"

#include <cstddef>

namespace hipkb::cpu_rewrite::detail {

// Rewrites the declaration in which the `__shared__` token `index` appears
// (or leaves it when it is not a declaration); returns the token index to
// continue scanning from.
std::size_t rewrite_shared(context& ctx, std::size_t index);

}  // namespace hipkb::cpu_rewrite::detail

#endif  // HIPKB_CPU_REWRITE_SHARED_HPP
