#include "format.hpp"

#include <fmt/core.h>

#include <chrono>
#include <cmath>
#include <ctime>

namespace hipkb::report::detail {

namespace {

// Three significant digits: 1.23, 12.3, 123.
std::string three_digits(double value) {
    const double magnitude = std::fabs(value);
    if (magnitude >= 100.0) return fmt::format("{:.0f}", value);
    if (magnitude >= 10.0) return fmt::format("{:.1f}", value);
    return fmt::format("{:.2f}", value);
}

}  // namespace

std::string format_time_ns(double ns) {
    if (!std::isfinite(ns)) return "-";
    const double magnitude = std::fabs(ns);
    if (magnitude >= 1e9) return three_digits(ns / 1e9) + " s";
    if (magnitude >= 1e6) return three_digits(ns / 1e6) + " ms";
    if (magnitude >= 1e3) return three_digits(ns / 1e3) + " us";
    return three_digits(ns) + " ns";
}

std::string format_fraction(double fraction) {
    if (!std::isfinite(fraction)) return "-";
    return fmt::format("{:.1f}%", fraction * 100.0);
}

std::string format_change(double change) {
    if (!std::isfinite(change)) return "-";
    return fmt::format("{:+.1f}%", change * 100.0);
}

std::string format_speedup(double speedup) {
    if (!std::isfinite(speedup)) return "-";
    return three_digits(speedup) + "x";
}

std::string format_rate(double per_second) {
    if (!std::isfinite(per_second)) return "-";
    static constexpr const char* prefixes[] = {"", "k", "M", "G", "T", "P", "E"};
    double value = per_second;
    std::size_t prefix = 0;
    while (std::fabs(value) >= 1000.0 && prefix + 1 < std::size(prefixes)) {
        value /= 1000.0;
        ++prefix;
    }
    return fmt::format("{} {}", three_digits(value), prefixes[prefix]);
}

std::string format_p_value(double p) {
    if (!std::isfinite(p)) return "-";
    if (p != 0.0 && p < 1e-4) return fmt::format("{:.1e}", p);
    return fmt::format("{:.4f}", p);
}

std::string time_or_dash(const nlohmann::json& value) {
    return value.is_number() ? format_time_ns(value.get<double>()) : "-";
}

std::string speedup_or_dash(const nlohmann::json& value) {
    return value.is_number() ? format_speedup(value.get<double>()) : "-";
}

std::string fraction_or_dash(const nlohmann::json& value) {
    return value.is_number() ? format_fraction(value.get<double>()) : "-";
}

std::string text_of(const nlohmann::json& object, const char* key, std::string_view fallback) {
    if (!object.is_object()) return std::string(fallback);
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string()) return std::string(fallback);
    return found->get<std::string>();
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

std::string markdown_cell(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out.push_back(' ');
        } else if (c == '<') {
            out += "&lt;";  // CI summaries render HTML: keep compiler output literal
        } else if (c == '>') {
            out += "&gt;";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char buffer[32] = {};
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        if (lead < 0x80U) length = 1;
        else if ((lead & 0xE0U) == 0xC0U && lead >= 0xC2U) length = 2;
        else if ((lead & 0xF0U) == 0xE0U) length = 3;
        else if ((lead & 0xF8U) == 0xF0U && lead <= 0xF4U) length = 4;
        bool ok = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; ok && k < length; ++k) {
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0U) == 0x80U;
        }
        if (ok) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out.push_back('?');
            ++i;
        }
    }
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++width;
    }
    return width;
}

}  // namespace hipkb::report::detail
