#include <hipkb/policy/policy_exceptions.hpp>

#include <fmt/core.h>

namespace hipkb::policy {

namespace {

constexpr std::string_view marker = "// hipkb-policy-allow:";

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

}  // namespace

parsed_exceptions find_policy_exceptions(std::string_view source_text) {
    parsed_exceptions found;
    unsigned line_number = 0;
    std::size_t start = 0;
    while (start <= source_text.size()) {
        const std::size_t end = std::min(source_text.find('\n', start), source_text.size());
        ++line_number;
        // Only a line that is this comment and nothing else: the marker
        // inside a string or after code is not an exception.
        const std::string_view line = trimmed(source_text.substr(start, end - start));
        if (line.starts_with(marker)) {
            const std::string_view rest = trimmed(line.substr(marker.size()));
            // ": " ends the construct, whose own name may hold "::".
            const auto colon = rest.find(": ");
            const std::string_view construct = trimmed(rest.substr(0, colon));
            const std::string_view reason =
                colon == std::string_view::npos ? std::string_view{} : trimmed(rest.substr(colon + 2));
            if (construct.empty() || reason.empty()) {
                found.malformed.push_back(
                    fmt::format("line {}: an exception needs a construct and a reason: '{} <construct>: <reason>'",
                                line_number, marker));
            } else {
                found.valid.push_back({line_number, std::string(construct), std::string(reason)});
            }
        }
        start = end + 1;
    }
    return found;
}

}  // namespace hipkb::policy
