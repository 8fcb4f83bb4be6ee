#pragma once
// Splitting a loop over a large tensor across the machine's cores: inputs
// and comparisons at benchmark sizes run to hundreds of millions of
// elements, and the host side of the harness must not dominate a
// candidate's evaluation.

#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

namespace hipkb::detail {

// Below this many elements a thread costs more than it saves.
inline constexpr std::int64_t elements_per_thread_minimum = std::int64_t{1} << 18;

// How many contiguous chunks `count` elements are split into.
[[nodiscard]] inline std::int64_t chunk_count(std::int64_t count) {
    const auto hardware = static_cast<std::int64_t>(std::max(1u, std::thread::hardware_concurrency()));
    return std::clamp<std::int64_t>(count / elements_per_thread_minimum, 1, hardware);
}

// Calls body(chunk, begin, end) for chunk = 0 .. chunks-1 over [0, count),
// each on its own thread (the calling thread alone when there is one).
template <typename Body>
void parallel_chunks(std::int64_t count, std::int64_t chunks, Body body) {
    if (chunks <= 1) {
        body(std::int64_t{0}, std::int64_t{0}, count);
        return;
    }
    const std::int64_t size = (count + chunks - 1) / chunks;
    std::vector<std::jthread> workers;
    for (std::int64_t c = 0; c < chunks; ++c) {
        const std::int64_t begin = std::min(count, c * size);
        const std::int64_t end = std::min(count, begin + size);
        workers.emplace_back([=, &body] { body(c, begin, end); });
    }
}

}  // namespace hipkb::detail
