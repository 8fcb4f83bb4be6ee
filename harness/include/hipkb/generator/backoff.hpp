#pragma once
// When to try a request again.

#include <hipkb/generator/provider.hpp>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <optional>
#include <random>
#include <string_view>

namespace hipkb::generator {

struct retry_policy {
    std::int64_t max_attempts = 5;
    std::chrono::duration<double> initial{1.0};
    std::chrono::duration<double> longest{60.0};
};

// Timeouts, dropped connections, 408, 425, 429 and 5xx: the failures that a
// later attempt may not meet. Other 4xx, malformed answers and `unavailable`
// would fail the same way again.
[[nodiscard]] bool is_retryable(const provider_outcome& outcome);

// The delay after `failed_attempts` failures (1 for the first retry):
// initial * 2^(failed_attempts-1), capped at `longest`, then "equal jitter":
// uniform in [delay/2, delay], so retries of many requests spread out but
// never come sooner than half the nominal delay.
[[nodiscard]] std::chrono::duration<double> backoff_delay(const retry_policy& policy, std::int64_t failed_attempts,
                                                          std::mt19937_64& random);

// Parses a Retry-After header (delta seconds or an HTTP date, relative to
// `now`) or a retry-after-ms header (milliseconds, as OpenAI sends).
// `name` is the header name in any case; nullopt for other headers or
// values that do not parse.
[[nodiscard]] std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view name, std::string_view value,
                                                                         std::time_t now);

}  // namespace hipkb::generator
