#include <hipkb/core/shard.hpp>

#include <fmt/core.h>

#include <charconv>

namespace hipkb {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.remove_suffix(1);
    return text;
}

// The whole of `text` as a decimal number, or false.
bool read_number(std::string_view text, std::size_t& value) {
    if (text.empty()) return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

shard_part parse_shard_part(std::string_view text) {
    const std::string_view trimmed = trim(text);
    if (trimmed.empty()) return {};
    const std::size_t slash = trimmed.find('/');
    shard_part part;
    if (slash == std::string_view::npos || !read_number(trimmed.substr(0, slash), part.index) ||
        !read_number(trimmed.substr(slash + 1), part.count)) {
        throw shard_error(
            fmt::format("shard '{}': expected i/n, two whole numbers with 1 <= i <= n, such as 2/4", text));
    }
    if (part.count == 0 || part.index < 1 || part.index > part.count) {
        throw shard_error(fmt::format("shard '{}': shard number {} is not between 1 and the shard count {}", text,
                                      part.index, part.count));
    }
    --part.index;
    return part;
}

std::uint64_t stable_name_hash(std::string_view name) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : name) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

bool in_shard_part(std::string_view name, const shard_part& part) {
    return part.count <= 1 || stable_name_hash(name) % part.count == part.index;
}

}  // namespace hipkb
