#include <hipkb/generator/backoff.hpp>

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace hipkb::generator {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
    return s;
}

std::optional<double> parse_non_negative(std::string_view text) {
    if (text.empty()) return std::nullopt;
    try {
        std::size_t used = 0;
        const std::string copy(text);
        const double value = std::stod(copy, &used);
        if (used != copy.size() || !std::isfinite(value) || value < 0.0) return std::nullopt;
        return value;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

bool is_retryable(const provider_outcome& outcome) {
    using kind = provider_outcome::kind;
    switch (outcome.what) {
        case kind::timeout:
        case kind::connection_error:
            return true;
        case kind::http_error:
            return outcome.http_status == 408 || outcome.http_status == 425 || outcome.http_status == 429 ||
                   outcome.http_status >= 500;
        case kind::answered:
        case kind::unavailable:
            return false;
    }
    return false;
}

std::chrono::duration<double> backoff_delay(const retry_policy& policy, std::int64_t failed_attempts,
                                            std::mt19937_64& random) {
    const double exponent = static_cast<double>(std::clamp<std::int64_t>(failed_attempts - 1, 0, 62));
    const double nominal = std::min(policy.longest.count(), policy.initial.count() * std::exp2(exponent));
    std::uniform_real_distribution<double> jitter(nominal / 2.0, nominal);
    return std::chrono::duration<double>(nominal > 0.0 ? jitter(random) : 0.0);
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view name, std::string_view value,
                                                           std::time_t now) {
    value = trim(value);
    if (iequals(name, "retry-after-ms")) {
        if (const auto ms = parse_non_negative(value)) {
            return std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(*ms)));
        }
        return std::nullopt;
    }
    if (!iequals(name, "retry-after")) return std::nullopt;
    if (const auto seconds = parse_non_negative(value)) {
        return std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(*seconds * 1000.0)));
    }
    // An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); curl_getdate reads it.
    const std::string copy(value);
    const std::time_t when = curl_getdate(copy.c_str(), nullptr);
    if (when == -1) return std::nullopt;
    const auto delta = static_cast<std::int64_t>(when - now);
    return std::chrono::milliseconds(std::max<std::int64_t>(0, delta) * 1000);
}

}  // namespace hipkb::generator
